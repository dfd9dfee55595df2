package dev.claimcheck.core.grade;

import dev.claimcheck.core.model.Verdict;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Long-context answers: a value or a set of values (all values of a key, the variables of a chain), read from the
 * text after the last {@code Answer:} cue, else from the last non-empty line, split on commas, semicolons, newlines
 * and "and", and compared as sets after normalisation (case, surrounding quotes, brackets and punctuation). The
 * expected answer is the items joined with ", ". Exact set match or nothing: one missing value is a miss.
 */
public final class AnswerSetGrader extends NamedGrader {
    public static final String ID = "answer-set";
    public static final String VERSION = "1";

    public AnswerSetGrader() {
        super(ID, VERSION);
    }
    /** Longer answers are not read: no planted answer comes close, and a hostile response stays cheap. */
    static final int MAX_ANSWER_CHARS = 4096;
    private static final Pattern SEPARATORS = Pattern.compile("[,;\\n]|\\s+and\\s+");
    private static final String TRIM = "\"'`*_()[]{}<>.:!?";

    @Override
    public Verdict grade(String response, String expected) {
        Set<String> want = items(expected == null ? "" : expected);
        if (response == null || response.isBlank()) {
            return verdict(false, null, expected, "no answer (empty response)");
        }
        String region = answerRegion(response);
        if (region.length() > MAX_ANSWER_CHARS) {
            return verdict(false, null, expected, "answer longer than " + MAX_ANSWER_CHARS + " characters");
        }
        Set<String> got = items(region);
        String extracted = String.join(", ", got);
        if (got.isEmpty()) {
            return verdict(false, null, expected, "no answer in the last line");
        }
        if (got.equals(want)) {
            return verdict(true, extracted, expected, "equal sets");
        }
        Set<String> missing = new TreeSet<>(want);
        missing.removeAll(got);
        Set<String> extra = new TreeSet<>(got);
        extra.removeAll(want);
        return new Verdict(false, 0, extracted, expected, ID, VERSION,
                "missing " + missing.size() + ", extra " + extra.size());
    }

    /** The text after the last "Answer:" cue, else the last non-empty line. */
    static String answerRegion(String response) {
        int cue = lastCue(response);
        if (cue >= 0) {
            return response.substring(cue).strip();
        }
        String stripped = response.strip();
        int nl = stripped.lastIndexOf('\n');
        return nl < 0 ? stripped : stripped.substring(nl + 1).strip();
    }

    private static int lastCue(String response) {
        for (int i = response.length() - "answer:".length(); i >= 0; i--) {
            if (response.regionMatches(true, i, "answer:", 0, "answer:".length())) {
                return i + "answer:".length();
            }
        }
        return -1;
    }

    /** The normalised, non-empty items of an answer, sorted (a set has no order). */
    static Set<String> items(String text) {
        Set<String> out = new TreeSet<>();
        for (String part : SEPARATORS.split(text)) {
            String n = normalise(part);
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return out;
    }

    static String normalise(String item) {
        String s = Normalizer.normalize(item, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        int start = 0;
        int end = s.length();
        while (start < end && (TRIM.indexOf(s.charAt(start)) >= 0 || Character.isWhitespace(s.charAt(start)))) {
            start++;
        }
        while (end > start && (TRIM.indexOf(s.charAt(end - 1)) >= 0 || Character.isWhitespace(s.charAt(end - 1)))) {
            end--;
        }
        return s.substring(start, end).replaceAll("\\s+", " ");
    }

    /** The expected text for a list of values, as the suite records it. */
    public static String expected(List<String> values) {
        return String.join(", ", new ArrayList<>(values));
    }
}
