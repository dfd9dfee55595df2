package dev.claimcheck.core.suite.bfcl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of {@code audit bfcl}. */
public final class BfclOptions {
    @Option(names = "--dataset", paramLabel = "DIR", required = true,
            description = "BFCL's data folder as the gorilla repository ships it (bfcl_eval/data: BFCL_v4_<category>.json and possible_answer/).")
    Path dataset;

    @Option(names = "--mode", paramLabel = "fc|prompt", defaultValue = "fc",
            description = "fc: functions as OpenAI tools, native tool calls graded; prompt: functions in a system prompt, calls written as [f(a=1)] (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--categories", paramLabel = "LIST", split = ",",
            description = "Categories to run (default: every runnable one the folder holds): simple_python, multiple, parallel, parallel_multiple, irrelevance, live_simple, live_multiple, live_parallel, live_parallel_multiple, live_irrelevance, live_relevance.")
    List<String> categories = new ArrayList<>();
}
