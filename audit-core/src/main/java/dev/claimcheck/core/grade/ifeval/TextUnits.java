package dev.claimcheck.core.grade.ifeval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words, sentences and letter case as the checkers count them (docs/grading/ifeval.md says where this differs
 * from upstream's nltk-based counting).
 */
final class TextUnits {
    /** A word is a maximal run of Unicode letters, digits and underscores (upstream: nltk's {@code \w+} tokenizer). */
    static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    /** Abbreviations whose period does not end a sentence (compared lower-cased, without the period). */
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "prof", "jr", "sr", "vs",
            "etc", "inc", "ltd", "co", "e.g", "i.e", "no", "fig", "approx");

    private TextUnits() {
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * Sentences: text up to a run of {@code .}, {@code !} or {@code ?} (with any closing quotes or brackets) that
     * is followed by whitespace or the end, unless the word before a period is a listed abbreviation or a single
     * letter (an initial); a newline alone is not a boundary (nor is it for upstream's Punkt tokenizer). Empty pieces do not
     * count; text after the last terminator is a sentence of its own.
     */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        String t = text.replace('\n', ' ');
        int start = 0;
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '.' || c == '!' || c == '?') {
                int end = i;
                while (end < t.length() && ".!?".indexOf(t.charAt(end)) >= 0) {
                    end++;
                }
                while (end < t.length() && "\"')]”’".indexOf(t.charAt(end)) >= 0) {
                    end++;
                }
                boolean boundary = end == t.length() || Character.isWhitespace(t.charAt(end));
                if (boundary && !(c == '.' && end == i + 1 && abbreviation(t, start, i))) {
                    add(out, t.substring(start, end));
                    start = end;
                }
                i = end;
            } else {
                i++;
            }
        }
        add(out, t.substring(start));
        return out;
    }

    private static boolean abbreviation(String t, int start, int period) {
        int w = period;
        while (w > start && !Character.isWhitespace(t.charAt(w - 1))) {
            w--;
        }
        String word = t.substring(w, period).toLowerCase(java.util.Locale.ROOT).replaceAll("^[\"'(\\[]+", "");
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isLetter(word.charAt(0)));
    }

    private static void add(List<String> out, String piece) {
        if (WORD.matcher(piece).find()) {
            out.add(piece.strip());
        }
    }

    /** Python's {@code str.isupper()}: at least one cased character, and no lower-case or title-case one. */
    static boolean isUpper(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
                return false;
            }
            cased |= Character.isUpperCase(cp);
            i += Character.charCount(cp);
        }
        return cased;
    }

    /** Python's {@code str.islower()}: at least one cased character, and no upper-case or title-case one. */
    static boolean isLower(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                return false;
            }
            cased |= Character.isLowerCase(cp);
            i += Character.charCount(cp);
        }
        return cased;
    }
}
