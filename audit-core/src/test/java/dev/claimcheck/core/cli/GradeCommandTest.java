package dev.claimcheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.testing.Prerequisite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String err) {
    }

    Run grade(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = Cli.execute(new GradeCommand(e), new PrintWriter(e, true), args);
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyInputLineGetsAVerdictLineInOrderIncludingMalformedOnes() throws Exception {
        Path in = Files.writeString(dir.resolve("pairs.jsonl"), String.join("\n",
                "{\"id\": \"a\", \"gold\": \"\\\\frac{1}{2}\", \"pred\": \"so \\\\boxed{0.5}\"}",
                "{\"id\": \"b\", \"gold\": \"2\", \"pred\": \"\\\\boxed{-2}\"}",
                "this is not json",
                "{\"id\": \"d\", \"gold\": \"7\", \"pred\": \"答案是 7\"}") + "\n");
        Path out = dir.resolve("verdicts.jsonl");

        Run r = grade("math", "--input", in.toString(), "--output", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("graded 4 lines with math");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(4);
        JsonNode first = Json.mapper().readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("a");
        assertThat(first.get("equal").asBoolean()).isTrue();
        assertThat(Json.mapper().readTree(lines.get(1)).get("equal").asBoolean()).isFalse();
        assertThat(Json.mapper().readTree(lines.get(2)).get("detail").asText()).contains("malformed");
        assertThat(Json.mapper().readTree(lines.get(3)).get("equal").asBoolean()).isTrue();
    }

    @Test
    void codeProgramsAreGradedThroughTheCommand() throws Exception {
        Prerequisite.SANDBOX.require(dev.claimcheck.core.grade.sandbox.Sandbox.system().unavailableReason());
        Path in = Files.writeString(dir.resolve("programs.jsonl"), String.join("\n",
                "{\"id\":\"p\",\"language\":\"python\",\"program\":\"print(input()[::-1])\","
                        + "\"tests\":[{\"input\":\"abc\\n\",\"output\":\"cba\\n\",\"kind\":\"stdin\"}]}",
                "{\"id\":\"q\",\"language\":\"python\",\"program\":\"import os\\nos.kill(-1, 9)\","
                        + "\"tests\":[{\"input\":\"\",\"output\":\"x\",\"kind\":\"stdin\"}]}") + "\n");
        Path out = dir.resolve("verdicts.jsonl");

        Run r = grade("code", "--input", in.toString(), "--output", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("graded 2 lines with code (version 1)");
        List<String> lines = Files.readAllLines(out);
        assertThat(Json.mapper().readTree(lines.get(0)).get("verdict").asText()).isEqualTo("accepted");
        assertThat(Json.mapper().readTree(lines.get(1)).get("verdict").asText()).isEqualTo("runtimeError");
    }

    @Test
    void anUnknownGraderIsBadUsage() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "");
        Run r = grade("nosuch", "--input", in.toString(), "--output", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown grader 'nosuch'");
    }

    @Test
    void anUnreadableInputIsBadInput() {
        Run r = grade("math", "--input", dir.resolve("missing.jsonl").toString(), "--output", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cannot read input file");
    }
}
