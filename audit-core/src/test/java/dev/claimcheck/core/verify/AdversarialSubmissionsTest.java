package dev.claimcheck.core.verify;

import static dev.claimcheck.core.verify.Forgery.copy;
import static dev.claimcheck.core.verify.Forgery.editRunJson;
import static dev.claimcheck.core.verify.Forgery.firstWrong;
import static dev.claimcheck.core.verify.Forgery.recomputeMetrics;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.store.Json;
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
 * The adversarial pass over verify (wave 2): attack classes the two hostile corpora ({@link HostileSubmissionsTest},
 * {@link TrustedForgeriesTest}) did not yet name, each built against a real signed run — attempts or whole tasks
 * dropped with the metrics recomputed, names HFS+ folds into one, directories by the ten thousand, a run.json too big
 * to parse whole, references to devices and parents, metrics of 1e999 and -0.0, a hard link, a model name that
 * hides characters. The rows that verify accepts (a reordered journal, a float within the tolerance) are tests too.
 */
class AdversarialSubmissionsTest {
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

    /** Keeps the journal lines {@code keep} accepts, recomputes the metrics from what is left, re-signs. */
    static Forgery.Mutation dropLines(java.util.function.BiPredicate<JsonNode, JsonNode> drop) {
        return (root, run) -> {
            Path journal = run.resolve("samples.jsonl");
            List<String> lines = Files.readAllLines(journal);
            JsonNode wrong = Json.mapper().readTree(lines.get(firstWrong(run)));
            List<String> kept = new ArrayList<>();
            for (String l : lines) {
                if (!drop.test(Json.mapper().readTree(l), wrong)) {
                    kept.add(l);
                }
            }
            assertThat(kept).hasSizeBetween(1, lines.size() - 1);
            Files.write(journal, kept);
            recomputeMetrics(run);
            Evidence.resign(run, alice);
        };
    }

    /** Replaces the first {@code "field" : number} of run.json's text by {@code value}, keeps summary.csv in step, re-signs. */
    static Forgery.Mutation rawMetric(String field, String value) {
        return (root, run) -> {
            Path json = run.resolve("run.json");
            String text = Files.readString(json);
            String edited = text.replaceFirst("\"" + field + "\" : [-0-9.Ee]+", "\"" + field + "\" : " + value);
            assertThat(edited).isNotEqualTo(text);
            Files.writeString(json, edited);
            Forgery.resummarise(run);
            Evidence.resign(run, alice);
        };
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // --- the journal: what is dropped is as telling as what is changed
        c.add(new Case("one failed attempt dropped, metrics recomputed, re-signed", "attemptMissing", true,
                dropLines((s, wrong) -> s.path("taskId").equals(wrong.path("taskId")) && s.path("attempt").equals(wrong.path("attempt")))));
        c.add(new Case("every attempt of a failed task dropped, metrics recomputed, re-signed", "taskMissing", true,
                dropLines((s, wrong) -> s.path("taskId").equals(wrong.path("taskId")))));
        // --- names, counts and sizes
        c.add(new Case("a name equal to summary.csv once a zero-width joiner is dropped (HFS+), both listed", "fileName", true,
                (root, run) -> forge.addListed(run, "summary\u200d.csv", "metric,value\nscore,0.99\n")));
        c.add(new Case("10,001 empty directories", "limitExceeded", true, (root, run) -> {
            for (int i = 0; i <= Verifier.MAX_FILES; i++) {
                Files.createDirectory(run.resolve("d" + i));
            }
        }));
        c.add(new Case("10,001 small files", "limitExceeded", true, (root, run) -> {
            for (int i = 0; i <= Verifier.MAX_FILES; i++) {
                Files.writeString(run.resolve("f" + i), "x");
            }
        }));
        c.add(new Case("run.json of 17 MiB (parsed whole, it would cost many times that), re-signed", "limitExceeded", true,
                forge.resigned(j -> j.put("notes", "x".repeat(17 << 20)))));
        c.add(new Case("a directory where samples.jsonl is listed", "notRegularFile", false, (root, run) -> {
            Files.delete(run.resolve("samples.jsonl"));
            Files.createDirectories(run.resolve("samples.jsonl"));
        }));
        c.add(new Case("a directory where run.json is listed", "schema", false, (root, run) -> {
            Files.delete(run.resolve("run.json"));
            Files.createDirectories(run.resolve("run.json"));
        }));
        c.add(new Case("summary.csv hard-linked to a file outside, edited there", "hashMismatch", false, (root, run) -> {
            Path outside = root.resolveSibling("outside.csv");
            Files.copy(run.resolve("summary.csv"), outside);
            Files.delete(run.resolve("summary.csv"));
            Files.createLink(run.resolve("summary.csv"), outside);
            Files.writeString(outside, "metric,value\nscore,0.99\n");
        }));
        // --- references that leave the root
        c.add(new Case("recipe path /dev/zero (a read that never ends), re-signed", "referenceMissing", true,
                forge.resigned(j -> j.putObject("recipe").put("path", "/dev/zero").put("sha256", "0".repeat(64)))));
        c.add(new Case("recipe path climbing out with ../, re-signed", "referenceMissing", true,
                forge.resigned(j -> j.putObject("recipe").put("path", "audit-scripts/../../../../../../../etc/passwd")
                        .put("sha256", "0".repeat(64)))));
        // --- numbers JSON can spell but no metric is
        c.add(new Case("metrics.ci95High 1e999 (reads as infinity), re-signed", "schema", true, rawMetric("ci95High", "1e999")));
        c.add(new Case("metrics.scorePer1kOutputTokens 1e999, re-signed", "metricsMismatch", true,
                rawMetric("scorePer1kOutputTokens", "1e999")));
        c.add(new Case("metrics.truncated written -0.0, re-signed", "schema", true, rawMetric("truncated", "-0.0")));
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

    @Test
    void hostileNamesAreEscapedInBothReports(@TempDir Path tmp) throws Exception {
        Path run = Evidence.runs(copy(baseRoot, tmp, "names")).get(0);
        Files.writeString(run.resolve("<img src=x onerror=alert(1)>\u202e.txt"), "x");
        RunReport r = verifier().verifyRun(run);
        assertThat(r.failureIds()).containsExactly("manifestExtra");
        String markdown = VerifyReport.markdown(List.of(r), List.of(), null);
        assertThat(markdown).doesNotContain("<img").doesNotContain("\u202e").contains("&lt;img src=x").contains("&lt;U+202E&gt;");
        String json = VerifyJson.render(VerifyJson.report(List.of(r), List.of()));
        // CI pastes the JSON report's strings into the job summary with jq: they carry the same visible markers.
        JsonNode finding = Json.mapper().readTree(json).path("runs").get(0).path("findings").get(0);
        assertThat(json).doesNotContain("\u202e");
        assertThat(finding.path("detail").asText()).contains("<img src=x onerror=alert(1)><U+202E>.txt");
    }
}
