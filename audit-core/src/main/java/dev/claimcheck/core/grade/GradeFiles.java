package dev.claimcheck.core.grade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.Verdict;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code grade@. <grader> --input pairs.jsonl --output verdicts.jsonl}: reads {@code {"id","gold","pred"}}
 * lines (the code grader reads programs and tests instead: {@link CodeGradeLines})
 * lines and writes one {@code {"id","equal","extracted","goldNormalized","detail"}} line per input
 * line, in order, streaming (one line in memory at a time). A malformed line gets a verdict line
 * with {@code equal: false} and the reason, never a crash; this is the same grading path the audit uses.
 */
public final class GradeFiles {
    /** Longest input line read; a longer line is answered with a "line too long" verdict. */
    public static final int MAX_LINE_CHARS = 8 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private GradeFiles() {
    }

    /**
     * Grades every line of {@code input} with the grader {@code graderId} into {@code output}.
     *
     * @return the number of verdict lines written (equal to the number of non-blank input lines)
     * @throws BadInputException when the grader id is unknown or the input cannot be read
     */
    public static int gradeFile(String graderId, Path input, Path output) {
        Grader grader = Graders.byId(graderId);
        if (!Files.isReadable(input) || Files.isDirectory(input)) {
            throw new BadInputException("cannot read input file " + input);
        }
        int written = 0;
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                out.write(JSON.writeValueAsString(grader instanceof CodeGrader code
                        ? CodeGradeLines.gradeLine(code, line, lineNo) : gradeLine(grader, line, lineNo)));
                out.write('\n');
                written++;
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadInputException("input is not UTF-8: " + input, e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + input + " or write " + output + ": " + e.getMessage(), e);
        }
        return written;
    }

    /** One verdict line for one input line; never throws. */
    static ObjectNode gradeLine(Grader grader, String line, int lineNo) {
        ObjectNode row = JSON.createObjectNode();
        if (line.length() > MAX_LINE_CHARS) {
            return failed(row, null, "line " + lineNo + ": longer than " + MAX_LINE_CHARS + " characters");
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return failed(row, null, "line " + lineNo + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            return failed(row, null, "line " + lineNo + ": not a JSON object");
        }
        JsonNode id = node.get("id");
        JsonNode gold = node.get("gold");
        JsonNode pred = node.get("pred");
        if (gold == null || gold.isNull() || pred == null || pred.isNull()) {
            return failed(row, id, "line " + lineNo + ": missing " + (gold == null || gold.isNull() ? "gold" : "pred"));
        }
        String goldText = gold.isTextual() ? gold.asText() : gold.toString();
        String predText = pred.isTextual() ? pred.asText() : pred.toString();
        Verdict v = grader.grade(predText, goldText);
        row.set("id", id);
        row.put("equal", v.correct());
        row.put("extracted", v.extracted());
        row.put("goldNormalized", grader.normalizeExpected(goldText));
        row.put("detail", v.detail());
        return row;
    }

    private static ObjectNode failed(ObjectNode row, JsonNode id, String why) {
        row.set("id", id);
        row.put("equal", false);
        row.putNull("extracted");
        row.putNull("goldNormalized");
        row.put("detail", "malformed input: " + why);
        return row;
    }
}
