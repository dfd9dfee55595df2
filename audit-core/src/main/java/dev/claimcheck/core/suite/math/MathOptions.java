package dev.claimcheck.core.suite.math;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of {@code audit math}. */
public final class MathOptions {
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
