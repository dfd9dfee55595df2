package dev.claimcheck.core.verify;

import java.nio.file.Path;
import java.util.List;

/**
 * The verdict on one run folder.
 *
 * @param dir the run folder as given or found
 * @param simulated whether run.json says the run is simulated (false when unreadable)
 * @param signer who signed it ("fingerprint (principals)"), or null when no valid signature
 * @param checks the checks that ran, in order (a check absent here was skipped because an earlier one failed)
 * @param findings failures, drift and warnings, in check order
 */
public record RunReport(Path dir, boolean simulated, String signer, List<String> checks, List<Finding> findings) {
    public RunReport {
        checks = List.copyOf(checks);
        findings = List.copyOf(findings);
    }

    /** Trusted: no finding of severity FAIL. */
    public boolean passed() {
        return findings.stream().noneMatch(f -> f.severity() == Finding.Severity.FAIL);
    }

    public boolean has(String id) {
        return findings.stream().anyMatch(f -> f.id().equals(id));
    }

    /** The ids of failures, in order, without repeats. */
    public List<String> failureIds() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.FAIL).map(Finding::id).distinct().toList();
    }

    /** The status word used in reports: trusted, trusted (simulated), failed. */
    public String status() {
        return passed() ? (simulated ? "trusted (simulated)" : "trusted") : "failed";
    }

    /** One line per check: PASS, or one FAIL/DRIFT/WARN line per finding of that check. */
    public List<String> lines() {
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        for (String check : checks) {
            List<Finding> of = findings.stream().filter(f -> f.check().equals(check)).toList();
            if (of.stream().noneMatch(f -> f.severity() == Finding.Severity.FAIL)) {
                lines.add("PASS " + check);
            }
            of.forEach(f -> lines.add(f.line()));
        }
        // Findings of checks that did not complete (e.g. limits stopped the rest) are still printed.
        findings.stream().filter(f -> !checks.contains(f.check())).forEach(f -> lines.add(f.line()));
        return lines;
    }
}
