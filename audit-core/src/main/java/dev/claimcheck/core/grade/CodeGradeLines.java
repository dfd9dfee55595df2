package dev.claimcheck.core.grade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.grade.code.CodeJudgement;
import dev.claimcheck.core.grade.code.CodeSpec;
import dev.claimcheck.core.grade.code.CodeSpecJson;
import dev.claimcheck.core.grade.code.CodeVerdict;
import dev.claimcheck.core.grade.code.TestResult;

/**
 * The code shape of {@code grade@. code}: input lines {@code {"id","language","program","tests":[{"input","output",
 * "kind","fn"?}],"timeLimitMs"?,"memoryLimitMb"?}}, output lines {@code {"id","passed","verdict","tests":[{"passed",
 * "verdict","timeMs"}],"detail"}}. A malformed line is answered with {@code sandboxError} and the reason.
 */
final class CodeGradeLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CodeGradeLines() {
    }

    static ObjectNode gradeLine(CodeGrader grader, String line, int lineNo) {
        if (line.length() > GradeFiles.MAX_LINE_CHARS) {
            return failed(null, "line " + lineNo + ": longer than " + GradeFiles.MAX_LINE_CHARS + " characters");
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return failed(null, "line " + lineNo + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            return failed(null, "line " + lineNo + ": not a JSON object");
        }
        JsonNode id = node.get("id");
        JsonNode program = node.get("program");
        if (program == null || !program.isTextual()) {
            return failed(id, "line " + lineNo + ": missing program (a string)");
        }
        if (node.get("language") == null) {
            return failed(id, "line " + lineNo + ": missing language (python or java)");
        }
        CodeSpec spec;
        try {
            spec = CodeSpecJson.read(node);
        } catch (IllegalArgumentException e) {
            return failed(id, "line " + lineNo + ": " + e.getMessage());
        }
        CodeJudgement j = grader.judge(program.asText(), spec);
        ObjectNode row = JSON.createObjectNode();
        row.set("id", id);
        row.put("passed", j.passed());
        row.put("verdict", j.verdict().id());
        ArrayNode tests = row.putArray("tests");
        for (TestResult t : j.tests()) {
            tests.addObject().put("passed", t.passed()).put("verdict", t.verdict().id()).put("timeMs", t.timeMs());
        }
        row.put("detail", j.message() + (j.interpreter() == null ? "" : "; interpreter " + j.interpreter()));
        return row;
    }

    private static ObjectNode failed(JsonNode id, String why) {
        ObjectNode row = JSON.createObjectNode();
        row.set("id", id);
        row.put("passed", false);
        row.put("verdict", CodeVerdict.SANDBOX_ERROR.id());
        row.putArray("tests");
        row.put("detail", "malformed input: " + why);
        return row;
    }
}
