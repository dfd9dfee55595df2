package dev.claimcheck.core.verify;

import static dev.claimcheck.core.verify.Forgery.copy;
import static dev.claimcheck.core.verify.Forgery.editRunJson;
import static dev.claimcheck.core.verify.Forgery.editSample;
import static dev.claimcheck.core.verify.Forgery.firstWrong;
import static dev.claimcheck.core.verify.Forgery.recomputeMetrics;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.verify.Forgery.Case;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-submission corpus, its half that a trusted key signs in full: every file is listed and the signature
 * is good, so only recomputation and cross-checks catch the forgery — an inflated score or interval, flipped
 * verdicts, or fields that contradict each other (a simulator labelled real, another model, impossible timestamps,
 * summary.csv against run.json, duplicate keys, colliding file names; issue 15 item 6). The structural half is
 * {@link HostileSubmissionsTest}.
 */
class TrustedForgeriesTest {
    @TempDir
    static Path shared;

    static Path baseRoot;
    static Path alice;
    static final Forgery forge = new Forgery(() -> alice);

    @BeforeAll
    static void signedRun() throws Exception {
        Forgery.Base base = Forgery.signedBase(shared);
        baseRoot = base.root();
        alice = base.alice();
    }

    static Verifier verifier() {
        return new Verifier(new Verifier.Options(null, false, true, Instant.now(), 1));
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // --- metrics: everything signed by a trusted key, only recomputation catches it
        c.add(new Case("score inflated in run.json, re-signed with a trusted key", "metricsMismatch", true,
                forge.resigned(j -> ((ObjectNode) j.path("metrics")).put("score", 0.99))));
        c.add(new Case("CI narrowed, re-signed", "metricsMismatch", true, forge.resigned(j -> {
            ObjectNode m = (ObjectNode) j.path("metrics");
            m.put("ci95Low", m.path("ci95Low").asDouble() + 1e-6);
        })));
        c.add(new Case("errors hidden, re-signed", "metricsMismatch", true,
                forge.resigned(j -> ((ObjectNode) j.path("metrics")).putObject("errors").put("timeout", 1))));
        c.add(new Case("attempts count inflated, re-signed", "metricsMismatch", true,
                forge.resigned(j -> ((ObjectNode) j.path("metrics")).put("attempts", 1000))));
        c.add(new Case("failed attempts deleted from the journal, metrics recomputed, re-signed", "metricsMismatch", false, (root, run) -> {
            List<String> kept = Files.readAllLines(run.resolve("samples.jsonl")).stream()
                    .filter(l -> !l.contains("\"correct\":false")).toList();
            Files.write(run.resolve("samples.jsonl"), kept);
            Evidence.resign(run, alice); // run.json still has the honest metrics
        }));
        // --- re-grading: journal and metrics consistent, signed by a trusted key
        c.add(new Case("verdict flipped to correct, metrics recomputed, re-signed", "regradeMismatch", true, (root, run) -> {
            editSample(run, firstWrong(run), s -> ((ObjectNode) s.path("verdict")).put("correct", true).put("score", 1.0));
            recomputeMetrics(run);
            Evidence.resign(run, alice);
        }));
        c.add(new Case("verdict flipped without touching run.json", "regradeMismatch", false, (root, run) -> {
            editSample(run, firstWrong(run), s -> ((ObjectNode) s.path("verdict")).put("correct", true).put("score", 1.0));
            Evidence.resign(run, alice);
        }));
        c.add(new Case("expected answer changed to the wrong answer", "expectedMismatch", true, (root, run) -> {
            int i = firstWrong(run);
            editSample(run, i, s -> {
                ObjectNode v = (ObjectNode) s.path("verdict");
                v.put("expected", v.path("extracted").asText()).put("correct", true).put("score", 1.0);
            });
            recomputeMetrics(run);
            Evidence.resign(run, alice);
        }));
        c.add(new Case("grader id changed", "regradeMismatch", true, (root, run) -> {
            editSample(run, 0, s -> ((ObjectNode) s.path("verdict")).put("grader", "lenient"));
            Evidence.resign(run, alice);
        }));
        c.add(new Case("prompt hash changed", "promptMismatch", true, (root, run) -> {
            editSample(run, 0, s -> s.put("promptSha256", "f".repeat(64)));
            Evidence.resign(run, alice);
        }));
        c.add(new Case("task id not in the suite", "unknownTask", false, (root, run) -> {
            editSample(run, 0, s -> s.put("taskId", "arith-9999"));
            recomputeMetrics(run);
            Evidence.resign(run, alice);
        }));
        c.add(new Case("dataset hash changed", "datasetMismatch", true,
                forge.resigned(j -> ((ObjectNode) j.path("suite").path("dataset")).put("sha256", "0".repeat(64)))));
        c.add(new Case("seed changed (easier tasks claimed)", "datasetMismatch", true,
                forge.resigned(j -> ((ObjectNode) j.path("request")).put("seed", 1))));
        c.add(new Case("suite options changed", "datasetMismatch", true,
                forge.resigned(j -> ((ObjectNode) j.path("suite").path("options")).put("--steps", "1"))));
        // --- contradictions inside a signed run (issue 15 item 6): a trusted key signs them, verify still refuses
        c.add(new Case("simulator run relabelled simulated:false, re-signed", "simulatedMislabelled", true,
                forge.resigned(j -> j.put("simulated", false))));
        c.add(new Case("simulator run with a real-looking URL, engine still claimcheck-sim", "simulatedMislabelled", true,
                forge.resigned(j -> {
                    j.put("simulated", false);
                    ((ObjectNode) j.path("endpoint")).put("baseUrl", "https://api.example.org/v1");
                })));
        c.add(new Case("simulator run disguised as vLLM, simulator block kept", "simulatedMislabelled", true, forge.resigned(j -> {
            j.put("simulated", false);
            ObjectNode e = (ObjectNode) j.path("endpoint");
            e.put("baseUrl", "https://api.example.org/v1").put("engine", "vllm").put("engineVersion", "0.11.0");
            e.remove("serverInfo");
        })));
        c.add(new Case("model.id renamed, slug and folder kept", "modelMismatch", true,
                forge.resigned(j -> ((ObjectNode) j.path("model")).put("id", "acme/Big-1T"))));
        c.add(new Case("request.template.model differs from model.id", "modelMismatch", true,
                forge.resigned(j -> ((ObjectNode) j.path("request").path("template")).put("model", "acme/Small-1B"))));
        c.add(new Case("run moved to a claimed model's folder, template and samples still name sim", "modelMismatch", true,
                (root, run) -> {
                    editRunJson(run, j -> ((ObjectNode) j.path("model")).put("id", "acme/Big-1T").put("slug", "acme--big-1t"));
                    Path moved = root.resolve("results/runs/acme--big-1t/arith/arith").resolve(run.getFileName());
                    Files.createDirectories(moved.getParent());
                    Files.move(run, moved);
                    editRunJson(moved, j -> ((ObjectNode) j.path("request").path("template")).put("model", "acme/Big-1T"));
                    Evidence.resign(moved, alice);
                }));
        c.add(new Case("one sample asked another model", "modelMismatch", true, (root, run) -> {
            editSample(run, 0, s -> ((ObjectNode) s.path("request")).put("model", "acme/Small-1B"));
            Evidence.resign(run, alice);
        }));
        c.add(new Case("run id dated 2099 (folder renamed to match)", "timestampInvalid", true,
                forge.renamedRun(id -> "20990101T000000Z" + id.substring(16))));
        c.add(new Case("run id on 30 February", "timestampInvalid", true, forge.renamedRun(id -> "20260230T120000Z" + id.substring(16))));
        c.add(new Case("startedAt a day after the run id", "timestampInvalid", true, forge.resigned(j -> j.put("startedAt",
                Instant.parse(j.path("startedAt").asText()).plusSeconds(86_400).toString()))));
        c.add(new Case("startedAt not an instant", "timestampInvalid", true, forge.resigned(j -> j.put("startedAt", "yesterday"))));
        c.add(new Case("summary.csv score edited, re-signed", "summaryMismatch", true, (root, run) -> {
            Path csv = run.resolve("summary.csv");
            Files.writeString(csv, Files.readString(csv).replaceFirst("(?m)^score,[^,]*,", "score,0.99,"));
            Evidence.resign(run, alice);
        }));
        c.add(new Case("summary.csv deleted, re-signed", "summaryMismatch", true, (root, run) -> {
            Files.delete(run.resolve("summary.csv"));
            Evidence.resign(run, alice);
        }));
        c.add(new Case("run.json repeats metrics.score (an inflated first reading), re-signed", "duplicateKey", true, (root, run) -> {
            Path json = run.resolve("run.json");
            Files.writeString(json, Files.readString(json).replaceFirst("\"score\" : ", "\"score\" : 0.99, \"score\" : "));
            Evidence.resign(run, alice);
        }));
        c.add(new Case("journal line repeats verdict.correct, re-signed", "duplicateKey", true, (root, run) -> {
            Path journal = run.resolve("samples.jsonl");
            Files.writeString(journal, Files.readString(journal).replaceFirst("\\{\"correct\":", "{\"correct\":true,\"correct\":"));
            Evidence.resign(run, alice);
        }));
        c.add(new Case("two names equal after NFC normalisation, both listed", "fileName", true, (root, run) -> {
            forge.addListed(run, "notes-\u00e9.txt", "one\n");
            forge.addListed(run, "notes-e\u0301.txt", "two\n");
        }));
        c.add(new Case("two names equal but for case, both listed", "fileName", true,
                (root, run) -> forge.addListed(run, "Summary.csv", "metric,value\nscore,0.99\n")));
        c.add(new Case("file name that is not UTF-8", "fileName", true,
                (root, run) -> Evidence.exec(run, "sh", "-c", "printf x > \"$(printf 'bad\\377name')\"")));
        c.add(new Case("MANIFEST.sig.1 is a symlink", "symlink", true,
                (root, run) -> Files.createSymbolicLink(run.resolve("MANIFEST.sig.1"), Path.of("/etc/passwd"))));
        c.add(new Case("run.lock is a FIFO", "notRegularFile", true, (root, run) -> Evidence.exec(run, "mkfifo", "run.lock")));
        c.add(new Case("MANIFEST.sig.2 is a directory", "notRegularFile", true,
                (root, run) -> Files.createDirectories(run.resolve("MANIFEST.sig.2"))));
        // --- the journal: what is dropped is as telling as what is changed (adversarial pass)
        c.add(new Case("one failed attempt dropped, metrics recomputed, re-signed", "attemptMissing", true,
                forge.dropLines((s, wrong) -> s.path("taskId").equals(wrong.path("taskId")) && s.path("attempt").equals(wrong.path("attempt")))));
        c.add(new Case("every attempt of a failed task dropped, metrics recomputed, re-signed", "taskMissing", true,
                forge.dropLines((s, wrong) -> s.path("taskId").equals(wrong.path("taskId")))));
        c.add(new Case("run.json's committed task list swapped for another, re-signed", "taskListMismatch", true,
                forge.resigned(j -> j.with("tasks").put("idsSha256", "f".repeat(64)))));
        c.add(new Case("a task dropped and the commitment rewritten to match, re-signed: the regenerated list still names it",
                "taskMissing", false, (root, run) -> {
                    forge.dropLines((s, wrong) -> s.path("taskId").equals(wrong.path("taskId"))).apply(root, run);
                    List<String> ids = dev.claimcheck.core.store.Journal.readAll(new dev.claimcheck.core.store.RunFolder(run))
                            .stream().map(s -> s.taskId()).distinct().toList();
                    forge.resigned(j -> j.with("tasks").put("count", ids.size()).put("idsSha256",
                            dev.claimcheck.core.run.ShardPartition.taskIdsSha256(ids.stream()))).apply(root, run);
                }));
        // --- numbers JSON can spell but no metric is
        c.add(new Case("metrics.ci95High 1e999 (reads as infinity), re-signed", "schema", true, forge.rawMetric("ci95High", "1e999")));
        c.add(new Case("metrics.scorePer1kOutputTokens 1e999, re-signed", "metricsMismatch", true,
                forge.rawMetric("scorePer1kOutputTokens", "1e999")));
        c.add(new Case("metrics.truncated written -0.0, re-signed", "schema", true, forge.rawMetric("truncated", "-0.0")));
        // --- names a reviewer reads
        c.add(new Case("model.id with a right-to-left override, re-signed", "schema", true,
                forge.resigned(j -> ((ObjectNode) j.path("model")).put("id", "sim\u202eevil"))));
        c.add(new Case("model.id with a control character, re-signed", "schema", true,
                forge.resigned(j -> ((ObjectNode) j.path("model")).put("id", "sim\u0007"))));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileSubmissionIsRejectedForTheRightReason(Case c, @TempDir Path tmp) throws Exception {
        Forgery.assertRejected(c, copy(baseRoot, tmp, "root"), baseRoot);
    }

    @Test
    void aSimulatorRunMarkedRealIsRefusedInsideACheckoutWithAllowSimulatedAndOutsideAnyRoot(@TempDir Path tmp) throws Exception {
        Path root = copy(baseRoot, tmp, "mislabelled");
        forge.resigned(j -> j.put("simulated", false)).apply(root, Evidence.runs(root).get(0));
        Files.writeString(root.resolve("jbang-catalog.json"), "{}\n");
        Files.createDirectories(root.resolve("audit-core"));
        Path run = Evidence.runs(root).get(0);
        RunReport inCheckout = new Verifier(new Verifier.Options(null, true, true, Instant.now(), 1)).verifyRun(run);
        assertThat(inCheckout.failureIds()).as(String.join("\n", inCheckout.lines())).containsExactly("simulatedMislabelled");
        Path outside = tmp.resolve("elsewhere").resolve(run.getFileName());
        Evidence.copyTree(run, outside);
        RunReport loose = new Verifier(new Verifier.Options(baseRoot.resolve("results/allowed_signers"), true, true, Instant.now(), 1))
                .verifyRun(outside);
        // Outside a root the proofs cannot be found either; the mislabel is refused on its own finding all the same.
        assertThat(loose.failureIds()).as(String.join("\n", loose.lines())).contains("simulatedMislabelled");
    }

    @Test
    void aRunIdAFewMinutesAheadOfTheVerifiersClockIsToleratedAnHourIsNot(@TempDir Path tmp) throws Exception {
        Path run = Evidence.runs(copy(baseRoot, tmp, "clock")).get(0);
        Instant stamped = dev.claimcheck.core.store.RunIds.instant(run.getFileName().toString()).orElseThrow();
        Instant finished = Instant.parse(Evidence.runJson(run).path("finishedAt").asText());
        RunReport skewed = new Verifier(new Verifier.Options(null, false, true, finished.minusSeconds(120), 1)).verifyRun(run);
        assertThat(skewed.passed()).as(String.join("\n", skewed.lines())).isTrue();
        RunReport early = new Verifier(new Verifier.Options(null, false, true, stamped.minusSeconds(3600), 1)).verifyRun(run);
        assertThat(early.failureIds()).contains("timestampInvalid");
    }

    @Test
    void aNewerGraderThatDisagreesIsDriftNotFailure(@TempDir Path tmp) throws Exception {
        Path root = copy(baseRoot, tmp, "drift");
        Path run = Evidence.runs(root).get(0);
        editSample(run, firstWrong(run), s -> ((ObjectNode) s.path("verdict")).put("correct", true).put("score", 1.0)
                .put("graderVersion", "0"));
        recomputeMetrics(run);
        Evidence.resign(run, alice);
        RunReport r = verifier().verifyRun(run);
        assertThat(r.passed()).as(String.join("\n", r.lines())).isTrue();
        assertThat(r.has("regradeDrift")).isTrue();
        assertThat(r.lines()).anyMatch(l -> l.startsWith("DRIFT regradeDrift: "));
    }

    @Test
    void aSuiteWithoutReGraderIsReportedNotReGradedAsAWarning(@TempDir Path tmp) throws Exception {
        Path root = copy(baseRoot, tmp, "noregrade");
        Path run = Evidence.runs(root).get(0);
        RunReport r = new Verifier(new Verifier.Options(null, false, true, Instant.now(), 1), Regraders.none()).verifyRun(run);
        assertThat(r.passed()).isTrue();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("notRegraded");
            assertThat(f.severity()).isEqualTo(Finding.Severity.WARN);
        });
    }

    @Test
    void aJournalInAnotherOrderIsTrusted(@TempDir Path tmp) throws Exception {
        // Concurrent attempts finish in any order: the order of lines carries no claim.
        Path run = Evidence.runs(copy(baseRoot, tmp, "reordered")).get(0);
        List<String> lines = new ArrayList<>(Files.readAllLines(run.resolve("samples.jsonl")));
        Collections.reverse(lines);
        Files.write(run.resolve("samples.jsonl"), lines);
        Evidence.resign(run, alice);
        RunReport r = verifier().verifyRun(run);
        assertThat(r.passed()).as(String.join("\n", r.lines())).isTrue();
    }

    @Test
    void aScoreOffByLessThanTheToleranceIsTrustedByMoreIsNot(@TempDir Path tmp) throws Exception {
        for (double off : new double[] {5e-10, 5e-9}) {
            Path run = Evidence.runs(copy(baseRoot, tmp, "off" + off)).get(0);
            forge.resigned(j -> {
                ObjectNode m = (ObjectNode) j.path("metrics");
                m.put("score", m.path("score").asDouble() + off);
            }).apply(null, run);
            RunReport r = verifier().verifyRun(run);
            if (off < Verifier.FLOAT_TOLERANCE) {
                assertThat(r.passed()).as(String.join("\n", r.lines())).isTrue();
            } else {
                assertThat(r.failureIds()).as(String.join("\n", r.lines())).containsExactly("metricsMismatch");
            }
        }
    }
}
