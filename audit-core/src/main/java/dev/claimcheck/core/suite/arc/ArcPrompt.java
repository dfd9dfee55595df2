package dev.claimcheck.core.suite.arc;

/**
 * The text a task is asked in (one user message; docs/grading/arc.md shows it whole): a short statement of the
 * task, every demonstration pair, then the test input, each grid as rows of digits ({@code Grid.text()}), and the
 * form the answer must take.
 */
final class ArcPrompt {
    static final String INTRO = "Each example below shows an input grid and the output grid that a hidden rule makes of it. "
            + "Find the rule and apply it to the test input.\n"
            + "A grid is written one row per line, one digit (0-9) per cell, with no spaces.";
    static final String ASK = "Reply with the output grid for the test input in the same form, one row per line, "
            + "as the last thing in your reply.";

    private ArcPrompt() {
    }

    /** The prompt for test pair {@code index} of {@code file}. */
    static String render(ArcTaskFile file, int index) {
        StringBuilder p = new StringBuilder(INTRO).append("\n\n");
        for (int i = 0; i < file.train().size(); i++) {
            ArcPair pair = file.train().get(i);
            p.append("Example ").append(i + 1).append('\n')
                    .append("Input:\n").append(pair.input().text()).append('\n')
                    .append("Output:\n").append(pair.output().text()).append("\n\n");
        }
        p.append("Test input:\n").append(file.test().get(index).input().text()).append("\n\n").append(ASK);
        return p.toString();
    }
}
