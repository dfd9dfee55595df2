package dev.claimcheck.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code answersSha256}: a hash over a dataset's (task id, expected answer) pairs, so a recipe can pin the
 * answers and {@code verify} can check the {@code verdict.expected} of a run without the dataset
 * (docs/datasets.md). Pairs are sorted by the UTF-8 bytes of the id (code point order); each id and
 * answer is fed as {@code <UTF-8 byte length>:<UTF-8 bytes>}, so no separator can be forged.
 */
public final class AnswersHash {
    private AnswersHash() {
    }

    /** The hash of id → expected answer. */
    public static String of(Map<String, String> answers) {
        List<byte[][]> pairs = new ArrayList<>(answers.size());
        answers.forEach((id, answer) -> pairs.add(new byte[][] {
            id.getBytes(StandardCharsets.UTF_8), answer.getBytes(StandardCharsets.UTF_8)}));
        pairs.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
        for (byte[][] pair : pairs) {
            for (byte[] field : pair) {
                digest.update(Integer.toString(field.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(field);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
