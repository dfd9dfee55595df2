package dev.claimcheck.core.grade.math;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the outermost {@code \boxed{…}} and {@code \fbox{…}} in a response in linear time: one
 * pass pairs every brace, so a megabyte of nested braces costs one scan, not one per box.
 */
final class BoxFinder {
    private static final String[] MACROS = {"\\boxed", "\\fbox"};
    private static final String BOX_OPEN = "<|begin_of_box|>";
    private static final String BOX_CLOSE = "<|end_of_box|>";

    /** One box: its span in the text and its content. */
    record Box(int start, int end, String content) {
    }

    /** All outermost boxes in order, and whether the last box opened was never closed. */
    record Boxes(List<Box> boxes, boolean unclosed) {
    }

    private BoxFinder() {
    }

    static Boxes find(String text) {
        int[] match = pairBraces(text);
        List<Box> boxes = new ArrayList<>();
        boolean unclosed = false;
        int lastStart = -1;
        int coveredUntil = -1;
        int i = text.indexOf('\\');
        while (i >= 0) {
            String macro = macroAt(text, i);
            if (macro != null) {
                int brace = i + macro.length();
                while (brace < text.length() && text.charAt(brace) == ' ') {
                    brace++;
                }
                if (brace < text.length() && text.charAt(brace) == '{') {
                    int close = match[brace];
                    if (i > lastStart) {
                        lastStart = i;
                        unclosed = close < 0;
                    }
                    if (close >= 0 && i > coveredUntil) {
                        boxes.add(new Box(i, close + 1, text.substring(brace + 1, close)));
                        coveredUntil = close;
                    }
                }
            }
            i = text.indexOf('\\', i + 1);
        }
        int b = text.lastIndexOf(BOX_OPEN);
        if (b >= 0 && b > lastStart) {
            int e = text.indexOf(BOX_CLOSE, b);
            if (e < 0) {
                unclosed = true;
            } else {
                boxes.add(new Box(b, e + BOX_CLOSE.length(), text.substring(b + BOX_OPEN.length(), e)));
                unclosed = false;
            }
        }
        return new Boxes(boxes, unclosed);
    }

    /** {@code \\boxed}, {@code \\fbox}, or a garbled macro ending in "boxed" ({@code \\beginboxed}). */
    private static String macroAt(String text, int i) {
        int j = i + 1;
        while (j < text.length() && j - i < 40 && Lexer.isAsciiLetter(text.charAt(j))) {
            j++;
        }
        String name = text.substring(i, j);
        for (String m : MACROS) {
            if (name.equals(m)) {
                return m;
            }
        }
        return name.endsWith("boxed") ? name : null;
    }

    /** match[i] is the index of the brace closing the '{' at i, or -1; other entries are unused. */
    private static int[] pairBraces(String text) {
        int[] match = new int[text.length()];
        int[] stack = new int[text.length()];
        int top = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                match[i] = -1;
                stack[top++] = i;
            } else if (c == '}' && top > 0) {
                match[stack[--top]] = i;
            }
        }
        return match;
    }
}
