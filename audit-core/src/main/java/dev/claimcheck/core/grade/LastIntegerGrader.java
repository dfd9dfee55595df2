package dev.claimcheck.core.grade;

import dev.claimcheck.core.model.Verdict;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SGLang's GSM8K rule (benchmark/gsm8k/bench_sglang.py; docs/grading/protocols.md): delete every comma, take the
 * last run of ASCII digits, and compare it with the same reading of the reference. Signs, decimals and boxes are not
 * read: "-3" reads as 3 and "2.5" as 5, exactly as the script reads them, so a run graded this way measures the
 * script's number. A last run with a leading zero ("007") is unreadable, as Python's literal parser rejects it.
 */
public final class LastIntegerGrader extends NamedGrader {
    public static final String ID = "last-integer";
    public static final String VERSION = "1";
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    public LastIntegerGrader() {
        super(ID, VERSION);
    }

    @Override
    public Verdict grade(String response, String expected) {
        Optional<String> want = read(expected);
        if (want.isEmpty()) {
            return verdict(false, null, expected, "expected answer has no readable integer");
        }
        Optional<String> got = read(response);
        if (got.isEmpty()) {
            return verdict(false, null, expected, "invalid: no readable last integer");
        }
        boolean ok = got.get().equals(want.get());
        return verdict(ok, got.get(), expected, "last integer" + (ok ? ": equal" : ": not equal"));
    }

    @Override
    public String normalizeExpected(String expected) {
        return read(expected).orElse(expected);
    }

    /** The last digit run after commas are removed; empty when there is none or it has a leading zero. */
    static Optional<String> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = DIGITS.matcher(text.replace(",", ""));
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        if (last == null) {
            return Optional.empty();
        }
        // Python's integer literal allows "0" and "00" but not a leading zero before another digit.
        if (last.length() > 1 && last.charAt(0) == '0' && !last.chars().allMatch(c -> c == '0')) {
            return Optional.empty();
        }
        return Optional.of(last.chars().allMatch(c -> c == '0') ? "0" : last);
    }
}
