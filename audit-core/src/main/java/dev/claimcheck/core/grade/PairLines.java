package dev.claimcheck.core.grade;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * One {@code grade@.} verdict line from one {@code {"id","gold","pred"}} line, read and written with Jackson's
 * streaming parser and generator instead of a tree per line (the tree was a large share of the per-pair cost). Any
 * line that is not a well-formed object takes {@link GradeFiles#gradeLine}'s tree path, so malformed input gets the
 * same message as before, and a well-formed one the same bytes.
 */
final class PairLines {
    private static final JsonFactory FACTORY = GradeFiles.JSON.getFactory();

    private PairLines() {
    }

    /** The verdict line (without its newline); never throws on bad input. */
    static String verdictLine(Grader grader, String line, int lineNo) {
        Pair pair = line.length() > GradeFiles.MAX_LINE_CHARS ? null : read(line);
        if (pair == null) {
            return write(GradeFiles.gradeLine(grader, line, lineNo));
        }
        Grader.Graded g = grader.gradeWithReference(pair.pred(), pair.gold());
        StringWriter text = new StringWriter(256);
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            out.writeStartObject();
            out.writeFieldName("id");
            GradeFiles.JSON.writeTree(out, pair.id());
            out.writeBooleanField("equal", g.verdict().correct());
            out.writeStringField("extracted", g.verdict().extracted());
            out.writeStringField("goldNormalized", g.goldNormalized());
            out.writeStringField("detail", g.verdict().detail());
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static String write(JsonNode row) {
        try {
            return GradeFiles.JSON.writeValueAsString(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields a well-formed line holds, read as the tree path reads them (the last of a repeated key wins). */
    private record Pair(JsonNode id, String gold, String pred) {
    }

    /** The pair, or null for anything the tree path should answer: not JSON, not an object, gold or pred missing. */
    private static Pair read(String line) {
        try (JsonParser in = FACTORY.createParser(line)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonNode id = NullNode.getInstance();
            String gold = null;
            String pred = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                JsonToken value = in.nextToken();
                switch (name) {
                    case "id" -> id = value == JsonToken.VALUE_NULL ? NullNode.getInstance() : GradeFiles.JSON.readTree(in);
                    case "gold" -> gold = text(in, value);
                    case "pred" -> pred = text(in, value);
                    default -> in.skipChildren();
                }
            }
            if (in.currentToken() != JsonToken.END_OBJECT || gold == null || pred == null) {
                return null;
            }
            return new Pair(id, gold, pred);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A string as its text, null as null (missing), anything else as its JSON. */
    private static String text(JsonParser in, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return in.getText();
        }
        return value == JsonToken.VALUE_NULL ? null : GradeFiles.JSON.readTree(in).toString();
    }
}
