package dev.claimcheck.core.suite.arc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The dataset hash of a folder of task files (run.json {@code suite.dataset.sha256}): SHA-256 over, for each task
 * file in the byte order of the UTF-8 names, {@code <byte length of name>:<name bytes><byte length of file>:<file
 * bytes>} (lengths in ASCII decimal), the length-prefixed framing of {@code model.AnswersHash}, so no file's bytes can
 * pose as a boundary. It changes when a file is added, removed, renamed or edited, and only then (docs/datasets.md).
 */
final class ArcFolderHash {
    private ArcFolderHash() {
    }

    /** @param names file names, already in byte order, one per entry of {@code contents} */
    static String of(List<String> names, List<byte[]> contents) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
        for (int i = 0; i < names.size(); i++) {
            field(digest, utf8(names.get(i)));
            field(digest, contents.get(i));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, byte[] bytes) {
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
