package dev.claimcheck.core.grade;

import dev.claimcheck.core.model.Verdict;
import java.math.BigInteger;

/** Exact integer match after extracting the last {@code \boxed{}}; used by the arith suite. */
public final class BoxedIntegerGrader implements Grader {
    public static final String ID = "arith";
    public static final String VERSION = "1";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public Verdict grade(String response, String expected) {
        String boxed = lastBoxed(response == null ? "" : response);
        if (boxed == null) {
            return verdict(false, null, expected, "no \\boxed{} answer");
        }
        String cleaned = boxed.replaceAll("[\\s,$]|\\\\[,!; ]", "");
        if (!cleaned.matches("[+-]?\\d{1,1000}")) {
            return verdict(false, boxed, expected, "boxed answer is not an integer");
        }
        boolean equal;
        try {
            equal = new BigInteger(cleaned).equals(new BigInteger(expected.strip()));
        } catch (NumberFormatException e) {
            return verdict(false, boxed, expected, "expected answer is not an integer");
        }
        return verdict(equal, cleaned, expected, equal ? "exact integer match" : "integer differs");
    }

    private static Verdict verdict(boolean ok, String extracted, String expected, String detail) {
        return new Verdict(ok, ok ? 1 : 0, extracted, expected, ID, VERSION, detail);
    }

    /** The content of the last balanced {@code \boxed{...}}; null when there is none or it is unclosed. */
    static String lastBoxed(String text) {
        int at = text.lastIndexOf("\\boxed{");
        while (at >= 0) {
            int depth = 0;
            int start = at + "\\boxed{".length();
            for (int i = start - 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return text.substring(start, i);
                }
            }
            at = text.lastIndexOf("\\boxed{", at - 1);
        }
        return null;
    }
}
