package dev.claimcheck.core.grade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code grade@. <grader> --input pairs.jsonl --output verdicts.jsonl}: reads {@code {"id","gold","pred"}}
 * lines (the code grader reads programs and tests instead: {@link CodeGradeLines})
 * lines and writes one {@code {"id","equal","extracted","goldNormalized","detail"}} line per input
 * line, in order, streaming (a bounded batch of lines in memory at a time, graded in parallel). A malformed line
 * gets a verdict line with {@code equal: false} and the reason, never a crash; this is the same grading path the
 * audit uses.
 */
public final class GradeFiles {
    /** Longest input line read; a longer line is answered with a "line too long" verdict. */
    public static final int MAX_LINE_CHARS = 8 * 1024 * 1024;
    static final ObjectMapper JSON = new ObjectMapper();
    /** Lines graded together (in parallel) before their verdicts are written, bounded in count and size. */
    private static final int BATCH_LINES = 4096;
    private static final long BATCH_CHARS = 16L * 1024 * 1024;

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
            List<String> batch = new ArrayList<>();
            List<Integer> lineNos = new ArrayList<>();
            long batchChars = 0;
            int lineNo = 0;
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (grader instanceof CodeGrader code) {
                    // Programs run in a sandbox one at a time, as the audit runs them.
                    out.write(JSON.writeValueAsString(CodeGradeLines.gradeLine(code, line, lineNo)));
                    out.write('\n');
                    written++;
                    continue;
                }
                batch.add(line);
                lineNos.add(lineNo);
                batchChars += line.length();
                if (batch.size() == BATCH_LINES || batchChars >= BATCH_CHARS) {
                    written += writeBatch(grader, batch, lineNos, out);
                    batchChars = 0;
                }
            }
            written += writeBatch(grader, batch, lineNos, out);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadInputException("input is not UTF-8: " + input, e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + input + " or write " + output + ": " + e.getMessage(), e);
        }
        return written;
    }

    /**
     * Grades a batch on the common pool and writes its verdict lines in input order. Grading is deterministic
     * (budgets, never clocks) and graders are shared by the audit's worker threads already, so the output is the
     * same bytes as one thread's.
     */
    private static int writeBatch(Grader grader, List<String> batch, List<Integer> lineNos, BufferedWriter out)
            throws IOException {
        String[] rows = new String[batch.size()];
        IntStream.range(0, rows.length).parallel()
                .forEach(i -> rows[i] = PairLines.verdictLine(grader, batch.get(i), lineNos.get(i)));
        for (String row : rows) {
            out.write(row);
            out.write('\n');
        }
        batch.clear();
        lineNos.clear();
        return rows.length;
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
        Grader.Graded g = grader.gradeWithReference(predText, goldText);
        row.set("id", id);
        row.put("equal", g.verdict().correct());
        row.put("extracted", g.verdict().extracted());
        row.put("goldNormalized", g.goldNormalized());
        row.put("detail", g.verdict().detail());
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
