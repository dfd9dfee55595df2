package dev.claimcheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code toolcheck} as typed: two simulator endpoints over loopback HTTP, one dropping tool calls. */
class ToolCheckCommandTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.execute(new ToolCheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8)),
                new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDroppingEndpointIsFlaggedInTheTableTheJsonAndTheExitCode() throws Exception {
        Path json = dir.resolve("toolcheck.json");
        Result r = run("--base-url", "sim:accuracy=1", "--base-url", "sim:accuracy=1,dropToolCalls=true", "--out", json.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Cli.FAILED);
        assertThat(r.out()).startsWith("[SIMULATED] toolcheck").contains("schema-valid", "same decision")
                .contains("FLAGGED sim:accuracy=1,dropToolCalls=true: 6 of 8 replies had neither content nor tool_calls")
                .doesNotContain("FLAGGED sim:accuracy=1:");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.at("/endpoints/0/flag").isNull()).isTrue();
        assertThat(report.at("/endpoints/1/emptyReplies").asInt()).isEqualTo(6);
        assertThat(report.at("/endpoints/0/schemaValid/value").asDouble()).isEqualTo(1.0);
    }

    @Test
    void twoFaithfulEndpointsExitZero() {
        Result r = run("--base-url", "sim", "--base-url", "sim:seed=9");
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).doesNotContain("FLAGGED");
    }

    @Test
    void oneEndpointIsBadUsage() {
        Result r = run("--base-url", "sim");
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("at least two --base-url");
    }
}
