package dev.claimcheck.core.suite.ifeval;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of {@code audit ifeval}. */
public final class IfevalOptions {
    @Option(names = "--dataset", paramLabel = "FILE", required = true,
            description = "IFEval's input_data.jsonl as google-research publishes it (key, prompt, instruction_id_list, kwargs).")
    Path dataset;

    @Option(names = "--redistributable",
            description = "The dataset may be redistributed: store prompt text in samples and proofs (default: only its hash).")
    boolean redistributable;
}
