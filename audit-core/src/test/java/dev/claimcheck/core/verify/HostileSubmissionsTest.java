package dev.claimcheck.core.verify;

import static dev.claimcheck.core.verify.Forgery.copy;
import static dev.claimcheck.core.verify.Forgery.deleteProof;
import static dev.claimcheck.core.verify.Forgery.editRunJson;
import static dev.claimcheck.core.verify.Forgery.editSample;
import static dev.claimcheck.core.verify.Forgery.prepend;
import static dev.claimcheck.core.verify.Forgery.rewriteManifest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.provenance.SigningKeys;
import dev.claimcheck.core.provenance.SshSignature;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.verify.Forgery.Case;
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
 * The hostile-submission corpus (issue 4), its structural half: each row starts from a real signed simulated run,
 * alters its files, MANIFEST, signature, schema, limits, references or journal the way a cheating or careless
 * submitter would, and asserts that verify rejects it for the right reason (the finding id). Rows marked
 * {@code only} must fail with that finding and no other. What a trusted key signs in full (inflated metrics, flipped
 * verdicts, contradictions between fields) is {@link TrustedForgeriesTest}.
 */
class HostileSubmissionsTest {
    @TempDir
    static Path shared;

    static Path baseRoot;
    static Path alice;
    static Path mallory;
    static Path retired;
    static Path gitOnly;
    static Path future;
    static final Forgery forge = new Forgery(() -> alice);

    @BeforeAll
    static void signedRun() throws Exception {
        Forgery.Base base = Forgery.signedBase(shared);
        baseRoot = base.root();
        alice = base.alice();
        mallory = base.mallory();
        retired = base.retired();
        gitOnly = base.gitOnly();
        future = base.future();
    }

    static Verifier verifier() {
        return new Verifier(new Verifier.Options(null, false, true, Instant.now(), 1));
    }

    @Test
    void theUntouchedRunIsTrustedWithEveryCheckPassing(@TempDir Path tmp) throws IOException {
        Path root = copy(baseRoot, tmp, "clean");
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
            Files.writeString(run.resolve("MANIFEST.sig"), SshSignature.sign(other, SigningKeys.readFile(alice)));
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
        c.add(new Case("unknown schema version", "schema", true, forge.resigned(j -> j.put("schema", "claimcheck/run/v9"))));
        c.add(new Case("NaN score", "schema", true, (root, run) -> {
            String text = Files.readString(run.resolve("run.json")).replaceFirst("\"score\" : [0-9.Ee-]+", "\"score\" : NaN");
            Files.writeString(run.resolve("run.json"), text);
            Evidence.resign(run, alice);
        }));
        c.add(new Case("negative score", "schema", true, forge.resigned(j -> ((ObjectNode) j.path("metrics")).put("score", -0.25))));
        c.add(new Case("negative secretsRedacted count", "schema", true, forge.resigned(j -> j.put("secretsRedacted", -3))));
        c.add(new Case("runId does not match the folder", "schema", true, forge.resigned(j -> j.put("runId", "20200101T000000Z-00000000"))));
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
        c.add(new Case("status running, re-signed by hand", "incomplete", true, forge.resigned(j -> j.put("status", "running"))));
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
                forge.resigned(j -> ((ObjectNode) j.path("proofs").get(0)).put("path", "results/allowed_signers"))));
        c.add(new Case("recipe reference missing", "referenceMissing", true, forge.resigned(j -> j.putObject("recipe")
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
        // --- names, counts and sizes (adversarial pass)
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
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileSubmissionIsRejectedForTheRightReason(Case c, @TempDir Path tmp) throws Exception {
        Forgery.assertRejected(c, copy(baseRoot, tmp, "root"), baseRoot);
    }

    @Test
    void theCorporaHaveAtLeastFortyCasesCoveringManyFindingIds() {
        List<Case> all = Stream.concat(cases().stream(), TrustedForgeriesTest.cases().stream()).toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(all.stream().map(Case::name).distinct().count()).isEqualTo(all.size());
        assertThat(all.stream().map(Case::expected).collect(Collectors.toSet())).hasSizeGreaterThanOrEqualTo(25);
    }

    @Test
    void aSimulatedRunInARepositoryPassesWithAllowSimulated(@TempDir Path tmp) throws Exception {
        Path root = copy(baseRoot, tmp, "repo");
        Files.writeString(root.resolve("jbang-catalog.json"), "{}\n");
        Files.createDirectories(root.resolve("audit-core"));
        Path run = Evidence.runs(root).get(0);
        assertThat(verifier().verifyRun(run).failureIds()).containsExactly("simulatedInResults");
        RunReport allowed = new Verifier(new Verifier.Options(null, true, true, Instant.now(), 1)).verifyRun(run);
        assertThat(allowed.passed()).as(String.join("\n", allowed.lines())).isTrue();
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
