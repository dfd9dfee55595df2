package dev.claimcheck.core.suite.tau2.port;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/** Lookups and numbers over a domain's {@code db.json}, shared by the ported domains. */
public final class DbRecords {
    private DbRecords() {
    }

    /** The table (a JSON object keyed by id) named {@code table}; a database without it is not this domain's. */
    public static ObjectNode table(ObjectNode db, String table) {
        JsonNode t = db.get(table);
        if (t == null || !t.isObject()) {
            throw new ToolError("the database has no table " + table);
        }
        return (ObjectNode) t;
    }

    /**
     * The key of {@code table} that {@code key} names: exactly, or with surrounding spaces removed, or ignoring letter
     * case and accents (upstream resolves ids this way since its voice benchmark, so {@code Sara_Doe_496} finds
     * {@code sara_doe_496}). Empty when none does.
     */
    public static Optional<String> resolve(ObjectNode table, String key) {
        if (table.has(key)) {
            return Optional.of(key);
        }
        String stripped = key.strip();
        if (table.has(stripped)) {
            return Optional.of(stripped);
        }
        String folded = fold(stripped);
        for (Iterator<String> it = table.fieldNames(); it.hasNext(); ) {
            String candidate = it.next();
            if (fold(candidate).equals(folded)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The record {@code key} names in {@code table}, or the error upstream raises: {@code <What> <key> not found}. */
    public static ObjectNode record(ObjectNode db, String table, String key, String what) {
        ObjectNode t = table(db, table);
        String k = resolve(t, key).orElseThrow(() -> new ToolError(what + " " + key + " not found"));
        JsonNode r = t.get(k);
        if (!r.isObject()) {
            throw new ToolError(what + " " + key + " is not a record in the database");
        }
        return (ObjectNode) r;
    }

    static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return d.toLowerCase(Locale.ROOT).strip();
    }

    /**
     * An amount as a JSON number: integral values as integers, so that {@code 50} and {@code 50.0} (an amount that went
     * through Python's float, or an agent that wrote it so) hash alike in the DB check; an int where it fits, as the
     * parsed db.json holds one.
     */
    public static JsonNode amount(double v) {
        if (v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE) {
            return IntNode.valueOf((int) v);
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? LongNode.valueOf((long) v) : DoubleNode.valueOf(v);
    }

    /** The number at {@code field} of a record; a record without it is refused as upstream's model would. */
    public static double number(JsonNode record, String field, String what) {
        JsonNode v = record.get(field);
        if (v == null || !v.isNumber()) {
            throw new ToolError(what + " has no numeric " + field);
        }
        return v.doubleValue();
    }

    /** Python's {@code round(v, 2)}: the double's exact value rounded, ties to even. */
    public static double round2(double v) {
        return new java.math.BigDecimal(v).setScale(2, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Whether {@code key} and {@code candidate} are equal ignoring letter case, accents and surrounding spaces. */
    public static boolean sameFolded(String key, String candidate) {
        return fold(key).equals(fold(candidate));
    }
}
