package dev.claimcheck.core.suite.arc;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of {@code audit arc}. */
public final class ArcOptions {
    @Option(names = "--dataset", paramLabel = "DIR", required = true,
            description = "Folder of ARC task files (*.json with train and test pairs), e.g. ARC-AGI-2's data/evaluation.")
    Path dataset;

    @Option(names = "--redistributable",
            description = "The tasks may be redistributed: store prompt text in samples and proofs (default: only its hash).")
    boolean redistributable;

    @Option(names = "--dataset-name", paramLabel = "NAME",
            description = "Name recorded for the dataset (default: the folder's name), e.g. arc-agi-2-evaluation.")
    String datasetName;
}
