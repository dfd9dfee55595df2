package dev.claimcheck.core.suite.mrcr;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of {@code audit mrcr}. */
public final class MrcrOptions {
    @Option(names = "--dataset", paramLabel = "FILE", required = true,
            description = "One parquet file of openai/mrcr as published (e.g. 8needle/8needle_0.parquet).")
    Path dataset;

    @Option(names = "--tokenizer", paramLabel = "NAME", defaultValue = "o200k_base",
            description = "Tokenizer the context bins are counted in; the card counts o200k_base (default: ${DEFAULT-VALUE}).")
    String tokenizer;

    @Option(names = "--bins", paramLabel = "LIST", split = ",",
            description = "Only rows in these context bins, e.g. 16k,32k,64k,128k,256k (default: every row).")
    List<String> bins;
}
