package dev.claimcheck.core.grade.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Output comparison as LiveCodeBench does it. Stdin tests: both outputs stripped and split into lines; the line
 * counts must agree and each pair of stripped lines must be equal or, token by token, equal as decimals. Call tests:
 * both sides parsed as JSON and compared structurally, numbers as decimals (Python's {@code 1 == 1.0}).
 */
public final class OutputComparator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutputComparator() {
    }

    /** Whether a stdin program's output matches the expected output. */
    public static boolean stdoutMatches(String actual, String expected) {
        String[] a = actual.strip().split("\n", -1);
        String[] e = expected.strip().split("\n", -1);
        if (a.length != e.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            String x = a[i].strip();
            String y = e[i].strip();
            if (!x.equals(y) && !decimalsEqual(x, y)) {
                return false;
            }
        }
        return true;
    }

    private static boolean decimalsEqual(String x, String y) {
        String[] xs = x.split("\\s+");
        String[] ys = y.split("\\s+");
        if (xs.length != ys.length) {
            return false;
        }
        for (int i = 0; i < xs.length; i++) {
            BigDecimal a = decimal(xs[i]);
            BigDecimal b = decimal(ys[i]);
            if (a == null || b == null || a.compareTo(b) != 0) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal decimal(String s) {
        if (s.length() > 400) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether a call test's returned value (JSON text) matches the expected output (JSON text). */
    public static boolean returnMatches(String actualJson, String expectedJson) {
        JsonNode a;
        JsonNode e;
        try {
            a = JSON.readTree(actualJson.strip());
            e = JSON.readTree(expectedJson.strip());
        } catch (Exception ex) {
            return actualJson.strip().equals(expectedJson.strip());
        }
        return a != null && e != null && same(a, e);
    }

    private static boolean same(JsonNode a, JsonNode e) {
        if (a.isNumber() && e.isNumber()) {
            return a.decimalValue().compareTo(e.decimalValue()) == 0;
        }
        if (a.isBoolean() || e.isBoolean()) {
            return a.isBoolean() && e.isBoolean() && a.booleanValue() == e.booleanValue();
        }
        if (a.isArray() && e.isArray()) {
            if (a.size() != e.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), e.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && e.isObject()) {
            if (a.size() != e.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                var f = it.next();
                if (!a.has(f.getKey()) || !same(a.get(f.getKey()), f.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(e);
    }
}
