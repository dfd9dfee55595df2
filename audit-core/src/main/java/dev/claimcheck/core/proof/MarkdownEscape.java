package dev.claimcheck.core.proof;

/**
 * Escaping for model output and dataset text in proof pages. Model output is hostile: it may carry HTML,
 * script tags, Markdown links or table breakers. Long text goes into {@code <pre>} blocks with HTML
 * escaping (CommonMark leaves a {@code <pre>} block alone until {@code </pre>}, which escaped text
 * cannot contain); short values become one inline line with every ASCII punctuation character escaped.
 */
public final class MarkdownEscape {
    private MarkdownEscape() {
    }

    /** Text for a {@code <pre>} block: {@code & < > " '} as entities, control characters other than newline and tab dropped. */
    public static String pre(String text, int maxChars) {
        String t = capped(text, maxChars);
        StringBuilder sb = new StringBuilder(t.length() + 16);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\n', '\t' -> sb.append(c);
                default -> {
                    if (!Character.isISOControl(c)) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * One line of inline Markdown (a table cell): HTML specials as entities, other ASCII punctuation
     * backslash-escaped (so no emphasis, link, code span, math or cell break), line breaks as spaces.
     */
    public static String inline(String text, int maxChars) {
        if (text == null) {
            return "—";
        }
        String t = capped(text, maxChars);
        StringBuilder sb = new StringBuilder(t.length() + 16);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> {
                    if (c < 128 && isPunctuation(c)) {
                        sb.append('\\').append(c);
                    } else if (!Character.isISOControl(c)) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static boolean isPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }

    private static String capped(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        if (text.length() <= maxChars) {
            return text;
        }
        return text.substring(0, maxChars) + "\n[… " + (text.length() - maxChars) + " more characters not shown …]";
    }
}
