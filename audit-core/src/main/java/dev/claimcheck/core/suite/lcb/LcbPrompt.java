package dev.claimcheck.core.suite.lcb;

import dev.claimcheck.core.model.ChatMessage;
import java.util.List;

/**
 * LiveCodeBench's code-generation prompt for chat models, as {@code lcb_runner/prompts/code_generation.py} builds it
 * for its OpenAI-chat style at LiveCodeBench/LiveCodeBench@4fa15949edfc48871be612fc83dcb7961b012ad3
 * ({@code SYSTEM_MESSAGE_GENERIC} as the system message, {@code get_generic_question_template_answer} as the user
 * message): a stdin problem asks for a program reading stdin, a functional one shows its starter code.
 */
final class LcbPrompt {
    static final String REVISION = "LiveCodeBench/LiveCodeBench@4fa15949edfc48871be612fc83dcb7961b012ad3 lcb_runner/prompts/code_generation.py";
    static final String SYSTEM = "You are an expert Python programmer. You will be given a question (problem specification) "
            + "and will generate a correct Python program that matches the specification and passes all tests. "
            + "You will NOT return anything except for the program.";
    static final String WITH_STARTER = "You will use the following starter code to write the solution to the problem "
            + "and enclose your code within delimiters.";
    static final String STDIN = "Read the inputs from stdin solve the problem and write the answer to stdout (do not "
            + "directly test on the sample inputs). Enclose your code within delimiters as follows.";

    private LcbPrompt() {
    }

    static List<ChatMessage> messages(LcbRow p) {
        StringBuilder user = new StringBuilder("### Question:\n").append(p.content()).append("\n\n");
        if (!p.starterCode().isEmpty()) {
            user.append("### Format: ").append(WITH_STARTER).append('\n')
                    .append("```python\n").append(p.starterCode()).append("\n```\n\n");
        } else {
            user.append("### Format: ").append(STDIN).append('\n').append("```python\n# YOUR CODE HERE\n```\n\n");
        }
        user.append("### Answer: (use the provided format with backticks)\n\n");
        return List.of(ChatMessage.system(SYSTEM), ChatMessage.user(user.toString()));
    }
}
