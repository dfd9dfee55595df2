package dev.claimcheck.core.suite.code;

import dev.claimcheck.core.model.ChatMessage;
import java.util.List;

/** LiveCodeBench's code-generation prompt (its generic chat format), for stdin and starter-code problems. */
final class CodePrompt {
    static final String SYSTEM = "You are an expert Python programmer. You will be given a question (problem specification) "
            + "and will generate a correct Python program that matches the specification and passes all tests.";
    static final String STDIN_FORMAT = "### Format: Read the inputs from stdin solve the problem and write the answer to "
            + "stdout (do not directly test on the sample inputs). Enclose your code within delimiters as follows. Ensure "
            + "that when the python program runs, it reads the inputs, runs the algorithm and writes output to STDOUT.\n"
            + "```python\n# YOUR CODE HERE\n```\n\n";
    static final String STARTER_FORMAT = "### Format: You will use the following starter code to write the solution to the "
            + "problem and enclose your code within delimiters.\n";
    static final String ANSWER = "### Answer: (use the provided format with backticks)\n\n";

    private CodePrompt() {
    }

    static List<ChatMessage> messages(CodeProblem p) {
        StringBuilder user = new StringBuilder("### Question:\n").append(p.content()).append("\n\n");
        if (p.starterCode().isBlank()) {
            user.append(STDIN_FORMAT);
        } else {
            user.append(STARTER_FORMAT).append("```python\n").append(p.starterCode()).append("\n```\n\n");
        }
        user.append(ANSWER);
        return List.of(ChatMessage.system(SYSTEM), ChatMessage.user(user.toString()));
    }
}
