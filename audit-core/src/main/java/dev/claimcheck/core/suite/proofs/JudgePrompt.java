package dev.claimcheck.core.suite.proofs;

import dev.claimcheck.core.model.ChatMessage;
import java.util.List;

/**
 * The prompt every judge receives: the problem, its marking scheme and the solution, and the fixed reply shape. Any
 * change to the text is a new {@link #VERSION}, recorded with every grade, since a different prompt is a different
 * grader.
 */
final class JudgePrompt {
    static final String VERSION = "proof-judge-v1";

    private JudgePrompt() {
    }

    static List<ChatMessage> messages(ProofProblem problem, String solution) {
        StringBuilder scheme = new StringBuilder();
        for (ProofProblem.Step s : problem.scheme()) {
            scheme.append("- ").append(JudgeReplyFormat.points(s.points())).append(" point(s): ").append(s.title());
            if (!s.desc().isBlank()) {
                scheme.append(" — ").append(s.desc());
            }
            scheme.append('\n');
        }
        String text = "You are grading a solution to a mathematical olympiad problem against its marking scheme.\n"
                + "Award points only for what the solution proves rigorously; a correct answer without a valid proof earns"
                + " only what the scheme gives for it. The problem is worth " + JudgeReplyFormat.points(problem.maxPoints())
                + " points.\n\n"
                + "# Problem\n\n" + problem.statement() + "\n\n"
                + "# Marking scheme\n\n" + scheme + "\n"
                + "# Solution\n\n" + solution + "\n\n"
                + "# Your reply\n\n"
                + "Reply with one JSON object and nothing else: {\"points\": <number from 0 to "
                + JudgeReplyFormat.points(problem.maxPoints()) + ">, \"justification\": \"<which scheme steps are earned and"
                + " why, and every error found>\"}";
        return List.of(ChatMessage.user(text));
    }
}
