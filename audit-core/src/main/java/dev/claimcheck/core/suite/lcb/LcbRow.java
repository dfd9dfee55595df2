package dev.claimcheck.core.suite.lcb;

import java.util.Objects;

/**
 * One problem of a release as indexed: what the prompt and the date window need, and where its tests lie. The tests
 * themselves are not held (a release runs to gigabytes, almost all of it tests); {@link LcbTests} reads one problem's
 * tests from {@link #locator} when a program is graded.
 *
 * @param contestDate the {@code contest_date} field as shipped (an ISO date-time)
 * @param starterCode {@code starter_code}: "" for stdin problems, the class to complete for functional ones
 * @param fnName {@code metadata.func_name} for functional problems, else null
 * @param referenceSolution {@code metadata.reference_solution}: only our fixtures have one (the simulator answers with
 *                          it); a real model never sees it
 */
record LcbRow(String id, String title, String content, String platform, String contestId, String contestDate,
              String starterCode, String difficulty, String fnName, String referenceSolution, LcbLocator locator) {
    LcbRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
        starterCode = starterCode == null ? "" : starterCode;
    }

    /** The date part, {@code YYYY-MM-DD} ("" when the row has none). */
    String date() {
        return contestDate == null || contestDate.length() < 10 ? "" : contestDate.substring(0, 10);
    }

    LcbRow withLocator(LcbLocator l) {
        return new LcbRow(id, title, content, platform, contestId, contestDate, starterCode, difficulty, fnName,
                referenceSolution, l);
    }
}
