package dev.claimcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.provenance.OpenSshKeys;
import dev.claimcheck.core.provenance.Signer;
import dev.claimcheck.core.provenance.SshSignature;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-submission corpus (issue 4): each row starts from a real signed simulated run, alters it the way a
 * cheating or careless submitter would, and asserts that verify rejects it for the right reason (the finding id).
 * Rows marked {@code only} must fail with that finding and no other: e.g. an inflated score re-signed with a
 * trusted key passes every file and signature check and is caught by the metrics recomputation alone.
 */
class HostileSubmissionsTest {
    @TempDir
    static Path shared;

    static Path keys;
    static Path alice;
    static Path mallory;
    static Path retired;
    static Path gitOnly;
    static Path future;
    static Path baseRoot;

    @FunctionalInterface
    interface Mutation {
        void apply(Path root, Path run) throws Exception;
    }

    /** One row: the mutation and the finding id it must produce; {@code only}: no other failure allowed. */
    record Case(String name, String expected, boolean only, Mutation mutation) {
        @Override
        public String toString() {
            return name + " -> " + expected;
        }
    }

    @BeforeAll
    static void signedRun() throws Exception {
        Evidence.requireSshKeygen();
        keys = Files.createDirectories(shared.resolve("keys"));
        alice = Evidence.keygen(keys, "alice", "alice@example.org");
        mallory = Evidence.keygen(keys, "mallory", "mallory@example.org");
        retired = Evidence.keygen(keys, "retired", "retired@example.org");
        gitOnly = Evidence.keygen(keys, "gitonly", "gitonly@example.org");
        future = Evidence.keygen(keys, "future", "future@example.org");
        baseRoot = Files.createDirectories(shared.resolve("base"));
        Path run = Evidence.simRun(baseRoot);
        Evidence.addProof(baseRoot, run);
        Files.writeString(baseRoot.resolve("results/allowed_signers"),
                Evidence.signerLine("alice@example.org", "", alice)
                        + Evidence.signerLine("retired@example.org", "valid-before=\"20200101Z\"", retired)
                        + Evidence.signerLine("gitonly@example.org", "namespaces=\"git\"", gitOnly)
                        + Evidence.signerLine("future@example.org", "valid-after=\"29990101Z\"", future));
        Signer.sign(run, alice, false);
    }

    static Verifier verifier() {
        return new Verifier(new Verifier.Options(null, false, true, Instant.now(), 1));
    }

    /** A fresh copy of the signed root for one case. */
    static Path copy(Path dir, String name) throws IOException {
        Path root = dir.resolve(name);
        Evidence.copyTree(baseRoot, root);
        return root;
    }

    @Test
    void theUntouchedRunIsTrustedWithEveryCheckPassing(@TempDir Path tmp) throws IOException {
        Path root = copy(tmp, "clean");
        RunReport r = verifier().verifyRun(Evidence.runs(root).get(0));
        assertThat(r.findings()).isEmpty();
        assertThat(r.passed()).isTrue();
        assertThat(r.checks()).containsExactlyElementsOf(Finding.CHECKS);
        assertThat(r.signer()).contains("alice@example.org");
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // --- files and MANIFEST
        c.add(new Case("tampered transcript", "hashMismatch", false,
                (root, run) -> editSample(run, 0, s -> ((ObjectNode) s.path("response")).put("content", "\\boxed{12345}"))));
        c.add(new Case("run.json edited after signing", "hashMismatch", true,
                (root, run) -> editRunJson(run, j -> ((ObjectNode) j.path("hardware")).put("gpu", "NVIDIA H200"))));
        c.add(new Case("summary.csv edited after signing", "hashMismatch", false,
                (root, run) -> Files.writeString(run.resolve("summary.csv"), "metric,value\nscore,0.99\n")));
        c.add(new Case("file deleted", "manifestMissing", false, (root, run) -> Files.delete(run.resolve("summary.csv"))));
        c.add(new Case("extra file", "manifestExtra", true, (root, run) -> Files.writeString(run.resolve("notes.txt"), "hi\n")));
        c.add(new Case("extra nested file", "manifestExtra", true, (root, run) -> {
            Files.createDirectories(run.resolve("extra"));
            Files.writeString(run.resolve("extra/more.jsonl"), "{}\n");
        }));
        c.add(new Case("MANIFEST missing a file, re-signed", "manifestExtra", true, (root, run) -> {
            rewriteManifest(run, lines -> lines.stream().filter(l -> !l.endsWith("  summary.csv")).toList());
            Evidence.signManifestAsIs(run, alice, SshSignature.NAMESPACE);
        }));
        c.add(new Case("symlink in folder", "symlink", true,
                (root, run) -> Files.createSymbolicLink(run.resolve("passwd"), Path.of("/etc/passwd"))));
        c.add(new Case("file replaced by a symlink", "symlink", false, (root, run) -> {
            Path copy = root.resolve("summary-copy.csv");
            Files.move(run.resolve("summary.csv"), copy);
            Files.createSymbolicLink(run.resolve("summary.csv"), copy);
        }));
        c.add(new Case("FIFO in folder", "notRegularFile", true, (root, run) -> Evidence.exec(run, "mkfifo", "pipe")));
        c.add(new Case("../ path in MANIFEST, re-signed", "pathTraversal", false, (root, run) -> {
            rewriteManifest(run, lines -> prepend(lines, "0".repeat(64) + "  ../../../../../allowed_signers"));
            Evidence.signManifestAsIs(run, alice, SshSignature.NAMESPACE);
        }));
        c.add(new Case("absolute path in MANIFEST, re-signed", "pathTraversal", false, (root, run) -> {
            rewriteManifest(run, lines -> prepend(lines, "0".repeat(64) + "  /etc/passwd"));
            Evidence.signManifestAsIs(run, alice, SshSignature.NAMESPACE);
        }));
        c.add(new Case("unsorted MANIFEST, re-signed", "manifestMalformed", true, (root, run) -> {
            rewriteManifest(run, lines -> {
                List<String> l = new ArrayList<>(lines);
                java.util.Collections.reverse(l);
                return l;
            });
            Evidence.signManifestAsIs(run, alice, SshSignature.NAMESPACE);
        }));
        c.add(new Case("duplicate MANIFEST line, re-signed", "manifestMalformed", true, (root, run) -> {
            rewriteManifest(run, lines -> prepend(lines, lines.get(0)));
            Evidence.signManifestAsIs(run, alice, SshSignature.NAMESPACE);
        }));
        // --- signatures and trust
        c.add(new Case("missing MANIFEST", "unsigned", true, (root, run) -> Files.delete(run.resolve("MANIFEST"))));
        c.add(new Case("missing MANIFEST.sig", "unsigned", true, (root, run) -> Files.delete(run.resolve("MANIFEST.sig"))));
        c.add(new Case("garbage signature", "badSignature", true,
                (root, run) -> Files.writeString(run.resolve("MANIFEST.sig"), "-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n")));
        c.add(new Case("signature of another MANIFEST", "badSignature", true, (root, run) -> {
            byte[] other = "0000000000000000000000000000000000000000000000000000000000000000  run.json\n".getBytes(StandardCharsets.UTF_8);
            Files.writeString(run.resolve("MANIFEST.sig"), SshSignature.sign(other, OpenSshKeys.readPrivateKey(alice)));
        }));
        c.add(new Case("signature by an unlisted key", "unknownSigner", true, (root, run) -> Evidence.resign(run, mallory)));
        c.add(new Case("signature by a retired key (valid-before past)", "expiredSigner", true, (root, run) -> Evidence.resign(run, retired)));
        c.add(new Case("signature by a key not valid yet", "notYetValidSigner", true, (root, run) -> Evidence.resign(run, future)));
        c.add(new Case("key listed only for namespace git", "namespaceNotAllowed", true, (root, run) -> Evidence.resign(run, gitOnly)));
        c.add(new Case("signature made for another namespace", "wrongNamespace", true,
                (root, run) -> Evidence.signManifestAsIs(run, alice, "git")));
        c.add(new Case("allowed_signers of the submission replaced by its own key", "unknownSigner", true, (root, run) -> {
            // The submitter edits the root's allowed_signers; verify runs with the base's (--allowed-signers), as CI does.
            Files.writeString(root.resolve("results/allowed_signers"), Evidence.signerLine("mallory@example.org", "", mallory));
            Evidence.resign(run, mallory);
        }));
        // --- schema and limits
        c.add(new Case("unknown schema version", "schema", true, resigned(j -> j.put("schema", "claimcheck/run/v9"))));
        c.add(new Case("NaN score", "schema", true, (root, run) -> {
            String text = Files.readString(run.resolve("run.json")).replaceFirst("\"score\" : [0-9.Ee-]+", "\"score\" : NaN");
            Files.writeString(run.resolve("run.json"), text);
            Evidence.resign(run, alice);
        }));
        c.add(new Case("negative score", "schema", true, resigned(j -> ((ObjectNode) j.path("metrics")).put("score", -0.25))));
        c.add(new Case("negative secretsRedacted count", "schema", true, resigned(j -> j.put("secretsRedacted", -3))));
        c.add(new Case("runId does not match the folder", "schema", true, resigned(j -> j.put("runId", "20200101T000000Z-00000000"))));
        c.add(new Case("run placed under another model's folder", "schema", true, (root, run) -> {
            Path moved = root.resolve("results/runs/other-model/arith/arith").resolve(run.getFileName());
            Files.createDirectories(moved.getParent());
            Files.move(run, moved);
        }));
        c.add(new Case("run.json missing", "schema", true, (root, run) -> {
            Files.delete(run.resolve("run.json"));
            Evidence.resign(run, alice);
        }));
        c.add(new Case("run.json not an object", "schema", true, (root, run) -> {
            Files.writeString(run.resolve("run.json"), "[]");
            Evidence.resign(run, alice);
        }));
        c.add(new Case("status running, re-signed by hand", "incomplete", true, resigned(j -> j.put("status", "running"))));
        c.add(new Case("run.json nested 10,000 deep", "limitExceeded", true, (root, run) -> {
            String text = Files.readString(run.resolve("run.json"));
            text = text.replaceFirst("\\{", "{\"deep\": " + "[".repeat(10_000) + "]".repeat(10_000) + ",");
            Files.writeString(run.resolve("run.json"), text);
            Evidence.resign(run, alice);
        }));
        c.add(new Case("journal line nested 10,000 deep", "limitExceeded", true, (root, run) -> {
            Files.writeString(run.resolve("samples.jsonl"), "{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}\n",
                    StandardOpenOption.APPEND);
            Evidence.resign(run, alice);
        }));
        c.add(new Case("100 MB journal line", "limitExceeded", true, (root, run) -> {
            try (OutputStream out = Files.newOutputStream(run.resolve("samples.jsonl"), StandardOpenOption.APPEND)) {
                byte[] chunk = new byte[1 << 20];
                Arrays.fill(chunk, (byte) 'a');
                out.write("{\"taskId\":\"".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 100; i++) {
                    out.write(chunk);
                }
                out.write("\"}\n".getBytes(StandardCharsets.US_ASCII));
            }
        }));
        // --- simulated, proofs, references
        c.add(new Case("simulated run inside a repository's results/", "simulatedInResults", true, (root, run) -> {
            Files.writeString(root.resolve("jbang-catalog.json"), "{}\n");
            Files.createDirectories(root.resolve("audit-core"));
        }));
        c.add(new Case("proof missing", "proofMissing", true, (root, run) -> deleteProof(root)));
        c.add(new Case("proof altered", "proofHashMismatch", true, (root, run) -> {
            try (Stream<Path> s = Files.walk(root.resolve("proofs"))) {
                Path proof = s.filter(Files::isRegularFile).findFirst().orElseThrow();
                Files.writeString(proof, "\n\\boxed{42}\n", StandardOpenOption.APPEND);
            }
        }));
        c.add(new Case("proof path leaves proofs/", "proofMissing", true,
                resigned(j -> ((ObjectNode) j.path("proofs").get(0)).put("path", "results/allowed_signers"))));
        c.add(new Case("recipe reference missing", "referenceMissing", true, resigned(j -> j.putObject("recipe")
                .put("path", "audit-scripts/recipes/none.json").put("sha256", "0".repeat(64)))));
        c.add(new Case("recipe reference with a wrong hash", "referenceHashMismatch", true, (root, run) -> {
            Files.createDirectories(root.resolve("audit-scripts/recipes"));
            Files.writeString(root.resolve("audit-scripts/recipes/r.json"), "{}\n");
            editRunJson(run, j -> j.putObject("recipe").put("path", "audit-scripts/recipes/r.json").put("sha256", "1".repeat(64)));
            Evidence.resign(run, alice);
        }));
        // --- journal
        c.add(new Case("duplicate journal line", "duplicateAttempt", true, (root, run) -> {
            List<String> lines = Files.readAllLines(run.resolve("samples.jsonl"));
            Files.writeString(run.resolve("samples.jsonl"), lines.get(0) + "\n", StandardOpenOption.APPEND);
            Evidence.resign(run, alice);
        }));
        c.add(new Case("torn journal line", "journalCorrupt", true, (root, run) -> {
            Files.writeString(run.resolve("samples.jsonl"), "{\"taskId\":\"arith-0000\",\"att", StandardOpenOption.APPEND);
            Evidence.resign(run, alice);
        }));
        c.add(new Case("garbage journal line", "journalCorrupt", true, (root, run) -> {
            Files.writeString(run.resolve("samples.jsonl"), "not json at all\n", StandardOpenOption.APPEND);
            Evidence.resign(run, alice);
        }));
        c.add(new Case("NaN verdict score in the journal", "journalCorrupt", true, (root, run) -> {
            editSample(run, 0, s -> ((ObjectNode) s.path("verdict")).put("score", Double.NaN));
            Evidence.resign(run, alice);
        }));
        c.add(new Case("attempt beyond k", "journalCorrupt", true, (root, run) -> {
            ObjectNode s = (ObjectNode) Json.mapper().readTree(Files.readAllLines(run.resolve("samples.jsonl")).get(0));
            s.put("attempt", 7);
            Files.writeString(run.resolve("samples.jsonl"), Json.mapper().writeValueAsString(s) + "\n", StandardOpenOption.APPEND);
            Evidence.resign(run, alice);
        }));
        c.add(new Case("journal part missing before a later part", "journalCorrupt", true, (root, run) -> {
            Files.copy(run.resolve("samples.jsonl"), run.resolve("samples.2.jsonl"));
            Evidence.resign(run, alice);
        }));
        // --- metrics: everything signed by a trusted key, only recomputation catches it
        c.add(new Case("score inflated in run.json, re-signed with a trusted key", "metricsMismatch", true,
                resigned(j -> ((ObjectNode) j.path("metrics")).put("score", 0.99))));
        c.add(new Case("CI narrowed, re-signed", "metricsMismatch", true, resigned(j -> {
            ObjectNode m = (ObjectNode) j.path("metrics");
            m.put("ci95Low", m.path("ci95Low").asDouble() + 1e-6);
        })));
        c.add(new Case("errors hidden, re-signed", "metricsMismatch", true,
                resigned(j -> ((ObjectNode) j.path("metrics")).putObject("errors").put("timeout", 1))));
        c.add(new Case("attempts count inflated, re-signed", "metricsMismatch", true,
                resigned(j -> ((ObjectNode) j.path("metrics")).put("attempts", 1000))));
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
                resigned(j -> ((ObjectNode) j.path("suite").path("dataset")).put("sha256", "0".repeat(64)))));
        c.add(new Case("seed changed (easier tasks claimed)", "datasetMismatch", true,
                resigned(j -> ((ObjectNode) j.path("request")).put("seed", 1))));
        c.add(new Case("suite options changed", "datasetMismatch", true,
                resigned(j -> ((ObjectNode) j.path("suite").path("options")).put("--steps", "1"))));
        // --- contradictions inside a signed run (issue 15 item 6): a trusted key signs them, verify still refuses
        c.add(new Case("simulator run relabelled simulated:false, re-signed", "simulatedMislabelled", true,
                resigned(j -> j.put("simulated", false))));
        c.add(new Case("simulator run with a real-looking URL, engine still claimcheck-sim", "simulatedMislabelled", true,
                resigned(j -> {
                    j.put("simulated", false);
                    ((ObjectNode) j.path("endpoint")).put("baseUrl", "https://api.example.org/v1");
                })));
        c.add(new Case("simulator run disguised as vLLM, simulator block kept", "simulatedMislabelled", true, resigned(j -> {
            j.put("simulated", false);
            ObjectNode e = (ObjectNode) j.path("endpoint");
            e.put("baseUrl", "https://api.example.org/v1").put("engine", "vllm").put("engineVersion", "0.11.0");
            e.remove("serverInfo");
        })));
        c.add(new Case("model.id renamed, slug and folder kept", "modelMismatch", true,
                resigned(j -> ((ObjectNode) j.path("model")).put("id", "acme/Big-1T"))));
        c.add(new Case("request.template.model differs from model.id", "modelMismatch", true,
                resigned(j -> ((ObjectNode) j.path("request").path("template")).put("model", "acme/Small-1B"))));
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
                renamedRun(id -> "20990101T000000Z" + id.substring(16))));
        c.add(new Case("run id on 30 February", "timestampInvalid", true, renamedRun(id -> "20260230T120000Z" + id.substring(16))));
        c.add(new Case("startedAt a day after the run id", "timestampInvalid", true, resigned(j -> j.put("startedAt",
                Instant.parse(j.path("startedAt").asText()).plusSeconds(86_400).toString()))));
        c.add(new Case("startedAt not an instant", "timestampInvalid", true, resigned(j -> j.put("startedAt", "yesterday"))));
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
            addListed(run, "notes-\u00e9.txt", "one\n");
            addListed(run, "notes-e\u0301.txt", "two\n");
        }));
        c.add(new Case("two names equal but for case, both listed", "fileName", true,
                (root, run) -> addListed(run, "Summary.csv", "metric,value\nscore,0.99\n")));
        c.add(new Case("file name that is not UTF-8", "fileName", true,
                (root, run) -> Evidence.exec(run, "sh", "-c", "printf x > \"$(printf 'bad\\377name')\"")));
        c.add(new Case("MANIFEST.sig.1 is a symlink", "symlink", true,
                (root, run) -> Files.createSymbolicLink(run.resolve("MANIFEST.sig.1"), Path.of("/etc/passwd"))));
        c.add(new Case("run.lock is a FIFO", "notRegularFile", true, (root, run) -> Evidence.exec(run, "mkfifo", "run.lock")));
        c.add(new Case("MANIFEST.sig.2 is a directory", "notRegularFile", true,
                (root, run) -> Files.createDirectories(run.resolve("MANIFEST.sig.2"))));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileSubmissionIsRejectedForTheRightReason(Case c, @TempDir Path tmp) throws Exception {
        Path root = copy(tmp, "root");
        Path run = Evidence.runs(root).get(0);
        c.mutation().apply(root, run);
        List<Path> runs = Evidence.runs(root);
        assertThat(runs).hasSize(1);
        Verifier verifier = new Verifier(new Verifier.Options(baseRoot.resolve("results/allowed_signers"), false, true,
                Instant.now(), 1));
        RunReport r = verifier.verifyRun(runs.get(0));
        String lines = String.join("\n", r.lines());
        assertThat(r.passed()).as("%s must be rejected:%n%s", c.name(), lines).isFalse();
        assertThat(r.failureIds()).as("%s:%n%s", c.name(), lines).contains(c.expected());
        if (c.only()) {
            assertThat(r.failureIds()).as("%s must fail only %s:%n%s", c.name(), c.expected(), lines).containsExactly(c.expected());
        }
    }

    @Test
    void theCorpusHasAtLeastFortyCasesCoveringManyFindingIds() {
        List<Case> all = cases();
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(all.stream().map(Case::name).distinct().count()).isEqualTo(all.size());
        assertThat(all.stream().map(Case::expected).collect(Collectors.toSet())).hasSizeGreaterThanOrEqualTo(25);
    }

    @Test
    void aSimulatedRunInARepositoryPassesWithAllowSimulated(@TempDir Path tmp) throws Exception {
        Path root = copy(tmp, "repo");
        Files.writeString(root.resolve("jbang-catalog.json"), "{}\n");
        Files.createDirectories(root.resolve("audit-core"));
        Path run = Evidence.runs(root).get(0);
        assertThat(verifier().verifyRun(run).failureIds()).containsExactly("simulatedInResults");
        RunReport allowed = new Verifier(new Verifier.Options(null, true, true, Instant.now(), 1)).verifyRun(run);
        assertThat(allowed.passed()).as(String.join("\n", allowed.lines())).isTrue();
    }

    @Test
    void aSimulatorRunMarkedRealIsRefusedInsideACheckoutWithAllowSimulatedAndOutsideAnyRoot(@TempDir Path tmp) throws Exception {
        Path root = copy(tmp, "mislabelled");
        resigned(j -> j.put("simulated", false)).apply(root, Evidence.runs(root).get(0));
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
        Path run = Evidence.runs(copy(tmp, "clock")).get(0);
        Instant stamped = dev.claimcheck.core.store.RunIds.instant(run.getFileName().toString()).orElseThrow();
        Instant finished = Instant.parse(Evidence.runJson(run).path("finishedAt").asText());
        RunReport skewed = new Verifier(new Verifier.Options(null, false, true, finished.minusSeconds(120), 1)).verifyRun(run);
        assertThat(skewed.passed()).as(String.join("\n", skewed.lines())).isTrue();
        RunReport early = new Verifier(new Verifier.Options(null, false, true, stamped.minusSeconds(3600), 1)).verifyRun(run);
        assertThat(early.failureIds()).contains("timestampInvalid");
    }

    @Test
    void aNewerGraderThatDisagreesIsDriftNotFailure(@TempDir Path tmp) throws Exception {
        Path root = copy(tmp, "drift");
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
        Path root = copy(tmp, "noregrade");
        Path run = Evidence.runs(root).get(0);
        RunReport r = new Verifier(new Verifier.Options(null, false, true, Instant.now(), 1), Regraders.none()).verifyRun(run);
        assertThat(r.passed()).isTrue();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("notRegraded");
            assertThat(f.severity()).isEqualTo(Finding.Severity.WARN);
        });
    }

    // ---- helpers

    /** Gives the run another id (run.json and folder name agree), re-signed. */
    static Mutation renamedRun(java.util.function.UnaryOperator<String> id) {
        return (root, run) -> {
            String newId = id.apply(run.getFileName().toString());
            editRunJson(run, j -> j.put("runId", newId));
            Path moved = Files.move(run, run.resolveSibling(newId));
            Evidence.resign(moved, alice);
        };
    }

    /** Adds a file and lists it in MANIFEST (sorted), then signs MANIFEST as it is: a hostile signer needs no sign command. */
    static void addListed(Path run, String name, String content) throws IOException {
        Path file = run.resolve(name);
        Files.writeString(file, content);
        List<String> lines = new ArrayList<>(Files.readAllLines(run.resolve(Manifest.FILE)));
        lines.add(Manifest.sha256(file) + "  " + name);
        lines.sort(java.util.Comparator.comparing(l -> l.substring(66), Manifest.PATH_ORDER));
        Files.writeString(run.resolve(Manifest.FILE), lines.stream().map(l -> l + "\n").collect(Collectors.joining()));
        Evidence.signManifestAsIs(run, alice, SshSignature.NAMESPACE);
    }

    /** Edits run.json, writes summary.csv from it as the harness would (a forger keeps the two in step), re-signs. */
    static Mutation resigned(ThrowingEdit edit) {
        return (root, run) -> {
            editRunJson(run, edit);
            resummarise(run);
            Evidence.resign(run, alice);
        };
    }

    /** summary.csv re-derived from run.json where run.json still reads as a manifest with metrics (else left alone). */
    static void resummarise(Path run) throws IOException {
        dev.claimcheck.core.model.RunManifest m;
        try {
            m = Json.mapper().treeToValue(Evidence.runJson(run), dev.claimcheck.core.model.RunManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            return; // the schema rows: run.json no longer parses, so there is nothing to derive summary.csv from
        }
        if (m.metrics() != null) {
            Files.writeString(run.resolve("summary.csv"), dev.claimcheck.core.store.SummaryCsv.render(m.metrics(), SuiteRegistry.figures(m.workload()), m.simulated()));
        }
    }

    @FunctionalInterface
    interface ThrowingEdit {
        void edit(ObjectNode json) throws Exception;
    }

    static void editRunJson(Path run, ThrowingEdit edit) throws Exception {
        ObjectNode json = Evidence.runJson(run);
        edit.edit(json);
        Evidence.writeRunJson(run, json);
    }

    static void editSample(Path run, int index, ThrowingEdit edit) throws Exception {
        Path file = run.resolve("samples.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        ObjectNode s = (ObjectNode) Json.mapper().readTree(lines.get(index));
        edit.edit(s);
        lines.set(index, Json.mapper().writeValueAsString(s));
        Files.write(file, lines);
    }

    static int firstWrong(Path run) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("samples.jsonl"));
        for (int i = 0; i < lines.size(); i++) {
            JsonNode v = Json.mapper().readTree(lines.get(i)).path("verdict");
            if (v.isObject() && !v.path("correct").asBoolean()) {
                return i;
            }
        }
        throw new AssertionError("the simulated run has no wrong answer to flip");
    }

    static void recomputeMetrics(Path run) throws Exception {
        var metrics = RunMetrics.of(Journal.readAll(new RunFolder(run)), SuiteRegistry.figures(Workload.ARITH));
        editRunJson(run, j -> j.set("metrics", Json.mapper().valueToTree(metrics)));
        resummarise(run);
    }

    static void rewriteManifest(Path run, java.util.function.UnaryOperator<List<String>> f) throws IOException {
        List<String> lines = f.apply(Files.readAllLines(run.resolve(Manifest.FILE)));
        Files.writeString(run.resolve(Manifest.FILE), lines.stream().map(l -> l + "\n").collect(Collectors.joining()));
    }

    static List<String> prepend(List<String> lines, String first) {
        List<String> l = new ArrayList<>();
        l.add(first);
        l.addAll(lines);
        return l;
    }

    static void deleteProof(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root.resolve("proofs"))) {
            Files.delete(s.filter(Files::isRegularFile).findFirst().orElseThrow());
        }
    }

}
