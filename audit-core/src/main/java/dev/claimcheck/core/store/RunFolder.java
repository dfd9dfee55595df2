package dev.claimcheck.core.store;

import java.nio.file.Path;

/** The files of one run folder (docs/architecture.md §4.1). */
public record RunFolder(Path dir) {
    public static final String RUN_JSON = "run.json";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String LOCK = "run.lock";

    public Path runJson() {
        return dir.resolve(RUN_JSON);
    }

    public Path summaryCsv() {
        return dir.resolve(SUMMARY_CSV);
    }

    public Path lockFile() {
        return dir.resolve(LOCK);
    }

    /** Journal part {@code n}: samples.jsonl for 0, samples.N.jsonl after it. */
    public Path journalPart(int n) {
        return dir.resolve(n == 0 ? "samples.jsonl" : "samples." + n + ".jsonl");
    }

    public String runId() {
        return dir.getFileName().toString();
    }
}
