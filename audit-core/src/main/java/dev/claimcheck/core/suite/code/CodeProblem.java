package dev.claimcheck.core.suite.code;

import dev.claimcheck.core.grade.code.CodeTest;
import java.util.List;
import java.util.Objects;

/**
 * One LiveCodeBench-format problem as loaded.
 *
 * @param contestDate the {@code contest_date} field, ISO date or date-time (compared on its first 10 characters)
 * @param starterCode the starter code for call-based problems, "" for stdin problems
 * @param fnName {@code metadata.func_name} for call-based problems, else null
 * @param referenceSolution {@code metadata.reference_solution} when the file has one (our fixtures); the simulator
 *        answers with it, a real model never sees it
 */
public record CodeProblem(String id, String title, String content, String platform, String contestDate,
                          String starterCode, String difficulty, List<CodeTest> publicTests, List<CodeTest> privateTests,
                          String fnName, String referenceSolution) {
    public CodeProblem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
        publicTests = List.copyOf(publicTests);
        privateTests = List.copyOf(privateTests);
        starterCode = starterCode == null ? "" : starterCode;
    }

    /** Public tests first, then private ones: the order programs are judged in. */
    public List<CodeTest> allTests() {
        return java.util.stream.Stream.concat(publicTests.stream(), privateTests.stream()).toList();
    }

    /** The date part, e.g. "2025-02-14". */
    public String date() {
        return contestDate == null || contestDate.length() < 10 ? "" : contestDate.substring(0, 10);
    }
}
