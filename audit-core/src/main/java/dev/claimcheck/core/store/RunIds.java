package dev.claimcheck.core.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Run ids: {@code YYYYMMDDTHHMMSSZ-<8 hex>}. */
public final class RunIds {
    public static final Pattern PATTERN = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{8}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC).withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    /** The time a run id is stamped with, or empty when it is not a run id or not a real date and time (strict: no 30 February). */
    public static java.util.Optional<Instant> instant(String runId) {
        if (runId == null || !PATTERN.matcher(runId).matches()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(STRICT.parse(runId.substring(0, 16), Instant::from));
        } catch (java.time.DateTimeException e) {
            return java.util.Optional.empty();
        }
    }

    public static String next(Instant now) {
        return STAMP.format(now) + "-" + String.format("%08x", RANDOM.nextInt());
    }
}
