package dev.claimcheck.core.proof;

import dev.claimcheck.core.model.InvisibleCharacters;

/**
 * Escaping for model output and dataset text in proof pages. Model output is hostile: it may carry HTML,
 * script tags, Markdown links or table breakers. Long text goes into {@code <pre>} blocks with HTML
 * escaping (CommonMark leaves a {@code <pre>} block alone until {@code </pre>}, which escaped text
 * cannot contain); short values become one inline line with every ASCII punctuation character escaped.
 */
public final class MarkdownEscape {
    private MarkdownEscape() {
    }

    /**
     * Invisible characters made visible as {@code <U+XXXX>}: bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F,
     * U+061C) and every other format character (zero-width spaces and joiners, BOM, soft hyphen, tag characters),
     * line and paragraph separators, and lone surrogates. A reviewer must see the text a finding line really holds:
     * a right-to-left override can make {@code FAIL x: …} read as a pass, a zero-width space can make two paths look one.
     * The marker uses {@code <>}; callers escape them with the rest.
     */
    public static String visible(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (InvisibleCharacters.isInvisible(cp)) {
                sb.append(String.format("<U+%04X>", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /** Text for a {@code <pre>} block: {@code & < > " '} as entities, control characters other than newline and tab dropped. */
    public static String pre(String text, int maxChars) {
        String t = visible(capped(text, maxChars));
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
        String t = visible(capped(text, maxChars));
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
