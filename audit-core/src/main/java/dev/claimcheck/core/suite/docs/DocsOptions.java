package dev.claimcheck.core.suite.docs;

import java.util.List;
import picocli.CommandLine.Option;

/** Options of {@code audit docs}. */
public final class DocsOptions {
    @Option(names = "--documents", paramLabel = "LIST", split = ",", defaultValue = "contract,disclosure,ticket,policy",
            description = "Document kinds (default: ${DEFAULT-VALUE}).")
    List<String> documents;

    @Option(names = "--tasks", paramLabel = "LIST", split = ",", defaultValue = "extract,comply,kbqa",
            description = "Task kinds: extract (fields to a JSON schema), comply (yes/no with the deciding clause), "
                    + "kbqa (answer quoting its source) (default: ${DEFAULT-VALUE}).")
    List<String> tasks;

    @Option(names = "--per-kind", paramLabel = "N", defaultValue = "5",
            description = "Tasks per (document kind, task kind), each on its own generated document (default: ${DEFAULT-VALUE}).")
    int perKind = 5;
}
