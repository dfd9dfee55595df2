package dev.claimcheck.core.export;

/** The formats {@code export --format} writes (docs/exports.md). */
public enum ExportFormat {
    /** Every Eval Ever (evaleval/every_eval_ever): aggregate record + instance rows. */
    EEE("eee"),
    /** inspect_ai's EvalLog, JSON. */
    INSPECT("inspect");

    private final String id;

    ExportFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
