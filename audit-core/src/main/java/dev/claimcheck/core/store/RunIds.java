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
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    public static String next(Instant now) {
        return STAMP.format(now) + "-" + String.format("%08x", RANDOM.nextInt());
    }
}
