package dev.claimcheck.core.suite.gaia2;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.suite.EpisodeMeter;
import dev.claimcheck.core.grade.Gaia2AnswerGrader;
import dev.claimcheck.core.grade.Regrade;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.suite.data.ParquetFixture;
import dev.claimcheck.core.verify.RecordedAnswerRegrader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gaia2-search from parquet in the published layout, the simulator scripted as the agent against a loopback fake
 * search server, re-graded as verify does; and everything a tool server or a dataset can do wrong.
 */
class Gaia2SuiteTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;
    @TempDir
    Path data;

    final Gaia2Suite suite = new Gaia2Suite();

    SuiteContext context(Path dataset, String toolServer) {
        Gaia2Options o = new Gaia2Options();
        o.dataset = dataset;
        o.toolServer = toolServer;
        o.maxSteps = 30;
        o.maxEpisodeTokens = 262144;
        o.toolTimeoutSeconds = 30;
        return new SuiteContext(0, o, root);
    }

    RunAudit run(FakeSearchServer server, String accuracy, String... extra) throws Exception {
        Path file = Gaia2Parquet.fixture(data);
        List<String> args = new java.util.ArrayList<>(List.of("gaia2", "--dataset", file.toString(), "--tool-server",
                server.url(), "--base-url", "sim:accuracy=" + accuracy, "--k", "2", "--seed", "3", "--root", root.toString()));
        args.addAll(List.of(extra));
        var r = audit(Map.of("OPENAI_API_KEY", "sk-test-secret-123"), args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new RunAudit(r.manifest(), Journal.readAll(new RunFolder(r.runDir())), r.out(), r.runDir());
    }

    record RunAudit(RunManifest manifest, List<Sample> samples, String out, Path runDir) {
    }

    @Test
    void eachScenarioIsTheUsersTaskWithTheOraclesAnswerAndTheFileIsHashed() throws Exception {
        Path file = Gaia2Parquet.fixture(data);
        SuiteContext c = context(file, "http://127.0.0.1:9");
        List<Task> tasks = suite.tasks(c);
        assertThat(tasks).extracting(Task::id).containsExactly("search_lumora_hq", "search_vestra_moons", "search_glass_orchard");
        assertThat(tasks.get(0).messages()).extracting(ChatMessage::role).containsExactly("system", "user");
        assertThat(tasks.get(0).messages().get(1).content()).isEqualTo("Which city is Lumora Labs headquartered in?");
        assertThat(tasks).extracting(Task::expected).containsExactly("Tallinn", "14", "Mirela Okafor");
        assertThat(tasks.get(1).meta()).containsEntry("row", "2").containsEntry("id", "b2e1").containsEntry("split", "validation");
        assertThat(suite.dataset(c).sha256()).isEqualTo(PromptHash.sha256Hex(Files.readAllBytes(file)));
        assertThat(suite.dataset(c).rows()).isEqualTo(3);
    }

    @Test
    void theScriptedAgentThatSearchesAndAnswersIsGradedCorrect() throws Exception {
        try (FakeSearchServer server = new FakeSearchServer(FakeSearchServer.Mode.NORMAL)) {
            RunAudit a = run(server, "1.0");
            assertThat(a.manifest().workload()).isEqualTo(Workload.SEARCH);
            Metrics x = a.manifest().metrics();
            assertThat(x.score()).isEqualTo(1.0);
            assertThat(x.graded()).isEqualTo(6);
            SearchMetrics s = x.get(SearchFigures.BLOCK);
            assertThat(s.toolCallsPerTask().value()).isEqualTo(1.0);
            assertThat(s.stepsPerTask().value()).isEqualTo(2.0);
            assertThat(s.tokensPerTask().value()).isPositive();
            assertThat(s.toolErrors()).isZero();
            assertThat(a.out()).contains("search.tokensPerTask", "search.toolCallsPerTask");
            for (Sample sample : a.samples()) {
                // The transcript: the search call, the server's documents, then the answer call.
                List<ChatMessage> t = sample.transcript();
                assertThat(t).extracting(ChatMessage::role).containsExactly("assistant", "tool", "assistant");
                assertThat(t.get(0).toolCalls()).extracting(c -> c.name()).containsExactly("search");
                assertThat(t.get(1).toolCallId()).isEqualTo(t.get(0).toolCalls().get(0).id());
                assertThat(t.get(1).content()).contains(sample.verdict().expected());
                assertThat(t.get(2).toolCalls()).extracting(c -> c.name()).containsExactly(Gaia2AnswerGrader.ANSWER_TOOL);
                assertThat(sample.verdict().correct()).isTrue();
            }
            assertThat(server.received()).filteredOn(q -> q.method().equals("POST")).hasSize(6);
            regradesAsVerifyDoes(a);
        }
    }

    @Test
    void theVerifyCommandRegradesARunWithoutAskingTheToolServerAgain() throws Exception {
        RunAudit a;
        int asked;
        try (FakeSearchServer server = new FakeSearchServer(FakeSearchServer.Mode.NORMAL)) {
            a = run(server, "0.5");
            asked = server.received().size();
        }
        var out = new java.io.ByteArrayOutputStream();
        var print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        dev.claimcheck.core.cli.Cli.execute(new dev.claimcheck.core.cli.VerifyCommand(print, Map.of()),
                new java.io.PrintWriter(print, true), a.runDir().toString(), "--allow-simulated");
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("PASS metrics", "PASS regrade", "PASS journal");
        assertThat(asked).isPositive();
    }

    @Test
    void aWrongAnswerIsGradedIncorrect() throws Exception {
        try (FakeSearchServer server = new FakeSearchServer(FakeSearchServer.Mode.NORMAL)) {
            RunAudit a = run(server, "0.0");
            assertThat(a.manifest().metrics().score()).isZero();
            assertThat(a.samples()).allSatisfy(s -> {
                assertThat(s.verdict().correct()).isFalse();
                assertThat(s.verdict().extracted()).isEqualTo(Gaia2AnswerGrader.normalize(Gaia2Suite.WRONG));
                assertThat(Gaia2Detail.parse(s.verdict().detail()).orElseThrow().match()).isEqualTo(Gaia2AnswerGrader.DIFFERENT);
            });
            regradesAsVerifyDoes(a);
        }
    }

    @Test
    void anEpisodeStoppedByItsStepBudgetIsGradedWithoutAnAnswer() throws Exception {
        try (FakeSearchServer server = new FakeSearchServer(FakeSearchServer.Mode.NORMAL)) {
            RunAudit a = run(server, "1.0", "--max-steps", "1");
            SearchMetrics s = a.manifest().metrics().get(SearchFigures.BLOCK);
            assertThat(a.manifest().metrics().score()).isZero();
            assertThat(s.budgetStops()).isEqualTo(6);
            assertThat(s.noAnswer()).isEqualTo(6);
            assertThat(a.samples()).allSatisfy(x -> assertThat(Gaia2Detail.parse(x.verdict().detail()).orElseThrow().budgetStop())
                    .isEqualTo(EpisodeMeter.STOP_STEPS));
            regradesAsVerifyDoes(a);
        }
    }

    @Test
    void aToolServerThatErrorsIsACountedToolErrorAndTheErrorIsInTheTranscript() throws Exception {
        for (var mode : List.of(FakeSearchServer.Mode.ERROR_500, FakeSearchServer.Mode.ERROR_FIELD)) {
            try (FakeSearchServer server = new FakeSearchServer(mode)) {
                RunAudit a = run(server, "1.0");
                Metrics x = a.manifest().metrics();
                assertThat(x.graded()).as("every attempt graded, none lost").isEqualTo(6);
                assertThat(x.get(SearchFigures.BLOCK).toolErrors()).isEqualTo(6);
                String expected = mode == FakeSearchServer.Mode.ERROR_500 ? "POST /call: HTTP 500" : "tool error: quota exceeded";
                assertThat(a.samples()).allSatisfy(s -> {
                    assertThat(JSON.readTree(s.transcript().get(1).content()).get("error").asText()).isEqualTo(expected);
                    assertThat(Gaia2Detail.parse(s.verdict().detail()).orElseThrow().toolErrors()).isEqualTo(1);
                });
            }
        }
    }

    @Test
    void aToolServerThatDoesNotAnswerInTimeIsACountedToolError() throws Exception {
        try (FakeSearchServer server = new FakeSearchServer(FakeSearchServer.Mode.HANG)) {
            RunAudit a = run(server, "1.0", "--tool-timeout-s", "1");
            assertThat(a.manifest().metrics().graded()).isEqualTo(6);
            assertThat(a.manifest().metrics().get(SearchFigures.BLOCK).toolErrors()).isEqualTo(6);
            assertThat(a.samples()).allSatisfy(s -> assertThat(s.transcript().get(1).content())
                    .isEqualTo("{\"error\":\"POST /call: no answer within 1 s\"}"));
        }
    }

    @Test
    void aToolServerThatCannotListItsToolsEndsEachAttemptAsACountedError() throws Exception {
        FakeSearchServer gone = new FakeSearchServer(FakeSearchServer.Mode.NORMAL);
        String url = gone.url();
        gone.close();
        Path file = Gaia2Parquet.fixture(data);
        var r = audit("gaia2", "--dataset", file.toString(), "--tool-server", url, "--base-url", "sim", "--k", "1",
                "--root", root.toString());
        Metrics x = r.manifest().metrics();
        assertThat(x.errors()).containsEntry("connection", 3);
        assertThat(x.graded()).isZero();
        assertThat(Journal.readAll(new RunFolder(r.runDir()))).allSatisfy(s ->
                assertThat(s.error().message()).startsWith("tool server: GET /tools: "));
    }

    @Test
    void withoutAToolServerTheAuditIsRefusedBeforeAnyRequest() throws Exception {
        Path file = Gaia2Parquet.fixture(data);
        var r = audit("gaia2", "--dataset", file.toString(), "--base-url", "sim", "--root", root.toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains(Gaia2Suite.NEEDS_TOOL_SERVER);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).as("no run folder, nothing written").isEmpty();
        }
        var userInfo = audit("gaia2", "--dataset", file.toString(), "--tool-server", "http://me:pw@127.0.0.1:9",
                "--base-url", "sim", "--root", root.toString());
        assertThat(userInfo.exitCode()).isNotZero();
        assertThat(userInfo.err()).contains("--tool-server must not carry user info");
    }

    @Test
    void hostileToolOutputStaysOneToolMessageAndTheServerIsSentNoSecret() throws Exception {
        try (FakeSearchServer server = new FakeSearchServer(FakeSearchServer.Mode.HOSTILE)) {
            RunAudit a = run(server, "1.0");
            String cut = FakeSearchServer.HOSTILE.substring(0, ToolServer.MAX_RESULT_CHARS) + ToolServer.CUT;
            assertThat(a.samples()).hasSize(6).allSatisfy(s -> {
                assertThat(s.transcript()).extracting(ChatMessage::role).containsExactly("assistant", "tool", "assistant");
                assertThat(s.transcript().get(1).content()).isEqualTo(cut);
                assertThat(s.verdict().correct()).isTrue();
            });
            for (FakeSearchServer.Received q : server.received()) {
                assertThat(q.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("Authorization"));
                assertThat(q.headers().toString() + q.body() + q.path()).doesNotContain("sk-test-secret-123");
                if (q.method().equals("POST")) {
                    assertThat(JSON.readTree(q.body()).fieldNames()).toIterable().containsExactly("scenario_id", "name", "arguments");
                }
            }
        }
    }

    @Test
    void aFileWithoutAPublishedColumnIsRefusedNamingIt() throws Exception {
        Path file = ParquetFixture.write(data.resolve("bad.parquet"), "SELECT 'a' AS id, 's' AS scenario_id, 'validation' AS split");
        assertThatThrownBy(() -> suite.tasks(context(file, "http://127.0.0.1:9"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("bad.parquet: no column 'data'");
    }

    @Test
    void aScenarioThatCannotBeReadIsRefusedNamingItsRowAndWhy() throws Exception {
        List<JsonNode> rows = Gaia2Parquet.rows();
        assertRefused(rows, 2, ((ObjectNode) rows.get(1).deepCopy()).put("data", "{\"events\": [ oops"), "data is not valid JSON");
        assertRefused(rows, 2, ((ObjectNode) rows.get(1).deepCopy()).put("data", "{\"apps\": []}"), "data has no \"events\" array");
        String noAnswer = rows.get(1).get("data").asText().replace("\"send_message_to_user\"", "\"send_email\"");
        assertRefused(rows, 2, ((ObjectNode) rows.get(1).deepCopy()).put("data", noAnswer),
                "no OracleEvent calling send_message_to_user");
        assertRefused(rows, 2, ((ObjectNode) rows.get(1).deepCopy()).putNull("scenario_id"), "scenario_id is null");
        assertRefused(rows, 2, ((ObjectNode) rows.get(1).deepCopy()).put("scenario_id", "search_lumora_hq"), "appears twice");
    }

    private void assertRefused(List<JsonNode> good, int row, JsonNode bad, String message) throws Exception {
        List<JsonNode> rows = new java.util.ArrayList<>(good);
        rows.set(row - 1, bad);
        Path file = Gaia2Parquet.write(data.resolve("broken.parquet"), rows);
        assertThatThrownBy(() -> suite.tasks(context(file, "http://127.0.0.1:9"))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("broken.parquet: row " + row + ": ").hasMessageContaining(message);
        Files.delete(file);
    }

    private static void regradesAsVerifyDoes(RunAudit a) {
        assertThat(new RecordedAnswerRegrader().regrade(a.manifest(), a.samples(), null)).isEmpty();
        assertThat(a.samples()).allSatisfy(s -> {
            var again = Regrade.of(s);
            assertThat(again.correct()).isEqualTo(s.verdict().correct());
            assertThat(again.score()).isEqualTo(s.verdict().score());
        });
        assertThat(RunMetrics.of(a.samples(), SuiteRegistry.figures(Workload.SEARCH))).isEqualTo(a.manifest().metrics());
    }
}
