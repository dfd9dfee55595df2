package dev.claimcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.provenance.Signer;
import dev.claimcheck.core.provenance.SshSignature;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the hostile corpora ({@link HostileSubmissionsTest}, {@link TrustedForgeriesTest}) share: a real signed
 * simulated run in a root with its allowed_signers, the rows' shape, and the edits a forger makes to a copy of it.
 * The instance methods re-sign with the forger's {@code key} (a trusted one, in the corpora). The key is read when a
 * mutation runs, not when it is built, so a corpus can be listed (counted, named) before its base is signed.
 */
final class Forgery {
    private final Supplier<Path> key;

    Forgery(Supplier<Path> key) {
        this.key = key;
    }

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

    /**
     * The signed root and its keys: alice is trusted; retired expired in 2020, gitOnly may sign git commits only,
     * future is valid from 2999, and mallory is in no allowed_signers line.
     */
    record Base(Path root, Path alice, Path mallory, Path retired, Path gitOnly, Path future) {
    }

    /** A simulated run under {@code dir}/base with a proof, signed by alice. */
    static Base signedBase(Path dir) throws Exception {
        Evidence.requireSshKeygen();
        Path keys = Files.createDirectories(dir.resolve("keys"));
        Path alice = Evidence.keygen(keys, "alice", "alice@example.org");
        Path mallory = Evidence.keygen(keys, "mallory", "mallory@example.org");
        Path retired = Evidence.keygen(keys, "retired", "retired@example.org");
        Path gitOnly = Evidence.keygen(keys, "gitonly", "gitonly@example.org");
        Path future = Evidence.keygen(keys, "future", "future@example.org");
        Path baseRoot = Files.createDirectories(dir.resolve("base"));
        Path run = Evidence.simRun(baseRoot);
        Evidence.addProof(baseRoot, run);
        Files.writeString(baseRoot.resolve("results/allowed_signers"),
                Evidence.signerLine("alice@example.org", "", alice)
                        + Evidence.signerLine("retired@example.org", "valid-before=\"20200101Z\"", retired)
                        + Evidence.signerLine("gitonly@example.org", "namespaces=\"git\"", gitOnly)
                        + Evidence.signerLine("future@example.org", "valid-after=\"29990101Z\"", future));
        Signer.sign(run, alice, false);
        return new Base(baseRoot, alice, mallory, retired, gitOnly, future);
    }

    /** A fresh copy of the signed root for one case. */
    static Path copy(Path baseRoot, Path dir, String name) throws IOException {
        Path root = dir.resolve(name);
        Evidence.copyTree(baseRoot, root);
        return root;
    }

    /**
     * Applies the row to the copied {@code root} and verifies its one run with the base's allowed_signers (as CI
     * does): rejected, with the row's finding, and with no other when the row says {@code only}.
     */
    static void assertRejected(Case c, Path root, Path baseRoot) throws Exception {
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
        assertTheJsonReportListsTheMarkdownReportsIds(r);
    }

    private static final Pattern MARKDOWN_FINDING = Pattern.compile("^- \\S+ (FAIL|DRIFT|WARN) ([A-Za-z]+):", Pattern.MULTILINE);

    /** verify --report-json and --report name the same findings, in the same order (issue 25). */
    static void assertTheJsonReportListsTheMarkdownReportsIds(RunReport r) throws IOException {
        String markdown = VerifyReport.markdown(List.of(r), List.of(), null);
        List<String> markdownIds = new ArrayList<>();
        Matcher m = MARKDOWN_FINDING.matcher(markdown);
        while (m.find()) {
            markdownIds.add(m.group(1) + " " + m.group(2));
        }
        JsonNode json = Json.mapper().readTree(VerifyJson.render(VerifyJson.report(List.of(r), List.of())));
        List<String> jsonIds = new ArrayList<>();
        json.path("runs").get(0).path("findings").forEach(f -> jsonIds.add(f.path("severity").asText() + " " + f.path("id").asText()));
        assertThat(jsonIds).as("JSON report against the Markdown report:%n%s", markdown).isNotEmpty().isEqualTo(markdownIds);
        assertThat(json.path("runs").get(0).path("trusted").asBoolean()).isEqualTo(r.passed());
        assertThat(json.path("counts").path("failed").asInt()).isEqualTo(r.passed() ? 0 : 1);
    }

    /** Gives the run another id (run.json and folder name agree), re-signed. */
    Mutation renamedRun(java.util.function.UnaryOperator<String> id) {
        return (root, run) -> {
            String newId = id.apply(run.getFileName().toString());
            editRunJson(run, j -> j.put("runId", newId));
            Path moved = Files.move(run, run.resolveSibling(newId));
            Evidence.resign(moved, key.get());
        };
    }

    /** Adds a file and lists it in MANIFEST (sorted), then signs MANIFEST as it is: a hostile signer needs no sign command. */
    void addListed(Path run, String name, String content) throws IOException {
        Path file = run.resolve(name);
        Files.writeString(file, content);
        List<String> lines = new ArrayList<>(Files.readAllLines(run.resolve(Manifest.FILE)));
        lines.add(Manifest.sha256(file) + "  " + name);
        lines.sort(java.util.Comparator.comparing(l -> l.substring(66), Manifest.PATH_ORDER));
        Files.writeString(run.resolve(Manifest.FILE), lines.stream().map(l -> l + "\n").collect(Collectors.joining()));
        Evidence.signManifestAsIs(run, key.get(), SshSignature.NAMESPACE);
    }

    /** Drops the journal lines {@code drop} accepts (given the first wrong sample), recomputes the metrics, re-signs. */
    Mutation dropLines(java.util.function.BiPredicate<JsonNode, JsonNode> drop) {
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
            Evidence.resign(run, key.get());
        };
    }

    /** Replaces the first {@code "field" : number} of run.json's text by {@code value}, keeps summary.csv in step, re-signs. */
    Mutation rawMetric(String field, String value) {
        return (root, run) -> {
            Path json = run.resolve("run.json");
            String text = Files.readString(json);
            String edited = text.replaceFirst("\"" + field + "\" : [-0-9.Ee]+", "\"" + field + "\" : " + value);
            assertThat(edited).isNotEqualTo(text);
            Files.writeString(json, edited);
            resummarise(run);
            Evidence.resign(run, key.get());
        };
    }

    /** Edits run.json, writes summary.csv from it as the harness would (a forger keeps the two in step), re-signs. */
    Mutation resigned(ThrowingEdit edit) {
        return (root, run) -> {
            editRunJson(run, edit);
            resummarise(run);
            Evidence.resign(run, key.get());
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
        Workload workload = Json.mapper().treeToValue(Evidence.runJson(run).path("workload"), Workload.class);
        var metrics = RunMetrics.of(Journal.readAll(new RunFolder(run)), SuiteRegistry.figures(workload));
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
