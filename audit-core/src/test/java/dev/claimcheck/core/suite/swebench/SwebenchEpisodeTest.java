package dev.claimcheck.core.suite.swebench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.ClientConfig;
import dev.claimcheck.core.endpoint.OpenAiChatEndpoint;
import dev.claimcheck.core.endpoint.RetryPolicy;
import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.sim.InMemoryOracle;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.sim.Simulator;
import dev.claimcheck.core.suite.AttemptExchange;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.testing.Prerequisite;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One SWE-bench episode over real loopback HTTP, the simulator playing a script of bash commands written here: a
 * wrong fix is evaluated and not resolved, hostile commands find nothing of the harness, long output is cut with a
 * marker, a command past its time limit is killed, and a call that is not a bash command is answered with an error.
 */
class SwebenchEpisodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    AgentFixture fixture;
    final SwebenchSuite suite = new SwebenchSuite();

    @BeforeEach
    void setUp() throws Exception {
        Prerequisite.SANDBOX.require(Sandbox.system().unavailableReason());
        Prerequisite.PYTEST.requireExecutable(Path.of("/usr/bin/pytest-3"));
        Prerequisite.GIT.requireExecutable(Path.of("/usr/bin/git"));
        fixture = AgentFixture.create(dir);
    }

    SwebenchOptions options() {
        SwebenchOptions o = new SwebenchOptions();
        o.dataset = fixture.dataset;
        o.repos = fixture.repos;
        return o;
    }

    /** The episode of the fixture instance with the simulator calling {@code script} (built from its base URL). */
    AttemptExchange episode(SwebenchOptions o, Function<URI, List<ToolCall>> script) {
        return episodeAnswering(o, url -> {
            List<ToolCall> calls = script.apply(url);
            return new OracleEntry.AgentScript(calls, calls, "Submitted.");
        });
    }

    /** The episode with the simulator answering as {@code entry} says. */
    AttemptExchange episodeAnswering(SwebenchOptions o, Function<URI, OracleEntry> entry) {
        SuiteContext context = new SuiteContext(0, o, dir);
        Task task = suite.tasks(context).get(0);
        InMemoryOracle oracle = new InMemoryOracle();
        try (Simulator sim = Simulator.start(SimOptions.parse("sim:accuracy=1", Lane.INSTANT, 0), oracle)) {
            oracle.put(PromptHash.of(task.messages()), entry.apply(URI.create(sim.baseUrl())));
            OpenAiChatEndpoint client = new OpenAiChatEndpoint(ClientConfig.builder(sim.baseUrl()).attemptHeaders(true)
                    .retry(RetryPolicy.immediate(0)).build());
            ObjectNode template = JSON.createObjectNode().put("model", "sim").put("stream", true);
            return suite.attempt(task, task.messages(), template, 0, client, context);
        }
    }

    static List<ToolCall> commands(String... commands) {
        List<ToolCall> calls = new ArrayList<>();
        for (int i = 0; i < commands.length; i++) {
            calls.add(SwebenchSuite.bash("call_" + (i + 1), commands[i]));
        }
        calls.add(SwebenchSuite.submit("call_submit"));
        return calls;
    }

    static List<String> toolResults(AttemptExchange ex) {
        return ex.transcript().stream().filter(m -> m.role().equals("tool")).map(ChatMessage::content).toList();
    }

    static SwebenchDetail detail(AttemptExchange ex) {
        return SwebenchDetail.parse(ex.verdict().detail()).orElseThrow();
    }

    @Test
    void aWrongFixIsEvaluatedAndNotResolvedWithTheFailingTestNamed() throws Exception {
        String wrong = AgentFixture.read("wrong.diff");
        AttemptExchange ex = episode(options(), url -> commands("patch -p1 --batch <<'EOF'\n" + wrong + "EOF", "python3 -c 'import calc; print(calc.add(2, 3))'"));

        SwebenchDetail d = detail(ex);
        assertThat(ex.verdict().correct()).isFalse();
        assertThat(d.end()).isEqualTo(SwebenchDetail.SUBMITTED);
        assertThat(d.evaluated()).isTrue();
        assertThat(d.notApplied()).isNull();
        assertThat(d.failToPass().failure()).containsExactly("test_calc.py::test_add");
        assertThat(d.passToPass().success()).containsExactly("test_calc.py::test_mul");
        assertThat(d.patch()).contains("+    return b - a");
        // The model saw its own (wrong) result: 3 - 2.
        assertThat(toolResults(ex).get(1)).contains("<output>\n1\n");
    }

    @Test
    void testsTheModelRewroteAreResetBeforeTheTestPatchSoTheyCheckWhatTheyShould() {
        AttemptExchange ex = episode(options(), url -> commands(
                "printf 'def test_add():\\n    pass\\n\\n\\ndef test_mul():\\n    pass\\n' > test_calc.py"));

        SwebenchDetail d = detail(ex);
        assertThat(d.patch()).contains("test_calc.py");
        assertThat(d.notApplied()).as("the test patch applied over the reset file").isNull();
        assertThat(d.failToPass().failure()).containsExactly("test_calc.py::test_add");
        assertThat(ex.verdict().correct()).isFalse();
    }

    @Test
    void hostileCommandsSeeNothingOfTheHarnessTheUsersTreeOrTheNetwork() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "claimcheck-test-secret-7f3a");
        AttemptExchange ex = episode(options(), url -> commands(
                "env",
                "echo home=$HOME; ls -a ~ /root 2>&1",
                "cat " + secret + " ../secret.txt 2>&1; ls " + fixture.checkout + " 2>&1",
                "cat /proc/1/environ /proc/self/environ 2>&1 | tr '\\0' '\\n'",
                "python3 -c \"import socket; socket.create_connection(('127.0.0.1', " + url.getPort() + "), 3); print('CONNECTED')\" 2>&1",
                "git -C " + fixture.checkout + " log 2>&1; echo pwned > " + fixture.checkout + "/calc.py 2>&1"));

        List<String> results = toolResults(ex);
        String all = String.join("\n", results);
        Set<String> allowed = Set.of("PATH", "HOME", "LANG", "PWD", "SHLVL", "_", "OLDPWD", "PYTHONDONTWRITEBYTECODE");
        for (String name : System.getenv().keySet()) {
            if (!allowed.contains(name)) {
                assertThat(results.get(0)).as("the harness's " + name).doesNotContain(name + "=");
            }
        }
        assertThat(results.get(1)).contains("home=/tmp").doesNotContain(".m2").doesNotContain(".ssh");
        assertThat(all).doesNotContain("claimcheck-test-secret-7f3a").doesNotContain("CONNECTED");
        assertThat(results.get(4)).containsAnyOf("Network is unreachable", "Connection refused", "OSError");
        // The user's checkout is neither visible nor changed.
        assertThat(Files.readString(fixture.checkout.resolve("calc.py"))).isEqualTo(AgentFixture.read("repository/calc.py"));
        assertThat(AgentFixture.git(fixture.checkout, "status", "--porcelain")).isEmpty();
        assertThat(detail(ex).patch()).isEmpty();
    }

    @Test
    void longOutputIsCutWithAMarkerAndALongCommandIsKilled() {
        SwebenchOptions o = options();
        o.maxOutputChars = 1_000;
        o.commandTimeoutS = 1;
        AttemptExchange ex = episode(o, url -> commands("seq 1 100000", "sleep 30; echo woke"));

        List<String> results = toolResults(ex);
        assertThat(results.get(0)).contains("characters elided").contains("\n1\n").contains("100000");
        assertThat(results.get(0).length()).isLessThan(1_300);
        assertThat(results.get(1)).contains("the command was killed").doesNotContain("woke");
        List<SwebenchDetail.Command> cmds = detail(ex).commands();
        assertThat(cmds.get(0).truncated()).isTrue();
        assertThat(cmds.get(0).exitCode()).isZero();
        assertThat(cmds.get(1).timedOut()).isTrue();
        assertThat(cmds).hasSize(3);
    }

    @Test
    void aCallThatIsNotABashCommandIsAnsweredWithAnErrorAndTheEpisodeGoesOn() {
        AttemptExchange ex = episode(options(), url -> List.of(new ToolCall("c1", "python", "{\"code\": \"1\"}"),
                new ToolCall("c2", "bash", "{\"cmd\": \"ls\"}"), new ToolCall("c3", "bash", "not json"),
                SwebenchSuite.submit("c4")));

        List<String> results = toolResults(ex);
        assertThat(results.get(0)).contains("unknown tool 'python'");
        assertThat(results.get(1)).contains("\"command\"");
        assertThat(results.get(2)).contains("\"command\"");
        assertThat(detail(ex).end()).isEqualTo(SwebenchDetail.SUBMITTED);
        assertThat(detail(ex).commands()).hasSize(1);
    }

    @Test
    void aReplyWithAFencedBashBlockAndNoToolCallRunsTheBlockAndFeedsTheOutputBack() {
        String reply = "THOUGHT: done.\n\n```bash\necho " + SwebenchEpisode.SUBMIT + "\n```";
        AttemptExchange ex = episodeAnswering(options(), url -> new OracleEntry.VerbatimReply(reply, reply));

        SwebenchDetail d = detail(ex);
        assertThat(d.end()).isEqualTo(SwebenchDetail.SUBMITTED);
        assertThat(d.commands()).extracting(SwebenchDetail.Command::command).containsExactly("echo " + SwebenchEpisode.SUBMIT);
        assertThat(ex.transcript()).extracting(ChatMessage::role).containsExactly("assistant", "user");
        assertThat(ex.transcript().get(1).content()).startsWith("<returncode>0</returncode>");
    }

    @Test
    void mini_swe_agentsTextProtocolIsOneFencedBashBlock() {
        assertThat(SwebenchEpisode.textCommand("THOUGHT: look.\n\n```bash\nls -la\n```")).contains("ls -la");
        assertThat(SwebenchEpisode.textCommand("```bash\nls\n```\n```bash\npwd\n```")).as("two blocks: none").isEmpty();
        assertThat(SwebenchEpisode.textCommand("I am done.")).isEmpty();
        assertThat(SwebenchEpisode.submits(new BashTool.Observation(0, SwebenchEpisode.SUBMIT + "\ndiff --git …", false, false))).isTrue();
        assertThat(SwebenchEpisode.submits(new BashTool.Observation(0, "say " + SwebenchEpisode.SUBMIT, false, false))).isFalse();
    }
}
