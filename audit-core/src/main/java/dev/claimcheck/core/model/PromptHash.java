package dev.claimcheck.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The sha256 of a prompt: roles and contents joined in a fixed unambiguous form. The harness and
 * the simulator's oracle both key on it, so no expected answer travels in a request.
 */
public final class PromptHash {
    private PromptHash() {
    }

    public static String of(List<ChatMessage> messages) {
        MessageDigest digest = sha256();
        for (ChatMessage m : messages) {
            update(digest, m.role());
            update(digest, m.content() == null ? "" : m.content());
            for (ToolCall call : m.toolCalls()) {
                update(digest, call.name());
                update(digest, call.arguments());
            }
            update(digest, m.toolCallId() == null ? "" : m.toolCallId());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    // Length-prefixing each field makes ("ab","c") and ("a","bc") hash differently.
    private static void update(MessageDigest digest, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
