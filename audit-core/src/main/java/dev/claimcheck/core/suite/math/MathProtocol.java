package dev.claimcheck.core.suite.math;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.LastIntegerGrader;
import dev.claimcheck.core.grade.MathGrader;
import dev.claimcheck.core.suite.data.DatasetRow;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a published math number was measured, as one named choice (docs/grading/protocols.md): the prompt
 * (examples shown before the problem, and the text around it), the request defaults it implies (stop strings, max
 * tokens, temperature) and the grader. A closed set: each constant restates one upstream harness at a recorded
 * revision, so a recipe names its vendor's protocol instead of describing a departure from it in prose.
 *
 * <p>An enum rather than a registry: a protocol is a fact about an upstream script, chosen by name, and the
 * switch over protocols (prompt, defaults) must stay exhaustive. Request defaults lie under whatever the recipe or
 * the command line states explicitly; a chat endpoint is always used (see {@link #departure}).
 */
public enum MathProtocol {
    /** The common open-evaluation instruction after the problem; graded by answer equivalence. Today's default. */
    BOXED("boxed", 0, "{problem}\n\nPlease reason step by step, and put your final answer within \\boxed{}.",
            List.of(), null, null, MathGrader.ID, "claimcheck's own default (MathSuite, suite version 1)"),
    /**
     * SGLang's {@code benchmark/gsm8k/bench_sglang.py}: the first five rows of the same file as worked examples
     * ("Question: …\nAnswer: <solution>", blank line between), then "Question: …\nAnswer:"; stop at the next
     * "Question", "Assistant:" or "<|separator|>"; 512 new tokens at temperature 0; the last integer is the answer.
     */
    SGLANG_GSM8K("sglang-gsm8k", 5, "Question: {problem}\nAnswer:", List.of("Question", "Assistant:", "<|separator|>"),
            512, 0.0, LastIntegerGrader.ID,
            "sgl-project/sglang benchmark/gsm8k/bench_sglang.py as stored at b2d7f2bbdc1eaf4a994a5e8a60e1e07bd20b2e1e "
                    + "(the claims' revision 2f5c42d7f8c0054d537cb0d8d0a742abd70aa05b is not stored)"),
    /** MathArena's final-answer prompt: the competition's instruction first, a blank line, then the problem. */
    MATHARENA("matharena", 0, "Put your final answer within \\boxed{}.\n\n{problem}", List.of(), null, null,
            MathGrader.ID, "eth-sri/matharena src/matharena/runner.py@f6dc3bb28cc201f50a30f4c2beac0f6305dca170, "
                    + "configs/competitions/hmmt/hmmt_feb_2026.yaml@63f9e59535509e97c508a098892232d5be467ece"),
    /** MathArena's AIME instruction: as {@link #MATHARENA}, plus the line saying the answer is 0 to 999. */
    MATHARENA_AIME("matharena-aime", 0,
            "Put your final answer within \\boxed{}.\nThe answer is an integer between 0 and 999 inclusive.\n\n{problem}",
            List.of(), null, null, MathGrader.ID, "eth-sri/matharena src/matharena/runner.py@f6dc3bb28cc201f50a30f4c2beac0f6305dca170, "
                    + "configs/competitions/aime/aime_2026.yaml@63f9e59535509e97c508a098892232d5be467ece");

    static final String PLACEHOLDER = "{problem}";

    private final String id;
    private final int shots;
    private final String template;
    private final List<String> stop;
    private final Integer maxTokens;
    private final Double temperature;
    private final String grader;
    private final String source;

    MathProtocol(String id, int shots, String template, List<String> stop, Integer maxTokens, Double temperature,
                 String grader, String source) {
        this.id = id;
        this.shots = shots;
        this.template = template;
        this.stop = stop;
        this.maxTokens = maxTokens;
        this.temperature = temperature;
        this.grader = grader;
        this.source = source;
    }

    public String id() {
        return id;
    }

    /** Worked examples shown before the problem: the dataset's first rows, which are graded too (as upstream). */
    public int shots() {
        return shots;
    }

    /** The problem's part of the prompt, with {@code {problem}} where the problem goes. */
    public String template() {
        return template;
    }

    /** The grader id ({@link dev.claimcheck.core.grade.Graders}) every task of this protocol is graded with. */
    public String grader() {
        return grader;
    }

    /** Where the protocol was read (repository, path and revision). */
    public String source() {
        return source;
    }

    /**
     * The user message for one row: the examples, then the row's problem in {@code template} (the protocol's, or
     * {@code --prompt-template}'s). Upstream harnesses that send raw text get it as one chat message (a departure:
     * the endpoint client speaks chat completions only, so the server's chat template wraps the text).
     */
    String prompt(List<DatasetRow> rows, DatasetRow row, String problemTemplate) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shots; i++) {
            DatasetRow shot = rows.get(i);
            b.append(problemTemplate.replace(PLACEHOLDER, shot.problem())).append(' ').append(shot.solution()).append("\n\n");
        }
        return b.append(problemTemplate.replace(PLACEHOLDER, row.problem())).toString();
    }

    /** Request body fields the protocol implies, to lie under those stated explicitly (empty for {@link #BOXED}). */
    public ObjectNode requestDefaults() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (!stop.isEmpty()) {
            stop.forEach(body.putArray("stop")::add);
        }
        if (maxTokens != null) {
            body.put("max_tokens", maxTokens);
        }
        if (temperature != null) {
            body.put("temperature", temperature);
        }
        return body;
    }

    /** How this protocol, as run here, still differs from its upstream harness (null when it is our own). */
    public String departure() {
        return switch (this) {
            case BOXED -> null;
            case SGLANG_GSM8K -> "the few-shot text goes as one chat user message to /v1/chat/completions (the server's"
                    + " chat template wraps it), not as raw text through the SGLang frontend";
            case MATHARENA, MATHARENA_AIME -> "graded by claimcheck's math grader, not MathArena's own parser";
        };
    }

    /** The protocol named {@code id}; unknown names are bad input listing the known ones. */
    public static MathProtocol of(String id) {
        for (MathProtocol p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new BadInputException("unknown --protocol '" + id + "' (known: "
                + Arrays.stream(values()).map(MathProtocol::id).collect(Collectors.joining(", ")) + ")");
    }
}
