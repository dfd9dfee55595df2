package dev.claimcheck.core.suite.gaia2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.suite.data.ParquetRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Gaia2 parquet file as published ({@code search/validation-*.parquet} of
 * {@code meta-agents-research-environments/gaia2}): the columns of {@link Gaia2Columns}, each row's {@code data} a
 * scenario in ARE's JSON export, from which the user's task and the oracle's answer are read. Rows are streamed; only
 * those two texts are kept (a scenario's universe of apps runs to megabytes). Every error names {@code file: row N}.
 */
final class Gaia2Dataset {
    static final int MAX_DATA_CHARS = 64 << 20;
    static final int MAX_TEXT_CHARS = 256 * 1024;
    private static final Pattern SCENARIO_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}");
    private static final ObjectMapper JSON = limited();

    private final ParquetRows rows;

    private Gaia2Dataset(ParquetRows rows) {
        this.rows = rows;
    }

    static Gaia2Dataset open(Path file) {
        ParquetRows rows = ParquetRows.open(file);
        for (Gaia2Columns.Column c : Gaia2Columns.ALL) {
            rows.require(c.name(), c.kind());
        }
        if (rows.rowCount() == 0) {
            throw new BadInputException(rows.fileName() + ": no rows");
        }
        return new Gaia2Dataset(rows);
    }

    String fileName() {
        return rows.fileName();
    }

    String sha256() {
        return rows.sha256();
    }

    /** Every scenario in file order; a scenario id seen twice is an error. */
    List<Gaia2Scenario> scenarios() {
        List<Gaia2Scenario> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        rows.forEach(r -> {
            Gaia2Scenario s = parse(r);
            if (!seen.add(s.scenarioId())) {
                throw new BadInputException(rows.fileName() + ": row " + r.number() + ": scenario_id '" + s.scenarioId()
                        + "' appears twice");
            }
            out.add(s);
        });
        return out;
    }

    private Gaia2Scenario parse(ParquetRows.Row r) {
        String where = rows.fileName() + ": row " + r.number();
        String id = text(r, Gaia2Columns.ID.name(), where);
        String scenarioId = text(r, Gaia2Columns.SCENARIO_ID.name(), where);
        if (!SCENARIO_ID.matcher(scenarioId).matches()) {
            throw new BadInputException(where + ": scenario_id must be 1-200 letters, digits or _ . : - (starting with a"
                    + " letter or digit), got '" + shorten(scenarioId) + "'");
        }
        String split = text(r, Gaia2Columns.SPLIT.name(), where);
        String data = text(r, Gaia2Columns.DATA.name(), where);
        if (data.length() > MAX_DATA_CHARS) {
            throw new BadInputException(where + ": data longer than " + MAX_DATA_CHARS + " characters");
        }
        JsonNode scenario;
        try {
            scenario = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            throw new BadInputException(where + ": data is not valid JSON (" + e.getOriginalMessage() + ", line "
                    + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr() + ")");
        }
        JsonNode events = scenario == null ? null : scenario.get(Gaia2Columns.EVENTS);
        if (events == null || !events.isArray()) {
            throw new BadInputException(where + ": data has no \"events\" array (expected ARE's scenario JSON export)");
        }
        List<String> questions = new ArrayList<>();
        String answer = null;
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            String function = e.path(Gaia2Columns.ACTION).path(Gaia2Columns.FUNCTION).asText("");
            if (function.equals(Gaia2Columns.TASK_FUNCTION) && Gaia2Columns.USER_EVENT_TYPE.equals(e.path(Gaia2Columns.EVENT_TYPE).asText())) {
                questions.add(content(e, where + ": events[" + i + "]"));
            } else if (function.equals(Gaia2Columns.ANSWER_FUNCTION)
                    && Gaia2Columns.ORACLE_CLASS.equals(e.path(Gaia2Columns.CLASS_NAME).asText())) {
                answer = content(e, where + ": events[" + i + "]"); // the last answer to the user is the final one
            }
        }
        if (questions.isEmpty()) {
            throw new BadInputException(where + ": no USER event calling " + Gaia2Columns.TASK_FUNCTION + " (the task)");
        }
        if (questions.size() > 1) {
            throw new BadInputException(where + ": " + questions.size() + " user turns; this suite runs single-turn search"
                    + " scenarios only");
        }
        if (answer == null) {
            throw new BadInputException(where + ": no OracleEvent calling " + Gaia2Columns.ANSWER_FUNCTION
                    + " (the reference answer)");
        }
        return new Gaia2Scenario(r.number(), id, scenarioId, split, questions.get(0), answer);
    }

    /** The {@code content} argument of an event's action, non-blank and bounded. */
    private static String content(JsonNode event, String where) {
        JsonNode args = event.path(Gaia2Columns.ACTION).path(Gaia2Columns.ARGS);
        if (!args.isArray()) {
            throw new BadInputException(where + ": action.args must be an array of {name, value}");
        }
        for (JsonNode a : args) {
            if (Gaia2Columns.CONTENT.equals(a.path(Gaia2Columns.ARG_NAME).asText())) {
                JsonNode v = a.get(Gaia2Columns.ARG_VALUE);
                if (v == null || !v.isTextual() || v.asText().isBlank()) {
                    throw new BadInputException(where + ": argument content must be non-empty text");
                }
                if (v.asText().length() > MAX_TEXT_CHARS) {
                    throw new BadInputException(where + ": argument content longer than " + MAX_TEXT_CHARS + " characters");
                }
                return v.asText();
            }
        }
        throw new BadInputException(where + ": action has no argument named content");
    }

    private String text(ParquetRows.Row r, String column, String where) {
        Object v = r.get(rows.column(column).name());
        if (!(v instanceof String s) || s.isEmpty()) {
            throw new BadInputException(where + ": " + column + " is " + (v == null ? "null" : "empty"));
        }
        return s;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static ObjectMapper limited() {
        JsonMapper mapper = JsonMapper.builder().build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(MAX_DATA_CHARS).maxNumberLength(64).build());
        return mapper;
    }
}
