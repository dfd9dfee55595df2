package dev.claimcheck.core.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.cli.SimCommand;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.testing.Prerequisite;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * {@code ./jbang sim@.} as a user runs it: the real script (audit-scripts/sim.java, through the JDK's source launcher
 * on the build's classpath) in a child process, the curl examples of docs/simulator.md run verbatim with real curl,
 * the official SDK on the printed base URL, and SIGTERM.
 */
class SimServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECTION = "## Standalone server";

    private final Repo repo = Repo.find();

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard against a hung child, not a performance assertion
    void thePrintedBaseUrlServesTheDocsCurlExamplesAndTheSdkAndSigtermStopsIt() throws Exception {
        Prerequisite.CURL.requireExecutable(Path.of("/usr/bin/curl"));
        List<String> examples = curlExamples(repo.root.resolve("docs/simulator.md"));
        assertThat(examples).as("curl examples in docs/simulator.md's '%s' section", SECTION).hasSizeGreaterThanOrEqualTo(5);
        Path err = Files.createTempFile("claimcheck-sim", ".err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process sim = new ProcessBuilder(java, "-cp", ScriptCompileTest.testClasspath(), "audit-scripts/sim.java",
                "--port", "0", "--outputTokens", "6", "--reasoningTokens", "2")
                .directory(repo.root.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
            String base = out.readLine();
            assertThat(base).as("the base URL on stdout (stderr: %s)", Files.readString(err))
                    .matches("http://127\\.0\\.0\\.1:[1-9][0-9]*/v1");

            for (String example : examples) {
                ProcessBuilder pb = new ProcessBuilder("sh", "-c", example).redirectErrorStream(true);
                pb.environment().put("BASE", base);
                Process curl = pb.start();
                String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                assertThat(curl.waitFor()).as("exit code of %s: %s", example, output).isZero();
                if (output.startsWith("data:")) {
                    assertThat(output).as(example).endsWith("data: [DONE]").contains("\"usage\":{");
                } else {
                    JsonNode body = JSON.readTree(output);
                    assertThat(body.has("error")).as("%s answered %s", example, output).isFalse();
                    assertThat(body.path("object").asText()).as(example).isIn("list", "chat.completion", "text_completion");
                }
            }

            OpenAIClient sdk = OpenAIOkHttpClient.builder().baseUrl(base).apiKey("sk-sim-not-a-secret").maxRetries(0)
                    .responseValidation(true).build();
            assertThat(sdk.models().list().data()).hasSize(1);
            ChatCompletion r = sdk.chat().completions().create(ChatCompletionCreateParams.builder().model("sim")
                    .addUserMessage("Hello").build());
            assertThat(r.usage().orElseThrow().completionTokens()).isEqualTo(8);

            sim.destroy(); // SIGTERM
            assertThat(sim.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
            assertThat(sim.exitValue()).as("exit code after SIGTERM (128 + 15)").isEqualTo(143);
            assertThat(Files.readString(err)).contains("sim: listening on " + base)
                    .containsPattern("sim: stopped after [1-9][0-9]* requests");
        } finally {
            sim.destroyForcibly();
            Files.deleteIfExists(err);
        }
    }

    @Test
    void everySimulatorKeyIsAFlagAndTheKeyListIsAcceptedToo() {
        CommandLine cl = new CommandLine(new SimCommand());
        for (String key : SimOptions.KEYS) {
            assertThat(cl.getCommandSpec().findOption("--" + key)).as("--%s", key).isNotNull();
        }
        SimCommand flags = new SimCommand();
        new CommandLine(flags).parseArgs("--accuracy", "0.5", "--fault-kinds", "429+reset", "--options", "sim:tpotMs=3,seed=9");
        SimOptions o = flags.simOptions();
        assertThat(o.accuracy()).isEqualTo(0.5);
        assertThat(o.tpotMs()).isEqualTo(3);
        assertThat(o.seed()).isEqualTo(9);
        assertThat(o.faultKinds()).hasSize(2);
    }

    @Test
    void theScriptRunsInTheJvmTheSimulatorChoosesAsTheBenchDoes() throws Exception {
        List<String> options = Files.readAllLines(repo.root.resolve("audit-scripts/sim.java")).stream()
                .filter(l -> l.startsWith("//JAVA_OPTIONS ")).toList();
        assertThat(options).containsExactly("//JAVA_OPTIONS " + String.join(" ", SimCommand.JVM_FLAGS));
        assertThat(SimCommand.JVM_FLAGS).as("a fixed heap and ZGC, as audit-scripts/bench.java")
                .contains("-XX:+UseZGC").anyMatch(f -> f.startsWith("-Xms")).anyMatch(f -> f.startsWith("-Xmx"));
    }

    @Test
    void badOptionsExitTwoWithOneLineNamingTheKey() {
        for (String[] args : List.of(new String[] {"--accuracy", "2"}, new String[] {"--options", "nope=1"},
                new String[] {"--seed", "1", "--options", "seed=2"}, new String[] {"--port", "70000"},
                new String[] {"--faults", "0.1,accuracy=1"})) {
            StringWriter err = new StringWriter();
            int code = Cli.execute(new SimCommand(), new PrintWriter(err, true), args);
            assertThat(code).as(String.join(" ", args)).isEqualTo(Cli.BAD_INPUT);
            assertThat(err.toString().strip().lines().count()).as(err.toString()).isEqualTo(1);
        }
    }

    /** Lines of the doc's standalone section that run curl, backslash continuations joined. */
    static List<String> curlExamples(Path doc) throws Exception {
        List<String> out = new ArrayList<>();
        boolean inSection = false;
        boolean inCode = false;
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("## ")) {
                inSection = line.startsWith(SECTION);
            } else if (inSection && line.startsWith("```")) {
                inCode = !inCode;
            } else if (inSection && inCode) {
                pending.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line);
                if (!line.endsWith("\\")) {
                    String command = pending.toString().trim();
                    if (command.matches("^(curl |.*\\| curl ).*")) {
                        out.add(command);
                    }
                    pending.setLength(0);
                }
            }
        }
        return out;
    }
}
