package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.testing.Prerequisite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grade@. code}: one verdict line per input line, in order, malformed lines included. */
class CodeGradeLinesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineGetsAVerdictLine(@TempDir Path dir) throws Exception {
        Prerequisite.SANDBOX.require(Sandbox.system().unavailableReason());
        Path in = dir.resolve("programs.jsonl");
        Files.write(in, List.of(
                "{\"id\":\"ok\",\"language\":\"python\",\"program\":\"print(int(input())*2)\","
                        + "\"tests\":[{\"input\":\"2\\n\",\"output\":\"4\\n\",\"kind\":\"stdin\"}]}",
                "{\"id\":\"wa\",\"language\":\"python\",\"program\":\"print(5)\","
                        + "\"tests\":[{\"input\":\"2\\n\",\"output\":\"4\\n\",\"kind\":\"stdin\"},{\"input\":\"3\",\"output\":\"6\"}]}",
                "{\"id\":\"call\",\"language\":\"python\",\"program\":\"def f(a, b):\\n    return a * b\\n\","
                        + "\"tests\":[{\"input\":\"3\\n4\",\"output\":\"12\",\"kind\":\"call\",\"fn\":\"f\"}],\"timeLimitMs\":2000}",
                "{\"id\":\"noOutput\",\"language\":\"python\",\"program\":\"print(1)\",\"tests\":[{\"input\":\"\"}]}",
                "{\"id\":\"noProgram\",\"language\":\"python\",\"tests\":[]}",
                "{\"id\":\"noLanguage\",\"program\":\"print(1)\",\"tests\":[]}",
                "{\"id\":\"noFn\",\"language\":\"python\",\"program\":\"x\",\"tests\":[{\"input\":\"1\",\"output\":\"1\",\"kind\":\"call\"}]}",
                "not json"));
        Path out = dir.resolve("verdicts.jsonl");

        assertThat(GradeFiles.gradeFile("code", in, out)).isEqualTo(8);

        List<JsonNode> rows = Files.readAllLines(out).stream().map(CodeGradeLinesTest::parse).toList();
        assertThat(rows).extracting(r -> r.get("verdict").asText()).containsExactly("accepted", "wrongAnswer", "accepted",
                "sandboxError", "sandboxError", "sandboxError", "sandboxError", "sandboxError");
        assertThat(rows.get(0).get("tests").get(0).get("verdict").asText()).isEqualTo("accepted");
        assertThat(rows.get(0).get("detail").asText()).contains("interpreter /usr/bin/python3");
        assertThat(rows.get(1).get("tests")).hasSize(1);
        assertThat(rows.get(3).get("detail").asText()).isEqualTo("malformed input: line 4: tests[0] is missing output");
        assertThat(rows.get(4).get("detail").asText()).isEqualTo("malformed input: line 5: missing program (a string)");
        assertThat(rows.get(5).get("detail").asText()).contains("missing language");
        assertThat(rows.get(6).get("detail").asText()).contains("tests[0]: a call test needs a function name");
        assertThat(rows.get(7).get("detail").asText()).startsWith("malformed input: line 8: not JSON");
    }

    static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
