package dev.claimcheck.core.suite.lcb;

import dev.claimcheck.core.BadInputException;
import java.util.List;

/**
 * The contest-date window of a run: the {@code --after}/{@code --before} bounds asked for, and the first and last
 * {@code contest_date} of the problems kept, which run.json's {@code suite.dataset.source} records.
 */
record LcbWindow(String after, String before, String first, String last) {
    static LcbWindow of(String after, String before, List<LcbRow> rows) {
        String a = date(after, "--after");
        String b = date(before, "--before");
        List<String> dates = rows.stream().filter(r -> inside(r, a, b)).map(LcbRow::date).filter(d -> !d.isEmpty()).sorted().toList();
        return new LcbWindow(a, b, dates.isEmpty() ? null : dates.get(0), dates.isEmpty() ? null : dates.get(dates.size() - 1));
    }

    List<LcbRow> select(List<LcbRow> rows) {
        List<LcbRow> kept = rows.stream().filter(r -> inside(r, after, before)).toList();
        if (kept.isEmpty()) {
            throw new BadInputException("no problem has a contest_date inside the window (" + bounds() + ")");
        }
        return kept;
    }

    /** e.g. "contest_date 2024-08-01 … 2025-04-30 (--after 2024-08-01): 175 of 1055 problems". */
    String describe(int kept, int total) {
        return "contest_date " + first + " … " + last + " (" + bounds() + "): " + kept + " of " + total + " problems";
    }

    /**
     * What the dataset's name adds for a bounded window ({@code -after-2024-11-01}, {@code -before-…}), empty for the
     * release's full window: a board keeps one run per model and dataset name, so the contamination-free row of
     * {@code --after} stands beside the full window's instead of replacing it.
     */
    String nameSuffix() {
        return (after == null ? "" : "-after-" + after) + (before == null ? "" : "-before-" + before);
    }

    private String bounds() {
        if (after == null && before == null) {
            return "the release's full window";
        }
        return (after == null ? "" : "--after " + after) + (after != null && before != null ? ", " : "")
                + (before == null ? "" : "--before " + before);
    }

    private static boolean inside(LcbRow r, String after, String before) {
        String d = r.date();
        return (after == null || d.compareTo(after) >= 0) && (before == null || !d.isEmpty() && d.compareTo(before) < 0);
    }

    private static String date(String value, String option) {
        if (value != null && !value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new BadInputException(option + " must be a date YYYY-MM-DD, not '" + value + "'");
        }
        return value;
    }
}
