package dev.claimcheck.core.suite.swebench;

import java.util.List;
import java.util.Optional;

/**
 * A re-scored submission. The resolved rate is over every instance of the dataset (SWE-bench's denominator: an
 * instance not submitted counts as unresolved); instances whose repository's log style is not parsed here are
 * counted apart, so the check says how much of the claim it covered.
 */
public record ImportResult(String dataset, String datasetSha256, String predictionsFile, int submitted,
                           List<Rescored> instances, Optional<RunReport> runReport, List<String> runReportProblems) {
    public ImportResult {
        instances = List.copyOf(instances);
        runReportProblems = List.copyOf(runReportProblems);
    }

    public long claimedResolved() {
        return instances.stream().filter(i -> i.claimed().orElse(false)).count();
    }

    public long rescoredResolved() {
        return count(Rescored.Outcome.RESOLVED);
    }

    public long notRescored() {
        return count(Rescored.Outcome.NOT_RESCORED);
    }

    public List<Rescored> disagreements() {
        return instances.stream().filter(Rescored::disagrees).toList();
    }

    /**
     * Every instance re-scored agrees with its claim (instances not re-scored are reported, not judged), and the run
     * report, when given, adds up.
     */
    public boolean consistent() {
        return disagreements().isEmpty() && runReportProblems.isEmpty();
    }

    public double claimedRate() {
        return instances.isEmpty() ? 0 : (double) claimedResolved() / instances.size();
    }

    public double rescoredRate() {
        return instances.isEmpty() ? 0 : (double) rescoredResolved() / instances.size();
    }

    private long count(Rescored.Outcome outcome) {
        return instances.stream().filter(i -> i.outcome() == outcome).count();
    }
}
