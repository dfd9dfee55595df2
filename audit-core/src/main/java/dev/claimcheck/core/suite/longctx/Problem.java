package dev.claimcheck.core.suite.longctx;

import java.util.List;

/**
 * What one long-context task plants and asks, before any filler is generated: cheap to compute, so a suite can
 * list thousands of tasks (with their expected answers) without holding a haystack.
 *
 * @param question the question after the document
 * @param answer the expected values (one for a single answer)
 * @param wrong a plausible wrong answer for the simulator (a decoy's value where there is one)
 * @param lines the planted lines: the task's own material near its depth, distractors spread over the document
 */
record Problem(String question, List<String> answer, List<String> wrong, List<Planted> lines) {
    Problem {
        answer = List.copyOf(answer);
        wrong = List.copyOf(wrong);
        lines = List.copyOf(lines);
    }

    /**
     * One planted line.
     *
     * @param position where it goes, as a fraction of the filler (0 = before all, 1 = after all)
     * @param format the format it is written in
     * @param text the line
     */
    record Planted(double position, Format format, String text) {
    }

    boolean listAnswer() {
        return answer.size() > 1;
    }
}
