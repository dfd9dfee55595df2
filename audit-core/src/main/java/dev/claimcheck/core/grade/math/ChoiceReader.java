package dev.claimcheck.core.grade.math;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Multiple-choice answers: when the gold answer is an option letter, the response is read for the
 * letter it commits to (boxed, after the last answer cue, leading, else the last standalone
 * capital letter in prose). Lower-case letters are not options, so "answer: c" is not C.
 */
final class ChoiceReader {
    private static final Pattern GOLD = Pattern.compile("^\\(?([A-Z])\\)?(?:[.:]?\\s+[A-Z][a-z]+.*)?$", Pattern.DOTALL);
    private static final Pattern CUE = Pattern.compile(
            "(?i:answer\\s*(?:is)?\\s*[:：]?|answer\\s+is|r[ée]ponse\\s*(?:est|:)|答案\\s*(?:是|为|：|:)?)"
            + "\\s*(?i:for sure\\s+|definitely\\s+)?[\"'*(\\[]*([A-Z])(?![A-Za-z])");
    private static final Pattern LEADING = Pattern.compile("^\\s*[(\\[]?([A-Z])(?:[)\\].:。,，\\s]|不|$)");
    private static final Pattern STANDALONE = Pattern.compile("(?<![A-Za-z'’])([A-HJ])(?![A-Za-z'’])");
    private static final Pattern LOWER_WORD = Pattern.compile("[a-z]{2,}|[\\p{IsHan}]");

    private ChoiceReader() {
    }

    /** The option letter of a gold answer, or null when the gold is not an option. */
    static String goldLetter(String goldAnswer) {
        String g = goldAnswer.strip();
        if (g.isEmpty() || g.charAt(0) != '(' && (g.charAt(0) < 'A' || g.charAt(0) > 'Z')) {
            return null; // GOLD cannot match: skips the regex for the usual numeric gold
        }
        Matcher m = GOLD.matcher(g);
        return m.matches() ? m.group(1) : null;
    }

    /** The option letter a response commits to, or null. */
    static String predLetter(String extracted, String response) {
        String e = extracted == null ? "" : extracted.strip();
        Matcher whole = GOLD.matcher(e);
        if (whole.matches()) {
            return whole.group(1);
        }
        String text = response == null ? "" : response;
        if (text.length() > 20_000) {
            text = text.substring(text.length() - 20_000);
        }
        Matcher cue = CUE.matcher(text);
        String found = null;
        while (cue.find()) {
            found = cue.group(1);
        }
        if (found != null) {
            return found;
        }
        if (!LOWER_WORD.matcher(text.replaceAll("\\\\[A-Za-z]+", " ")).find()) {
            return null;
        }
        Matcher lead = LEADING.matcher(text);
        if (lead.find()) {
            return lead.group(1);
        }
        Matcher any = STANDALONE.matcher(text);
        while (any.find()) {
            found = any.group(1);
        }
        return found;
    }
}
