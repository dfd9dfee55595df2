package dev.claimcheck.site.answers;

import dev.claimcheck.core.model.Sample;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The path segment of a task id in a sample's permalink ({@code runs/ID/samples/SEGMENT/ATTEMPT}): the task id itself
 * when it is a safe file name, else its unsafe characters replaced by {@code -} and the first 8 hex of its sha256
 * appended, so the segment stays unique, stable and the same for the server and the export.
 */
public final class SampleKey {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    private SampleKey() {
    }

    public static String segment(String taskId) {
        if (SAFE.matcher(taskId).matches()) {
            return taskId;
        }
        String cut = taskId.length() > 60 ? taskId.substring(0, 60) : taskId;
        return cut.replaceAll("[^A-Za-z0-9_-]", "-") + "-" + sha256(taskId).substring(0, 8);
    }

    /** {@code SEGMENT/ATTEMPT}: the sample's path below {@code runs/ID/samples/}. */
    public static String path(Sample s) {
        return segment(s.taskId()) + "/" + s.attempt();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
