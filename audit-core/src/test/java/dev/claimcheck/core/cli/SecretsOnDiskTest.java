package dev.claimcheck.core.cli;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.serving.ServingBench;
import dev.claimcheck.core.sim.InMemoryOracle;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.sim.Simulator;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.testing.Prerequisite;
import dev.claimcheck.core.verify.Evidence;
import dev.claimcheck.core.verify.RunReport;
import dev.claimcheck.core.verify.Verifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials (the API key from the environment and every {@code --header} value long enough to be one) never
 * reach a file the run writes, its console output or the git objects of its commit, not even when the endpoint
 * echoes them back in everything it says ({@link EchoingServer}).
 */
class SecretsOnDiskTest {
    static final String GIT = "/usr/bin/git";

    @TempDir
    Path root;

    /** Three credentials with characters that URL-encode, JSON-escape and base64 differently; {@code random} is in each. */
    record Creds(String random, String key, String named, String unnamed) {
        static Creds fresh() {
            byte[] bytes = new byte[8];
            new SecureRandom().nextBytes(bytes);
            String r = HexFormat.of().formatHex(bytes);
            return new Creds(r, "sk-live/Q+r=" + r + "-K", "hdr-named-" + r + "-N", "plain/" + r + "+U");
        }

        List<String> values() {
            return List.of(key, named, unnamed);
        }

        /** Every form a reader could recognise a credential in, the random core alone included. */
        List<String> forms() {
            List<String> out = new ArrayList<>(List.of(random.toLowerCase(Locale.ROOT), random.toUpperCase(Locale.ROOT)));
            for (String v : values()) {
                out.add(URLEncoder.encode(v, StandardCharsets.UTF_8));
                out.add(Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
                String basic = Base64.getEncoder().encodeToString(("user:" + v).getBytes(StandardCharsets.UTF_8));
                out.add(basic.substring(8, basic.length() - 8)); // the part that depends on the value alone
                out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
            }
            return out;
        }
    }

    @Test
    void theApiKeyAndSecretHeadersAreNeverWritten() throws Exception {
        // The simulator stands in for a real server here: the harness treats its URL like any other.
        try (Simulator server = Simulator.start(SimOptions.defaults(Lane.INSTANT, 0), new InMemoryOracle())) {
            var r = audit(Map.of("MY_KEY", "sk-live-TOPSECRET-42"), "arith", "--base-url", server.baseUrl(),
                    "--model", "vendor/model", "--api-key-env", "MY_KEY", "--limit", "3",
                    "--header", "X-Api-Key: hdr-TOPSECRET-43", "--header", "X-Custom: long-TOPSECRET-44",
                    "--header", "X-Trace: visible", "--root", root.toString());

            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.manifest().simulated()).as("a simulator reached by URL is still labelled").isTrue();
            assertThat(r.manifest().endpoint().apiKeyEnv()).isEqualTo("MY_KEY");
            assertThat(r.manifest().endpoint().headers()).containsEntry("X-Api-Key", "<redacted>")
                    .as("a long value is a credential whatever its header is called").containsEntry("X-Custom", "<redacted>")
                    .as("a short value under a plain name is not").containsEntry("X-Trace", "visible");
            assertThat(r.manifest().secretsRedacted()).as("nothing was echoed, nothing counted").isNull();
            assertNowhere(root, r.out() + r.err(), List.of("TOPSECRET"));
        }
    }

    @Test
    void anAuditAgainstAServerThatEchoesTheKeyEverywhereStoresItNowhereNotEvenInItsSignedCommit(@TempDir Path keys)
            throws Exception {
        Evidence.requireSshKeygen();
        Prerequisite.GIT.requireExecutable(Path.of(GIT));
        Path alice = Evidence.keygen(keys, "alice", "alice@example.org");
        Path repo = gitRepo(root.resolve("repo"));
        Files.createDirectories(repo.resolve("results"));
        Files.writeString(repo.resolve("results/allowed_signers"), Evidence.signerLine("alice@example.org", "", alice));
        Creds c = Creds.fresh();
        try (EchoingServer server = new EchoingServer()) {
            var r = audit(Map.of("MY_KEY", c.key()), "arith", "--base-url", server.baseUrl(), "--model", "vendor/model",
                    "--api-key-env", "MY_KEY", "--limit", "6", "--header", "X-Api-Key: " + c.named(),
                    "--header", "X-Custom-Auth: " + c.unnamed(), "--root", repo.toString(),
                    "--sign", alice.toString(), "--commit");

            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            assertThat(server.chats()).as("the echo reached the client").isGreaterThanOrEqualTo(6);
            assertThat(r.out()).containsPattern("committed [0-9a-f]{40}");
            JsonNode run = Json.mapper().readTree(r.runDir().resolve("run.json").toFile());
            assertThat(run.path("secretsRedacted").asLong()).as("the replacements are counted").isPositive();
            assertThat(run.path("endpoint").path("engineVersion").asText()).contains("<redacted>");
            List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
            assertThat(samples).anySatisfy(s -> assertThat(s.response()).isNotNull()
                            .satisfies(resp -> assertThat(resp.content()).contains("<redacted>")))
                    .anySatisfy(s -> assertThat(s.error()).isNotNull());
            assertThat(run.path("proofs").size()).as("proof pages were written and searched").isPositive();

            // The verifier re-grades what is stored, which is what was graded: the redaction changes no verdict.
            RunReport report = new Verifier(new Verifier.Options(null, false, true, java.time.Instant.now(), 1))
                    .verifyRun(r.runDir());
            assertThat(report.passed()).as(report.lines().toString()).isTrue();
            assertThat(report.lines()).contains("PASS regrade");

            String gitObjects = Evidence.exec(repo, GIT, "cat-file", "--batch-all-objects", "--batch")
                    + Evidence.exec(repo, GIT, "log", "-p", "--all", "--format=raw");
            assertNowhere(repo, r.out() + r.err() + gitObjects, c.forms());
        }
    }

    @Test
    void theKeyGivenAsAnAuthorizationHeaderIsASecretToo() throws Exception {
        Creds c = Creds.fresh();
        try (EchoingServer server = new EchoingServer()) {
            var r = audit(Map.of(), "arith", "--base-url", server.baseUrl(), "--model", "vendor/model", "--limit", "3",
                    "--header", "Authorization: Bearer " + c.key(), "--header", "X-Custom-Auth: " + c.unnamed(),
                    "--header", "X-Api-Key: " + c.named(), "--root", root.toString());

            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            assertThat(r.manifest().endpoint().headers()).containsEntry("Authorization", "<redacted>");
            assertThat(r.manifest().secretsRedacted()).isPositive();
            assertNowhere(root, r.out() + r.err(), c.forms());
        }
    }

    @Test
    void codeTheServerWritesWithTheKeyInItReachesTheSandboxRedacted() throws Exception {
        Prerequisite.SANDBOX.require(Sandbox.system().unavailableReason());
        Creds c = Creds.fresh();
        try (EchoingServer server = new EchoingServer()) {
            var r = audit(Map.of("MY_KEY", c.key()), "code", "--dataset",
                    Path.of("src/test/resources/suites/code/problems.jsonl").toString(), "--base-url", server.baseUrl(),
                    "--model", "vendor/model", "--api-key-env", "MY_KEY", "--limit", "2",
                    "--header", "X-Custom-Auth: " + c.unnamed(), "--root", root.toString(),
                    // the server fails every third request: the fingerprint's requests would move which attempts fail
                    "--no-fingerprint");

            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            // Graded on the stored, redacted text: the program the sandbox ran printed the marker, not the key.
            assertThat(Journal.readAll(new RunFolder(r.runDir()))).as("the extracted program ran in the sandbox")
                    .anySatisfy(s -> assertThat(s.verdict().detail()).contains("\"verdict\":\"wrongAnswer\""));
            assertNowhere(root, r.out() + r.err(), c.forms());
        }
    }

    @Test
    void anAgentWhoseToolCallsCarryTheKeyKeepsItOutOfToolsTranscriptsAndProofs() throws Exception {
        Creds c = Creds.fresh();
        try (EchoingServer server = new EchoingServer()) {
            var r = audit(Map.of("MY_KEY", c.key()), "agent", "--base-url", server.baseUrl(), "--model", "vendor/model",
                    "--api-key-env", "MY_KEY", "--limit", "2", "--max-steps", "3", "--header", "X-Api-Key: " + c.named(),
                    "--header", "X-Custom-Auth: " + c.unnamed(), "--root", root.toString(),
                    // the server fails every third request: the fingerprint's requests would move which turns fail
                    "--no-fingerprint");

            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
            assertThat(samples).as("episodes ran tool calls").anySatisfy(s -> assertThat(s.transcript()).isNotEmpty()
                    .anySatisfy(m -> assertThat(m.toolCalls()).isNotEmpty()
                            .allSatisfy(t -> assertThat(t.arguments()).contains("<redacted>"))));
            assertNowhere(root, r.out() + r.err(), c.forms());
        }
    }

    @Test
    void aBenchAgainstAServerThatEchoesTheKeyEverywhereStoresItNowhere() throws Exception {
        Creds c = Creds.fresh();
        try (EchoingServer server = new EchoingServer()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            int code = Cli.execute(new BenchCommand(new ServingBench(Clock.systemUTC(), null), Map.of("MY_KEY", c.key()),
                    new PrintStream(out, true, StandardCharsets.UTF_8), e), new PrintWriter(e, true),
                    "--base-url", server.baseUrl(), "--model", "vendor/model", "--api-key-env", "MY_KEY",
                    "--header", "X-Api-Key: " + c.named(), "--header", "X-Custom-Auth: " + c.unnamed(),
                    "--concurrency", "1", "--input-tokens", "16", "--output-tokens", "8", "--requests", "6",
                    "--root", root.toString());
            String console = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);

            assertThat(code).as(console).isZero();
            assertThat(server.chats()).as("the echo reached the client").isGreaterThanOrEqualTo(6);
            Path run = BenchCommandTest.onlyRun(root);
            assertThat(run.resolve(ServingBench.ENGINE_INFO)).exists();
            assertThat(run.resolve(ServingBench.PROMETHEUS_BEFORE)).content().contains("<redacted>");
            assertThat(Json.mapper().readTree(run.resolve("run.json").toFile()).path("secretsRedacted").asLong()).isPositive();
            assertNowhere(root, console, c.forms());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theShardedAuditWorkflowsEnvironmentKeepsTheKeyOutOfEveryShardAndTheMergedRun(@TempDir Path keys) throws Exception {
        Evidence.requireSshKeygen();
        Path alice = Evidence.keygen(keys, "alice", "alice@example.org");
        // The variable the workflow's shard step puts the endpoint secret in, and the option that names it.
        Path workflow = repoRoot().resolve(".github/workflows/sharded-audit.yml");
        Map<String, Object> wf = new org.yaml.snakeyaml.Yaml().load(Files.readString(workflow));
        Map<String, Object> shardJob = (Map<String, Object>) ((Map<String, Object>) wf.get("jobs")).get("shard");
        Map<String, Object> step = ((List<Map<String, Object>>) shardJob.get("steps")).stream()
                .filter(st -> String.valueOf(st.get("run")).contains("--api-key-env")).findFirst().orElseThrow();
        String variable = ((Map<String, Object>) step.get("env")).entrySet().stream()
                .filter(e -> String.valueOf(e.getValue()).contains("secrets[")).map(Map.Entry::getKey).findFirst().orElseThrow();
        assertThat((String) step.get("run")).contains("--api-key-env " + variable);

        Creds c = Creds.fresh();
        StringBuilder console = new StringBuilder();
        List<String> merge = new ArrayList<>(List.of("--merge"));
        try (EchoingServer server = new EchoingServer()) {
            for (int i = 0; i < 2; i++) {
                var r = audit(Map.of(variable, c.key()), "arith", "--base-url", server.baseUrl(), "--model", "vendor/model",
                        "--api-key-env", variable, "--limit", "6", "--shard", i + "/2", "--root", root.toString(),
                        "--sign", alice.toString());
                assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
                console.append(r.out()).append(r.err());
                merge.add(r.runDir().toString());
            }
        }
        merge.addAll(List.of("--root", root.toString(), "--sign", alice.toString()));
        var merged = audit(merge.toArray(String[]::new));
        assertThat(merged.exitCode()).as(merged.err()).isZero();
        console.append(merged.out()).append(merged.err());
        assertThat(Journal.readAll(new RunFolder(merged.runDir()))).hasSize(6);
        assertNowhere(root, console.toString(), c.forms());
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("jbang-catalog.json"))) {
            p = p.getParent();
        }
        return java.util.Objects.requireNonNull(p, "repository root (jbang-catalog.json) not found");
    }

    /** No form of any credential in any file under {@code dir} nor in {@code extra}. */
    private static void assertNowhere(Path dir, String extra, List<String> forms) throws Exception {
        StringBuilder haystack = new StringBuilder(extra);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                haystack.append('\n').append(f).append('\n')
                        .append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            }
        }
        String all = haystack.toString();
        for (String form : forms) {
            assertThat(all).as("a credential in the form '" + form + "' was stored").doesNotContainIgnoringCase(form);
        }
    }

    private static Path gitRepo(Path dir) throws Exception {
        Files.createDirectories(dir);
        Evidence.exec(dir, GIT, "init", "-q", "-b", "main");
        Evidence.exec(dir, GIT, "config", "user.name", "Alice Auditor");
        Evidence.exec(dir, GIT, "config", "user.email", "alice@example.org");
        Files.writeString(dir.resolve("README.md"), "results\n");
        Evidence.exec(dir, GIT, "add", "README.md");
        Evidence.exec(dir, GIT, "-c", "commit.gpgsign=false", "commit", "-q", "-m", "init");
        return dir;
    }
}
