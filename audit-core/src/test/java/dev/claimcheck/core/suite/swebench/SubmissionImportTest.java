package dev.claimcheck.core.suite.swebench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.suite.swebench.Rescored.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An imported submission re-scores from its own test logs: untampered, to its reports' resolved count; with a log or a
 * report edited, the instance is named as a disagreement.
 */
class SubmissionImportTest {
    @TempDir
    Path dir;

    SwebenchDataset dataset;
    Path submission;

    @BeforeEach
    void fixture() throws Exception {
        dataset = SwebenchDataset.load(SwebenchFixture.dataset(dir));
        submission = SwebenchFixture.submission(dir);
    }

    @Test
    void anUntamperedSubmissionReScoresToItsOwnResolvedCount() {
        ImportResult r = SubmissionImport.run(dataset, submission);

        assertThat(r.submitted()).isEqualTo(3);
        assertThat(r.claimedResolved()).isEqualTo(2);
        assertThat(r.rescoredResolved()).isEqualTo(2); // django-9003's runner log read with django's rule
        assertThat(r.notRescored()).isZero();
        assertThat(r.consistent()).isTrue();
        assertThat(r.instances()).extracting(Rescored::outcome)
                .containsExactly(Outcome.RESOLVED, Outcome.UNRESOLVED, Outcome.RESOLVED, Outcome.UNRESOLVED);
        assertThat(r.instances().get(1).note()).isEqualTo("1 listed test(s) not passing, first tests/test_app.py::test_empty_rule");
        assertThat(r.instances().get(3).note()).isEqualTo("not submitted");
        assertThat(r.rescoredRate()).isEqualTo(0.5); // over all four instances of the dataset, as SWE-bench counts
    }

    @Test
    void anInstanceOfARepositoryOutsideTheHarnessesMapIsReportedNotJudged() {
        SwebenchInstance other = new SwebenchInstance("acme__widgets-1", "acme/widgets", "0".repeat(40), "", "", "",
                java.util.List.of("t.py::a"), java.util.List.of(), "1", "1".repeat(40));

        Rescored r = SubmissionImport.rescore(other, new Prediction("acme__widgets-1", "m", "diff --git a/x b/x\n"), null);

        assertThat(r.outcome()).isEqualTo(Outcome.NOT_RESCORED);
        assertThat(r.disagrees()).isFalse();
        assertThat(r.note()).isEqualTo("no log parser for acme/widgets in this project");
    }

    @Test
    void aLogEditedToFailAFixedTestChangesTheReScore() throws Exception {
        Path log = submission.resolve(SwebenchFixture.LOGS + "pallets__flask-9001/test_output.txt");
        Files.writeString(log, Files.readString(log).replace("PASSED tests/test_cli.py::test_run", "FAILED tests/test_cli.py::test_run - boom"));

        ImportResult r = SubmissionImport.run(dataset, submission);

        assertThat(r.rescoredResolved()).isEqualTo(1); // django-9003 alone
        assertThat(r.consistent()).isFalse();
        assertThat(r.disagreements()).extracting(Rescored::instanceId).containsExactly("pallets__flask-9001");
    }

    @Test
    void aReportEditedToClaimAnUnresolvedInstanceIsCaught() throws Exception {
        Path report = submission.resolve(SwebenchFixture.LOGS + "pallets__flask-9002/report.json");
        Files.writeString(report, Files.readString(report).replace("\"resolved\": false", "\"resolved\": true"));

        ImportResult r = SubmissionImport.run(dataset, submission);

        assertThat(r.claimedResolved()).isEqualTo(3);
        assertThat(r.rescoredResolved()).isEqualTo(2);
        assertThat(r.disagreements()).extracting(Rescored::instanceId).containsExactly("pallets__flask-9002");
    }

    @Test
    void aResolvedClaimWithoutItsLogIsNotSupported() throws Exception {
        Files.delete(submission.resolve(SwebenchFixture.LOGS + "pallets__flask-9001/test_output.txt"));

        ImportResult r = SubmissionImport.run(dataset, submission);

        assertThat(r.disagreements()).singleElement().satisfies(d -> {
            assertThat(d.instanceId()).isEqualTo("pallets__flask-9001");
            assertThat(d.note()).isEqualTo("no test log (test_output.txt)");
        });
    }

    @Test
    void aPredictionsFileInTheListFormIsReadToo() throws Exception {
        Files.delete(submission.resolve("all_preds.jsonl"));
        Files.writeString(submission.resolve("preds.json"), """
                {"pallets__flask-9001": {"instance_id": "pallets__flask-9001", "model_name_or_path": "m", "model_patch": "diff"}}
                """);

        ImportResult r = SubmissionImport.run(dataset, submission);

        assertThat(r.predictionsFile()).isEqualTo("preds.json");
        assertThat(r.submitted()).isEqualTo(1);
        assertThat(r.rescoredResolved()).isEqualTo(1);
        assertThat(r.instances().get(1).note()).isEqualTo("not submitted"); // its report now claims an unsubmitted patch
    }

    @Test
    void badSubmissionsAreNamedPrecisely() throws Exception {
        Files.writeString(submission.resolve("all_preds.jsonl"), "{\"instance_id\": \"pallets__flask-9001\", \"model_patch\": \"d\"}\nnot json\n");
        assertThatThrownBy(() -> SubmissionImport.run(dataset, submission)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("all_preds.jsonl:2: not JSON");

        Files.writeString(submission.resolve("all_preds.jsonl"), "{\"instance_id\": \"other__repo-1\", \"model_patch\": \"d\"}\n");
        assertThatThrownBy(() -> SubmissionImport.run(dataset, submission)).isInstanceOf(BadInputException.class)
                .hasMessage("all_preds.jsonl: other__repo-1 is not an instance of test-00000-of-00001.parquet");

        Files.delete(submission.resolve("all_preds.jsonl"));
        assertThatThrownBy(() -> SubmissionImport.run(dataset, submission)).isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("no predictions (looked for all_preds.jsonl, preds.json)");
    }

    @Test
    void theRunReportAddsUpUntamperedAndAnInflatedOneIsCaught() throws Exception {
        Path runReport = submission.resolve("fixture-model.fixture-run.json");
        assertThat(SubmissionImport.run(dataset, submission, Optional.of(runReport)).runReportProblems()).isEmpty();

        Files.writeString(runReport, Files.readString(runReport).replace("\"resolved_instances\": 2", "\"resolved_instances\": 3")
                .replace("\"resolved_ids\": [", "\"resolved_ids\": [\"pallets__flask-9002\", "));
        ImportResult r = SubmissionImport.run(dataset, submission, Optional.of(runReport));

        assertThat(r.consistent()).isFalse();
        assertThat(r.disagreements()).isEmpty();
        assertThat(r.runReportProblems()).containsExactly(
                "fixture-model.fixture-run.json: lists pallets__flask-9002 as resolved; its report.json says unresolved");
    }

    @Test
    void aRunReportWhoseCountsDoNotAddUpIsNamed() throws Exception {
        Path runReport = submission.resolve("fixture-model.fixture-run.json");
        Files.writeString(runReport, "{\"total_instances\": 500, \"resolved_instances\": 3, \"resolved_ids\": [\"django__django-9003\", \"pallets__flask-9001\"]}");

        assertThat(SubmissionImport.run(dataset, submission, Optional.of(runReport)).runReportProblems()).containsExactly(
                "fixture-model.fixture-run.json: resolved_instances is 3 but resolved_ids lists 2",
                "fixture-model.fixture-run.json: total_instances is 500, the dataset has 4");
    }

    @Test
    void aReportWithoutItsInstanceEntryIsNamed() throws Exception {
        Files.writeString(submission.resolve(SwebenchFixture.LOGS + "pallets__flask-9002/report.json"), "{\"x\": {}}");

        assertThatThrownBy(() -> SubmissionImport.run(dataset, submission)).isInstanceOf(BadInputException.class)
                .hasMessage("pallets__flask-9002/report.json: no entry for pallets__flask-9002 (a report is keyed by its instance_id)");
    }
}
