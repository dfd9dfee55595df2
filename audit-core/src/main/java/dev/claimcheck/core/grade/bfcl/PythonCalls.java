package dev.claimcheck.core.grade.bfcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a prompt-mode reply, BFCL's {@code [func(a=1, b="x"), other.func(c=[1, 2])]} (the brackets optional, a code
 * fence around it tolerated), into calls with JSON arguments. Values are Python literals: strings, numbers,
 * {@code True}/{@code False}/{@code None}, lists, tuples (read as lists) and dicts. Only keyword arguments are
 * accepted, since the checker matches by parameter name. Bounded: replies longer than {@link #MAX_CHARS} or nested
 * deeper than {@link #MAX_DEPTH} are not decoded.
 */
public final class PythonCalls {
    static final int MAX_CHARS = 64 * 1024;
    static final int MAX_DEPTH = 32;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final String s;
    private int i;

    private PythonCalls(String s) {
        this.s = s;
    }

    /** The calls the text holds, or empty when it is not a list of calls (then the reply made no call). */
    public static Optional<List<Call>> decode(String text) {
        if (text == null || text.length() > MAX_CHARS) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.startsWith("```")) {
            int nl = t.indexOf('\n');
            t = nl < 0 ? "" : t.substring(nl + 1);
            t = t.endsWith("```") ? t.substring(0, t.length() - 3) : t;
            t = t.strip();
        }
        PythonCalls p = new PythonCalls(t);
        try {
            List<Call> calls = p.calls();
            return calls.isEmpty() ? Optional.empty() : Optional.of(calls);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private List<Call> calls() {
        skip();
        boolean bracketed = peek('[');
        if (bracketed) {
            i++;
        }
        List<Call> out = new ArrayList<>();
        skip();
        while (i < s.length() && !(bracketed && peek(']'))) {
            out.add(call());
            skip();
            if (peek(',')) {
                i++;
                skip();
            } else {
                break;
            }
        }
        if (bracketed) {
            expect(']');
        }
        skip();
        if (i != s.length()) {
            throw new IllegalArgumentException("text after the calls at " + i);
        }
        return out;
    }

    private Call call() {
        String name = dottedName();
        skip();
        expect('(');
        Map<String, JsonNode> args = new LinkedHashMap<>();
        skip();
        while (!peek(')')) {
            String key = identifier();
            skip();
            expect('=');
            if (args.put(key, value(0)) != null) {
                throw new IllegalArgumentException("argument " + key + " given twice");
            }
            skip();
            if (peek(',')) {
                i++;
                skip();
            } else {
                break;
            }
        }
        expect(')');
        return new Call(name, args);
    }

    private JsonNode value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nested too deep");
        }
        skip();
        if (i >= s.length()) {
            throw new IllegalArgumentException("value expected");
        }
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
            return F.textNode(string(c));
        }
        if (c == '[' || c == '(') {
            char close = c == '[' ? ']' : ')';
            i++;
            ArrayNode a = F.arrayNode();
            skip();
            while (!peek(close)) {
                a.add(value(depth + 1));
                skip();
                if (peek(',')) {
                    i++;
                    skip();
                } else {
                    break;
                }
            }
            expect(close);
            return a;
        }
        if (c == '{') {
            i++;
            ObjectNode o = F.objectNode();
            skip();
            while (!peek('}')) {
                JsonNode key = value(depth + 1);
                skip();
                expect(':');
                o.set(key.isTextual() ? key.textValue() : key.toString(), value(depth + 1));
                skip();
                if (peek(',')) {
                    i++;
                    skip();
                } else {
                    break;
                }
            }
            expect('}');
            return o;
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            return number();
        }
        String word = identifier();
        return switch (word) {
            case "True" -> F.booleanNode(true);
            case "False" -> F.booleanNode(false);
            case "None" -> F.nullNode();
            default -> throw new IllegalArgumentException("not a literal: " + word);
        };
    }

    private JsonNode number() {
        int start = i;
        if (peek('-') || peek('+')) {
            i++;
        }
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || "._eE".indexOf(s.charAt(i)) >= 0
                || ((s.charAt(i) == '-' || s.charAt(i) == '+') && "eE".indexOf(s.charAt(i - 1)) >= 0))) {
            i++;
        }
        String text = s.substring(start, i).replace("_", "");
        try {
            if (text.matches("[-+]?\\d+")) {
                return F.numberNode(new BigInteger(text));
            }
            return F.numberNode(new BigDecimal(text).doubleValue());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + text);
        }
    }

    private String string(char quote) {
        i++;
        StringBuilder b = new StringBuilder();
        while (i < s.length() && s.charAt(i) != quote) {
            char c = s.charAt(i++);
            if (c == '\\' && i < s.length()) {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw new IllegalArgumentException("bad \\u escape");
                        }
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        expect(quote);
        return b.toString();
    }

    private String dottedName() {
        StringBuilder b = new StringBuilder(identifier());
        while (peek('.')) {
            i++;
            b.append('.').append(identifier());
        }
        return b.toString();
    }

    private String identifier() {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        if (start == i || Character.isDigit(s.charAt(start))) {
            throw new IllegalArgumentException("identifier expected at " + start);
        }
        return s.substring(start, i);
    }

    private boolean peek(char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw new IllegalArgumentException("'" + c + "' expected at " + i);
        }
        i++;
    }

    private void skip() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }
}
