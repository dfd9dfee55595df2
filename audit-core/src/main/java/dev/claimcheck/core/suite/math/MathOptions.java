package dev.claimcheck.core.suite.math;

import dev.claimcheck.core.suite.judge.JudgeEndpoint;
import dev.claimcheck.core.suite.judge.JudgeSpec;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options of {@code audit math}. Besides the values, it holds what one run opened from them (its answer judge), closed
 * with {@link #close()}; a fresh object is made for every run ({@code Suite.newOptions()}).
 */
public final class MathOptions implements AutoCloseable {
    @Option(names = "--dataset", paramLabel = "FILE", required = true,
            description = "Problem set: .jsonl, .json (array) or .csv with id, problem and answer fields (docs/datasets.md).")
    Path dataset;

    @Option(names = "--fields", paramLabel = "ROLE=NAME,...",
            description = "Name the dataset's columns when detection fails, e.g. id=problem_idx,problem=question,answer=final_answer.")
    String fields;

    @Option(names = "--redistributable",
            description = "The dataset may be redistributed: store prompt text in samples and proofs (default: only its hash).")
    boolean redistributable;

    @Option(names = "--prompt-template", paramLabel = "TEXT",
            description = "Prompt with {problem} where the problem goes (default: the problem, then an instruction to box the answer).")
    String promptTemplate;

    @Option(names = "--protocol", paramLabel = "NAME",
            description = "How the published number was measured: prompt, stop strings, request defaults and grader "
                    + "(boxed, sglang-gsm8k, matharena, matharena-aime; default: ${DEFAULT-VALUE}; docs/grading/protocols.md).")
    String protocol = "boxed";

    @Option(names = "--dataset-name", paramLabel = "NAME",
            description = "Name recorded for the dataset (default: the file name without its extension), e.g. gsm8k for test.jsonl.")
    String datasetName;

    @Option(names = "--judge", paramLabel = "BASE_URL=MODEL",
            description = "A pinned judge model for the answers the rule grader cannot decide (verdict unknown): it decides"
                    + " them, counted apart as judge-decided. BASE_URL may be sim[:k=v,...] (docs/grading/math.md#judge).")
    String judge;

    @Option(names = "--judge-all",
            description = "With --judge: ask the judge about every answer, to measure its agreement with the rule grader"
                    + " (the rule verdict still scores every answer it decides).")
    boolean judgeAll;

    @Option(names = "--judge-max-tokens", paramLabel = "N", defaultValue = "4096",
            description = "max_tokens of each judge request (default: ${DEFAULT-VALUE}).")
    int judgeMaxTokens = 4096;

    @Option(names = "--judge-api-key-env", paramLabel = "VAR", defaultValue = "OPENAI_API_KEY",
            description = "Environment variable holding the judge's API key (default: ${DEFAULT-VALUE}).")
    String judgeApiKeyEnv = "OPENAI_API_KEY";

    private AnswerJudge answerJudge;

    /** The pinned judge, or null without {@code --judge}. */
    JudgeSpec judgeSpec() {
        return judge == null ? null : JudgeSpec.parse(judge);
    }

    boolean judgeAll() {
        return judgeAll;
    }

    /** The run's judge, opened on first use. */
    synchronized AnswerJudge answerJudge(long seed) {
        if (answerJudge == null) {
            answerJudge = new AnswerJudge(JudgeEndpoint.open(judgeSpec(), seed, judgeApiKeyEnv, 6), judgeMaxTokens);
        }
        return answerJudge;
    }

    @Override
    public synchronized void close() {
        if (answerJudge != null) {
            answerJudge.close();
            answerJudge = null;
        }
    }

    public String datasetName() {
        return datasetName;
    }

    public Path dataset() {
        return dataset;
    }

    public String fields() {
        return fields;
    }

    public boolean redistributable() {
        return redistributable;
    }

    public MathProtocol protocol() {
        return MathProtocol.of(protocol);
    }

    public String promptTemplate() {
        return promptTemplate;
    }
}
