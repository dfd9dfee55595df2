package dev.claimcheck.core.suite.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** JSON Lines and JSON arrays of objects, parsed with depth, string and number limits and strict keys. */
final class JsonRows {
    private JsonRows() {
    }

    static ObjectReader reader(DatasetLimits limits) {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Answers like 0.50 keep their digits; no binary floating point in between.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth())
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()))
                .maxNumberLength(1000)
                .build());
        return mapper.readerFor(JsonNode.class);
    }

    static List<RawRow> lines(String file, String text, DatasetLimits limits) {
        // One object per line: anything after it on the line is an error.
        ObjectReader reader = reader(limits).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        List<RawRow> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : Lines.split(file, text, limits)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = reader.readTree(line);
            } catch (JsonProcessingException e) {
                throw new BadInputException(file + ":" + lineNo + ": not valid JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new BadInputException(file + ":" + lineNo + ": cannot read: " + e.getMessage());
            }
            if (node == null || !node.isObject()) {
                throw new BadInputException(file + ":" + lineNo + ": expected a JSON object");
            }
            rows.add(new RawRow(lineNo, (ObjectNode) node));
            Lines.checkRows(file, lineNo, rows.size(), limits);
        }
        return rows;
    }

    static List<RawRow> array(String file, String text, DatasetLimits limits) {
        ObjectReader reader = reader(limits);
        List<RawRow> rows = new ArrayList<>();
        try (JsonParser p = reader.createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new BadInputException(file + ":" + line(p.currentTokenLocation())
                        + ": expected a JSON array of objects (use .jsonl for one object per line)");
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                int line = line(p.currentTokenLocation());
                if (t != JsonToken.START_OBJECT) {
                    throw new BadInputException(file + ":" + line + ": expected a JSON object in the array, found " + t);
                }
                rows.add(new RawRow(line, p.readValueAsTree()));
                Lines.checkRows(file, line, rows.size(), limits);
            }
            if (p.nextToken() != null) {
                throw new BadInputException(file + ":" + line(p.currentTokenLocation()) + ": text after the JSON array");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadInputException(file + ":" + (at == null ? "?" : line(at)) + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
        return rows;
    }

    private static int line(JsonLocation location) {
        return location.getLineNr();
    }
}
