package dev.claimcheck.core.verify;

import dev.claimcheck.core.proof.MarkdownEscape;
import dev.claimcheck.core.store.Json;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine-readable verify report ({@code verify --report-json FILE}, schema {@value #SCHEMA}; docs/verification.md):
 * the same runs and findings as {@link VerifyReport#markdown}, as data, for CI gates and bots.
 */
public final class VerifyJson {
    public static final String SCHEMA = "claimcheck/verify-report/v1";

    /**
     * @param schema {@value #SCHEMA}
     * @param counts the summary line's numbers
     * @param runs every run folder verified, in report order
     * @param rootFindings what belongs to a root rather than a run (links, ledger, recipes)
     */
    public record Report(String schema, Counts counts, List<Run> runs, List<RootFinding> rootFindings) {
        public Report {
            runs = List.copyOf(runs);
            rootFindings = List.copyOf(rootFindings);
        }

        /** Failed: any run failed or any root finding is not a warning (verify's exit code 1). */
        public boolean failed() {
            return counts.failed() > 0 || counts.rootFailures() > 0;
        }
    }

    /** How many runs were trusted or failed, and how many root findings failed. */
    public record Counts(int runs, int trusted, int failed, int simulated, int withDrift, int notRegraded,
            int rootFailures, int rootWarnings) {
    }

    /**
     * @param dir the run folder as given or found
     * @param status trusted, trusted (simulated) or failed (the Markdown report's word)
     * @param trusted no finding of severity FAIL
     * @param signer "fingerprint (principals)" of a valid signature, or null
     * @param findings every finding, failures, drift and warnings, in check order
     */
    public record Run(String dir, String status, boolean trusted, boolean simulated, String signer, List<FindingRow> findings) {
        public Run {
            findings = List.copyOf(findings);
        }
    }

    /**
     * @param id the stable finding id (docs/verification.md)
     * @param check the check it belongs to
     * @param severity FAIL, DRIFT or WARN
     * @param file the file of the run folder the check reads (relative to the working directory, as {@code dir} is)
     * @param run the run folder
     * @param detail the one line after the id in the text report
     */
    public record FindingRow(String id, String check, String severity, String file, String run, String detail) {
    }

    /** A root finding: id, FAIL or WARN, the file relative to its root, detail. */
    public record RootFinding(String id, String severity, String file, String detail) {
    }

    private VerifyJson() {
    }

    public static Report report(List<RunReport> reports, List<LedgerFinding> rootFindings) {
        List<Run> runs = reports.stream().map(VerifyJson::run).toList();
        List<RootFinding> roots = rootFindings.stream()
                .map(f -> new RootFinding(f.id(), f.warning() ? "WARN" : "FAIL", shown(f.path()), shown(f.detail()))).toList();
        int failed = (int) reports.stream().filter(r -> !r.passed()).count();
        Counts counts = new Counts(reports.size(), reports.size() - failed, failed,
                (int) reports.stream().filter(r -> r.passed() && r.simulated()).count(),
                (int) reports.stream().filter(r -> r.has(Finding.Kind.REGRADE_DRIFT.id())).count(),
                (int) reports.stream().filter(r -> r.has(Finding.Kind.NOT_REGRADED.id())).count(),
                (int) rootFindings.stream().filter(f -> !f.warning()).count(),
                (int) rootFindings.stream().filter(LedgerFinding::warning).count());
        return new Report(SCHEMA, counts, runs, roots);
    }

    public static String render(Report report) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Run run(RunReport r) {
        String dir = shown(r.dir().toString());
        List<FindingRow> rows = r.findings().stream()
                .map(f -> new FindingRow(f.id(), f.check(), f.severity().name(), shown(fileOf(r.dir(), f)), dir, shown(f.detail())))
                .toList();
        return new Run(dir, r.status(), r.passed(), r.simulated(), shown(r.signer()), rows);
    }

    /**
     * Untrusted text as the text and Markdown reports show it, invisible characters as {@code <U+XXXX>}: CI pastes
     * these strings into the job summary with jq, where a right-to-left override would make a row read as another.
     */
    private static String shown(String text) {
        return MarkdownEscape.visible(text);
    }

    /** The file a check reads: where a reviewer (or a GitHub annotation) should look first. */
    static String fileOf(Path dir, Finding f) {
        String name = switch (f.kind()) {
            case SUMMARY_MISMATCH -> "summary.csv";
            case COMPARISON_MISMATCH, COMPARISON_NOT_CHECKED -> "comparison.json";
            default -> switch (f.check()) {
                case "manifest" -> "MANIFEST";
                case "signature" -> "MANIFEST.sig";
                case "journal", "regrade" -> "samples.jsonl";
                case "limits" -> null; // the folder as a whole
                default -> "run.json";
            };
        };
        return name == null ? dir.toString() : dir.resolve(name).toString();
    }
}
