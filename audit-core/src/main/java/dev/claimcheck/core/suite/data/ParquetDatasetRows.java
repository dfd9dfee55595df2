package dev.claimcheck.core.suite.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.RunManifest.DatasetFields;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parquet problem set as the loader's raw rows: each row's values as JSON (text stays text, integers stay exact,
 * lists and structs nest), numbered from 1 in place of a line, and the id, problem and answer columns checked for
 * a usable type before any row is read.
 */
final class ParquetDatasetRows {
    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private ParquetDatasetRows() {
    }

    static List<RawRow> raw(ParquetRows parquet, DatasetLimits limits) {
        if (parquet.rowCount() > limits.maxRows()) {
            throw new BadInputException(parquet.fileName() + ": " + parquet.rowCount() + " rows, more than " + limits.maxRows());
        }
        List<RawRow> rows = new ArrayList<>();
        parquet.forEach(row -> {
            ObjectNode fields = JSON.objectNode();
            row.values().forEach((k, v) -> fields.set(k, json(v)));
            rows.add(new RawRow(Math.toIntExact(row.number()), fields));
        });
        return rows;
    }

    /** The mapped columns must hold what a row needs: ids text or integers, problems text, answers text or numbers. */
    static void checkTypes(ParquetRows parquet, DatasetFields fields) {
        if (!Gsm8kFormat.ROW_INDEX.equals(fields.id())) {
            parquet.require(fields.id(), ColumnKind.TEXT, ColumnKind.INTEGER);
        }
        parquet.require(fields.problem(), ColumnKind.TEXT);
        parquet.require(fields.answer(), ColumnKind.TEXT, ColumnKind.INTEGER, ColumnKind.REAL);
    }

    private static JsonNode json(Object v) {
        if (v == null) {
            return JSON.nullNode();
        }
        if (v instanceof String s) {
            return JSON.textNode(s);
        }
        if (v instanceof Long l) {
            return JSON.numberNode(l);
        }
        if (v instanceof BigInteger b) {
            return JSON.numberNode(b);
        }
        if (v instanceof BigDecimal d) {
            return JSON.numberNode(d);
        }
        if (v instanceof Double d) {
            // The shortest decimal that reads back as this double: 0.5, not 0.5000000000000000277…
            return Double.isFinite(d) ? JSON.numberNode(new BigDecimal(Double.toString(d))) : JSON.textNode(d.toString());
        }
        if (v instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (v instanceof List<?> list) {
            ArrayNode a = JSON.arrayNode();
            list.forEach(o -> a.add(json(o)));
            return a;
        }
        if (v instanceof Map<?, ?> map) {
            ObjectNode o = JSON.objectNode();
            map.forEach((k, x) -> o.set(String.valueOf(k), json(x)));
            return o;
        }
        return JSON.textNode(v.toString());
    }
}
