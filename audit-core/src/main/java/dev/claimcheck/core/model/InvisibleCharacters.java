package dev.claimcheck.core.model;

/**
 * Characters a reader cannot see: Unicode format characters (bidi controls, zero-width spaces and joiners, BOM, tag
 * characters), line and paragraph separators and lone surrogates. Reports show them as {@code <U+XXXX>}
 * ({@code proof.MarkdownEscape.visible}); a name that must read as itself (a model id on the leaderboard) may not hold
 * them, nor a control character.
 */
public final class InvisibleCharacters {
    private InvisibleCharacters() {
    }

    public static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }

    /** The first control or invisible character of {@code name} as {@code U+XXXX}, or null when it has none. */
    public static String firstIn(String name) {
        if (name == null) {
            return null;
        }
        return name.codePoints().filter(c -> Character.isISOControl(c) || isInvisible(c))
                .mapToObj(c -> String.format("U+%04X", c)).findFirst().orElse(null);
    }
}
