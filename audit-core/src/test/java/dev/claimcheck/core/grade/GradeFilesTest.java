package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writesOneVerdictPerLineInOrderIncludingMalformedLines() throws Exception {
        Path in = dir.resolve("pairs.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\":\"a\",\"gold\":\"\\\\frac{1}{2}\",\"pred\":\"The answer is \\\\boxed{0.5}\"}",
                "not json",
                "",
                "{\"id\":3,\"gold\":\"2\",\"pred\":\"-2\"}",
                "{\"id\":\"d\",\"gold\":\"2\"}",
                "[1,2]",
                "{\"id\":\"f\",\"gold\":12,\"pred\":\"12\"}") + "\n");
        Path out = dir.resolve("verdicts.jsonl");
        int n = GradeFiles.gradeFile("math", in, out);
        List<String> lines = Files.readAllLines(out);
        assertThat(n).isEqualTo(6).isEqualTo(lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("a");
        assertThat(first.get("equal").asBoolean()).isTrue();
        assertThat(first.get("extracted").asText()).isEqualTo("0.5");
        assertThat(first.get("goldNormalized").asText()).isEqualTo("\\frac{1}{2}");
        assertThat(first.get("detail").asText()).contains("boxed");
        assertThat(JSON.readTree(lines.get(1)).get("detail").asText()).startsWith("malformed input: line 2");
        JsonNode third = JSON.readTree(lines.get(2));
        assertThat(third.get("id").asInt()).isEqualTo(3);
        assertThat(third.get("equal").asBoolean()).isFalse();
        assertThat(JSON.readTree(lines.get(3)).get("detail").asText()).contains("missing pred");
        assertThat(JSON.readTree(lines.get(4)).get("detail").asText()).contains("not a JSON object");
        assertThat(JSON.readTree(lines.get(5)).get("equal").asBoolean()).isTrue();
    }

    @Test
    void linesGradedInParallelBatchesAreWrittenInInputOrder() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            String pair = "{\"id\":" + i + ",\"gold\":\"" + i + "\",\"pred\":\"\\\\boxed{" + i + "}\"}";
            text.append(i % 997 == 0 ? "not json" : pair).append('\n');
        }
        Path in = Files.writeString(dir.resolve("many.jsonl"), text);
        Path out = dir.resolve("many-out.jsonl");
        assertThat(GradeFiles.gradeFile("math", in, out)).isEqualTo(10_000);
        List<String> lines = Files.readAllLines(out);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode row = JSON.readTree(lines.get(i));
            if (i % 997 == 0) {
                assertThat(row.get("detail").asText()).startsWith("malformed input: line " + (i + 1) + ":");
            } else {
                assertThat(row.get("id").asInt()).isEqualTo(i);
                assertThat(row.get("equal").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void unreadableInputIsBadInput() {
        assertThatThrownBy(() -> GradeFiles.gradeFile("math", dir.resolve("missing.jsonl"), dir.resolve("o.jsonl")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("cannot read");
    }

    @Test
    void unknownGraderIsBadInput() throws Exception {
        Path in = Files.writeString(dir.resolve("p.jsonl"), "{}\n");
        assertThatThrownBy(() -> GradeFiles.gradeFile("nope", in, dir.resolve("o.jsonl")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unknown grader");
    }

    @Test
    void arithGraderIsRegisteredToo() throws Exception {
        Path in = Files.writeString(dir.resolve("p.jsonl"), "{\"id\":1,\"gold\":\"42\",\"pred\":\"\\\\boxed{42}\"}\n");
        Path out = dir.resolve("o.jsonl");
        assertThat(GradeFiles.gradeFile("arith", in, out)).isEqualTo(1);
        assertThat(JSON.readTree(Files.readString(out)).get("equal").asBoolean()).isTrue();
    }
}
