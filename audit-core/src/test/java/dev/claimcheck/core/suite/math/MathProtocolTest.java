package dev.claimcheck.core.suite.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.SuiteOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each protocol sends and grades with, on the GSM8K-layout fixture (docs/grading/protocols.md). */
class MathProtocolTest {
    static final Path GSM8K = Path.of("src/test/resources/suites/math/gsm8k-style.jsonl");
    static final Path EASY = Path.of("src/test/resources/suites/math/easy.jsonl");
    final MathSuite suite = new MathSuite();

    List<Task> tasks(Path file, String... options) {
        Map<String, String> values = new java.util.TreeMap<>();
        values.put("--dataset", file.toString());
        for (int i = 0; i < options.length; i += 2) {
            values.put(options[i], options[i + 1]);
        }
        return suite.tasks(new SuiteContext(0, SuiteOptions.restore(suite, values), null));
    }

    @Test
    void boxedIsTodaysPromptByteForByte() {
        // The literal of suite version 1: committed runs' prompt hashes depend on it.
        String v1 = "What is $2 + 3 \\cdot 4$?\n\nPlease reason step by step, and put your final answer within \\boxed{}.";
        assertThat(tasks(EASY).get(0).messages().get(0).content()).isEqualTo(v1);
        assertThat(tasks(EASY, "--protocol", "boxed").get(0).messages()).isEqualTo(tasks(EASY).get(0).messages());
        assertThat(suite.requestDefaults(SuiteOptions.restore(suite, Map.of("--dataset", EASY.toString())))).isEmpty();
    }

    @Test
    void sglangGsm8kShowsTheFirstFiveRowsWithTheirWorkedSolutionsThenTheQuestion() {
        List<Task> tasks = tasks(GSM8K, "--protocol", "sglang-gsm8k");
        String prompt = tasks.get(5).messages().get(0).content();
        assertThat(prompt).startsWith("Question: A baker fills 12 trays with 24 rolls each. How many rolls does she bake?\n"
                + "Answer: Each tray holds 24 rolls, so 12 trays hold 12 * 24 = <<12*24=288>>288 rolls.\n#### 288\n\n"
                + "Question: A library owns");
        assertThat(prompt.split("\nAnswer:", -1)).as("five answered examples and the open question").hasSize(7);
        assertThat(prompt).endsWith("\nAnswer:").doesNotEndWith("Answer: ");
        // As upstream, the examples are graded rows too: row 0's prompt holds its own worked solution.
        assertThat(tasks.get(0).messages().get(0).content()).contains("#### 288\n\nQuestion: A library")
                .endsWith("Question: A baker fills 12 trays with 24 rolls each. How many rolls does she bake?\nAnswer:");
        assertThat(tasks.get(0).expected()).isEqualTo("288");
        assertThat(suite.grade(tasks.get(0), "So 12 * 24 = 288.").grader()).isEqualTo("last-integer");
    }

    @Test
    void sglangGsm8kImpliesTheScriptsStopStringsTokensAndTemperature() {
        var body = MathProtocol.SGLANG_GSM8K.requestDefaults();
        assertThat(body.toString()).isEqualTo(
                "{\"stop\":[\"Question\",\"Assistant:\",\"<|separator|>\"],\"max_tokens\":512,\"temperature\":0.0}");
    }

    @Test
    void theCommandLineSendsTheProtocolsDefaultsUnderItsOwnOptions(@org.junit.jupiter.api.io.TempDir Path root) {
        var r = dev.claimcheck.core.cli.AuditRunner.audit("math", "--dataset", GSM8K.toString(), "--protocol", "sglang-gsm8k",
                "--max-tokens", "100", "--base-url", "sim", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        var template = r.manifest().request().template();
        assertThat(template.path("stop").toString()).isEqualTo("[\"Question\",\"Assistant:\",\"<|separator|>\"]");
        assertThat(template.path("max_tokens").asInt()).as("--max-tokens over the protocol's 512").isEqualTo(100);
        assertThat(template.path("temperature").asDouble()).isEqualTo(0.0);
        assertThat(r.manifest().suite().options()).containsEntry("--protocol", "sglang-gsm8k");
    }

    @Test
    void matharenaPutsTheInstructionFirst() {
        assertThat(tasks(EASY, "--protocol", "matharena").get(0).messages().get(0).content())
                .isEqualTo("Put your final answer within \\boxed{}.\n\nWhat is $2 + 3 \\cdot 4$?");
        assertThat(tasks(EASY, "--protocol", "matharena-aime").get(0).messages().get(0).content())
                .isEqualTo("Put your final answer within \\boxed{}.\nThe answer is an integer between 0 and 999 inclusive."
                        + "\n\nWhat is $2 + 3 \\cdot 4$?");
        assertThat(suite.grade(tasks(EASY, "--protocol", "matharena").get(0), "\\boxed{14}").grader()).isEqualTo("math");
    }

    @Test
    void badProtocolChoicesAreOneClearLine() {
        assertThatThrownBy(() -> tasks(EASY, "--protocol", "lm-eval")).isInstanceOf(BadInputException.class)
                .hasMessage("unknown --protocol 'lm-eval' (known: boxed, sglang-gsm8k, matharena, matharena-aime)");
        assertThatThrownBy(() -> tasks(EASY, "--protocol", "sglang-gsm8k", "--prompt-template", "{problem}"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--protocol sglang-gsm8k fixes its own");
    }
}
