package dev.claimcheck.core.grade;

import dev.claimcheck.core.grade.mrcr.MrcrExpected;
import dev.claimcheck.core.grade.mrcr.SequenceMatcher;
import dev.claimcheck.core.model.Verdict;
import java.util.Locale;
import java.util.Optional;

/**
 * OpenAI MRCR's published rule (the dataset card's {@code grade}): a response that does not begin with the row's
 * random string scores 0; otherwise the string is removed from the response and from the answer, and the score is
 * {@code difflib.SequenceMatcher(None, response, answer).ratio()} ({@link SequenceMatcher}). Correct means a ratio of
 * exactly 1. The expected answer is {@link MrcrExpected}'s JSON (docs/workloads/mrcr.md).
 */
public final class MrcrGrader extends NamedGrader {
    public static final String ID = "mrcr";
    public static final String VERSION = "1";
    public static final String NO_PREFIX = "missing prefix";

    public MrcrGrader() {
        super(ID, VERSION);
    }

    @Override
    public Verdict grade(String response, String expected) {
        Optional<MrcrExpected> want = MrcrExpected.parse(expected);
        if (want.isEmpty()) {
            return verdict(false, null, expected, "expected answer is not {\"prepend\", \"answer\"} JSON");
        }
        String prepend = want.get().prepend();
        String r = response == null ? "" : response;
        if (!r.startsWith(prepend)) {
            return verdict(false, null, expected, NO_PREFIX + " " + prepend);
        }
        String answer = want.get().answer();
        double ratio = SequenceMatcher.ratio(r.substring(prepend.length()),
                answer.startsWith(prepend) ? answer.substring(prepend.length()) : answer);
        return new Verdict(ratio == 1.0, ratio, null, expected, id(), version(),
                String.format(Locale.ROOT, "ratio %.6f", ratio));
    }
}
