package dev.claimcheck.core.suite.longctx;

import java.util.List;
import picocli.CommandLine.Option;

/** Options of {@code audit longctx}. Lengths are tokens of {@code --tokenizer}; k = 1024, m = 1024 × 1024 (docs/architecture.md §1). */
public final class LongctxOptions {
    @Option(names = "--lengths", paramLabel = "LIST", split = ",", defaultValue = "8k,32k",
            description = "Prompt lengths in tokens, e.g. 8k,32k,128k,1m (k = 1024; default: ${DEFAULT-VALUE}).")
    List<String> lengths;

    @Option(names = "--depths", paramLabel = "LIST", split = ",", defaultValue = "0,25,50,75,100",
            description = "Where the planted material sits, percent of the document (default: ${DEFAULT-VALUE}).")
    List<Integer> depths;

    @Option(names = "--tokenizer", paramLabel = "NAME", defaultValue = "o200k_base",
            description = "Tokenizer the lengths are measured in: o200k_base or cl100k_base (default: ${DEFAULT-VALUE}).")
    String tokenizer;

    @Option(names = "--densities", paramLabel = "LIST", split = ",", defaultValue = "2",
            description = "Distractor facts per 8k tokens, 0 to 16; one task set per value (default: ${DEFAULT-VALUE}).")
    List<Integer> densities;

    @Option(names = "--kinds", paramLabel = "LIST", split = ",",
            defaultValue = "single,multiKey,multiValue,multiQuery,varTrack,aggregate,qa",
            description = "Task kinds (default: ${DEFAULT-VALUE}).")
    List<String> kinds;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "1",
            description = "Tasks per (length, depth, kind, density) (default: ${DEFAULT-VALUE}).")
    int samples = 1;
}
