package dev.claimcheck.core.cli;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.store.RunFolder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and hostile endpoints: one clear stderr line, the contract's exit code, nothing lost. */
class AuditBadInputTest {
    @TempDir
    Path root;

    HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    String serve(int status, String contentType, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void anUnknownSuiteIsBadUsage() {
        var r = audit("nosuch", "--base-url", "sim");
        assertThat(r.exitCode()).isEqualTo(2);
        // From the registry, so adding a suite does not edit this test.
        assertThat(r.err().strip()).isEqualTo("audit: unknown suite 'nosuch' (known: "
                + dev.claimcheck.core.suite.SuiteRegistry.ids() + ")").contains("arith, math, code");
    }

    @Test
    void anUnreachableEndpointFailsBeforeWritingAnything() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        var r = audit("arith", "--base-url", "http://127.0.0.1:" + closedPort + "/v1", "--model", "m", "--root", root.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("audit arith: cannot reach http://127.0.0.1:" + closedPort + "/v1: connection refused");
        assertThat(root.resolve("results")).doesNotExist();
    }

    @Test
    void refusedCredentialsAbortAtOnceAndTheKeyIsNeverPrinted() throws IOException {
        String url = serve(401, "application/json", "{\"error\": \"bad key sk-test-SECRET-123\"}");
        var r = audit(Map.of("OPENAI_API_KEY", "sk-test-SECRET-123"), "arith", "--base-url", url, "--model", "m",
                "--root", root.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("HTTP 401").doesNotContain("SECRET");
        assertThat(r.out()).doesNotContain("SECRET");
        assertThat(root.resolve("results")).doesNotExist();
    }

    @Test
    void aNonOpenAiBodyIsCountedAsMalformedAndReported() throws IOException {
        String url = serve(200, "text/html", "<html><body>Welcome to nginx!</body></html>");
        var r = audit("arith", "--base-url", url, "--model", "m", "--limit", "3", "--max-retries", "0",
                "--root", root.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(lastLine(r.err())).startsWith("no attempt got a gradable response ({malformedResponse=3})");
        assertThat(r.manifest().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(r.manifest().metrics().errors()).containsEntry("malformedResponse", 3);
    }

    @Test
    void anUnwritableRootIsOneClearLine() throws IOException {
        Path file = Files.writeString(root.resolve("not-a-folder"), "x");
        var r = audit("arith", "--base-url", "sim", "--root", file.resolve("sub").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("audit arith: cannot write to root " + file.resolve("sub"));
    }

    @Test
    void malformedJsonOptionsAreBadUsage() {
        var r = audit("arith", "--base-url", "sim", "--extra-body", "{oops", "--root", root.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("audit arith: --extra-body is not valid JSON");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"{\"model\":\"other/model\"}", "{\"messages\":[]}"})
    void extraBodyCannotReplaceTheModelOrThePrompt(String body) {
        var r = audit("arith", "--base-url", "sim", "--extra-body", body, "--root", root.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("audit arith: --extra-body must not set ");
    }

    @Test
    void aRealEndpointNeedsAModel() {
        var r = audit("arith", "--base-url", "http://127.0.0.1:9/v1", "--root", root.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--model is required for a real endpoint");
    }

    @Test
    void simulatedRunsNeverGoUnderTheRepositoryResults() throws IOException {
        Files.writeString(root.resolve("jbang-catalog.json"), "{}");
        Files.createDirectories(root.resolve("audit-core"));
        var r = audit("arith", "--base-url", "sim", "--root", root.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("simulated runs never go under the repository's results/");
        assertThat(root.resolve("results")).doesNotExist();
    }

    @Test
    void aTornJournalLineIsCutOnResumeAndRecorded() throws IOException {
        var first = audit("arith", "--base-url", "sim", "--limit", "10", "--k", "2", "--root", root.toString());
        Path dir = first.runDir();
        // Simulate a kill in the middle of a write: a half line, and run.json still saying running.
        Files.writeString(dir.resolve("samples.jsonl"), "{\"taskId\":\"arith-0009\",\"atte", StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("run.json"), Files.readString(dir.resolve("run.json"))
                .replace("\"status\" : \"complete\"", "\"status\" : \"running\""));

        var resumed = audit("--resume", dir.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        var m = dev.claimcheck.core.store.RunManifestStore.read(new RunFolder(dir));
        assertThat(m.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(m.journalRepairs()).singleElement().satisfies(j -> assertThat(j.droppedBytes()).isEqualTo(28));
        assertThat(m.metrics()).isEqualTo(first.manifest().metrics());
    }

    @Test
    void anUnknownRunJsonSchemaIsRefusedClearly() throws IOException {
        Path dir = Files.createDirectories(root.resolve("run"));
        Files.writeString(dir.resolve("run.json"), "{\"schema\": \"claimcheck/run/v9\"}");
        var r = audit("--resume", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("schema 'claimcheck/run/v9' is not supported");
    }
}
