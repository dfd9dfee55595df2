package dev.claimcheck.core.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/** Run ids: {@code YYYYMMDDTHHMMSSZ-<8 hex>}. */
public final class RunIds {
    public static final Pattern PATTERN = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{8}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** uuuu, not yyyy: the STRICT resolver needs a proleptic year to reject 20260230 rather than clamp it. */
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withResolverStyle(ResolverStyle.STRICT).withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    /** The instant a run id is stamped with; empty when it is not a run id or names no real date and time. */
    public static Optional<Instant> instant(String runId) {
        if (runId == null || !PATTERN.matcher(runId).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(STRICT.parse(runId.substring(0, 16), Instant::from));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    public static String next(Instant now) {
        return STAMP.format(now) + "-" + String.format("%08x", RANDOM.nextInt());
    }
}
