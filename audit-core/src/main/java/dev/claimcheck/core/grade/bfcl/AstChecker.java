package dev.claimcheck.core.grade.bfcl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BFCL's AST matching, written from its documented rules (docs/grading/bfcl.md): the function name; every required
 * parameter present and no parameter the function or the possible answer does not list; each value of its declared
 * type (an integer accepted for a float); each value among the possible answer's allowed values, where {@code ""}
 * marks an optional parameter that may be left out, strings compare case-insensitively ignoring spaces and
 * {@code , . / - _ * ^}, lists compare in order (the answers list every accepted order) and dicts key by key;
 * parallel calls match the answers one to one in any order; irrelevance asks for no call.
 */
public final class AstChecker {
    /** Parallel replies with more calls than this are not matched (the one-to-one search is factorial). */
    static final int MAX_PARALLEL = 12;

    private AstChecker() {
    }

    /** The outcome: whether the reply matches, and the first rule it broke. */
    public record Result(boolean ok, String reason) {
        static final Result OK = new Result(true, "match");

        static Result fail(String reason) {
            return new Result(false, reason);
        }
    }

    /**
     * @param functions the question's functions
     * @param answers the possible answer's {@code ground_truth}: one {@code {name: {param: [allowed...]}}} per call
     * @param calls the reply's calls, empty when it made none
     * @param nativeNames whether the model saw the tool names (dots as underscores, FC mode)
     */
    public static Result check(CheckKind kind, List<FunctionDoc> functions, JsonNode answers, List<Call> calls,
                               boolean nativeNames) {
        return switch (kind) {
            case IRRELEVANCE -> calls.isEmpty() ? Result.OK : Result.fail("called " + calls.get(0).name() + " though no function fits");
            case RELEVANCE -> calls.isEmpty() ? Result.fail("no function call") : Result.OK;
            case SINGLE -> {
                if (calls.size() != 1 || answers.size() != 1) {
                    yield Result.fail("expected 1 call, got " + calls.size());
                }
                yield one(functions, answers.get(0), calls.get(0), nativeNames);
            }
            case PARALLEL -> {
                if (calls.size() != answers.size()) {
                    yield Result.fail("expected " + answers.size() + " calls, got " + calls.size());
                }
                if (calls.size() > MAX_PARALLEL) {
                    yield Result.fail("more than " + MAX_PARALLEL + " parallel calls");
                }
                yield parallel(functions, answers, calls, nativeNames);
            }
        };
    }

    /** A one-to-one assignment of calls to answers, in any order; the reason of the first call that fits none. */
    private static Result parallel(List<FunctionDoc> functions, JsonNode answers, List<Call> calls, boolean nativeNames) {
        int n = calls.size();
        boolean[][] fits = new boolean[n][n];
        for (int c = 0; c < n; c++) {
            Result first = null;
            for (int a = 0; a < n; a++) {
                Result r = one(functions, answers.get(a), calls.get(c), nativeNames);
                fits[c][a] = r.ok();
                first = first == null && !r.ok() ? r : first;
            }
            boolean any = false;
            for (boolean f : fits[c]) {
                any |= f;
            }
            if (!any) {
                return Result.fail("call " + (c + 1) + " matches no answer: " + first.reason());
            }
        }
        return assign(fits, 0, new boolean[n]) ? Result.OK : Result.fail("calls cannot be matched one to one with the answers");
    }

    private static boolean assign(boolean[][] fits, int call, boolean[] used) {
        if (call == fits.length) {
            return true;
        }
        for (int a = 0; a < fits.length; a++) {
            if (fits[call][a] && !used[a]) {
                used[a] = true;
                if (assign(fits, call + 1, used)) {
                    return true;
                }
                used[a] = false;
            }
        }
        return false;
    }

    /** One call against one possible answer {@code {name: {param: [allowed...]}}}. */
    static Result one(List<FunctionDoc> functions, JsonNode answer, Call call, boolean nativeNames) {
        if (answer == null || !answer.isObject() || answer.size() != 1) {
            return Result.fail("possible answer is not {name: params}");
        }
        String expectedName = answer.fieldNames().next();
        String wanted = nativeNames ? FunctionDoc.toolName(expectedName) : expectedName;
        if (!call.name().equals(wanted) && !call.name().equals(expectedName)) {
            return Result.fail("called " + call.name() + ", expected " + expectedName);
        }
        FunctionDoc doc = functions.stream().filter(f -> f.name().equals(expectedName)).findFirst().orElse(null);
        if (doc == null) {
            return Result.fail("function " + expectedName + " is not among the question's functions");
        }
        JsonNode allowed = answer.get(expectedName);
        for (String r : doc.required()) {
            if (!call.arguments().containsKey(r)) {
                return Result.fail("missing required parameter " + r);
            }
        }
        for (Map.Entry<String, JsonNode> arg : call.arguments().entrySet()) {
            String p = arg.getKey();
            JsonNode schema = doc.params().get(p);
            if (schema == null) {
                return Result.fail("unexpected parameter " + p);
            }
            if (!allowed.has(p)) {
                return Result.fail("parameter " + p + " is not in the possible answer");
            }
            if (!typed(schema, arg.getValue())) {
                return Result.fail("parameter " + p + ": " + arg.getValue() + " is not of type " + schema.path("type").asText("any"));
            }
            if (!among(arg.getValue(), allowed.get(p))) {
                return Result.fail("parameter " + p + ": " + clip(arg.getValue()) + " is not an allowed value");
            }
        }
        Iterator<String> names = allowed.fieldNames();
        while (names.hasNext()) {
            String p = names.next();
            if (!call.arguments().containsKey(p) && !optional(allowed.get(p))) {
                return Result.fail("missing parameter " + p + " that the possible answer requires");
            }
        }
        return Result.OK;
    }

    /** The declared type, and for an array with {@code items} the type of every element. */
    static boolean typed(JsonNode schema, JsonNode value) {
        ParamType t = ParamType.of(schema.path("type").asText(null));
        if (!t.accepts(value)) {
            return false;
        }
        if (t == ParamType.ARRAY && schema.has("items")) {
            for (JsonNode e : value) {
                if (!typed(schema.get("items"), e)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the allowed list marks the parameter optional ({@code ""} among its values). */
    static boolean optional(JsonNode allowedList) {
        for (JsonNode a : allowedList) {
            if (a.isTextual() && a.textValue().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code value} equals one of the allowed values (the optional marker {@code ""} matches only {@code ""}). */
    static boolean among(JsonNode value, JsonNode allowedList) {
        if (allowedList == null || !allowedList.isArray()) {
            return false;
        }
        for (JsonNode a : allowedList) {
            if (equal(value, a)) {
                return true;
            }
        }
        return false;
    }

    /** Value equality under BFCL's rules; a dict answer holds allowed lists per key. */
    static boolean equal(JsonNode value, JsonNode answer) {
        if (answer.isTextual()) {
            return value.isTextual() && standard(value.textValue()).equals(standard(answer.textValue()));
        }
        if (answer.isNumber()) {
            return value.isNumber() && value.decimalValue().compareTo(answer.decimalValue()) == 0;
        }
        if (answer.isBoolean() || answer.isNull()) {
            return value.equals(answer);
        }
        if (answer.isArray()) {
            if (!value.isArray() || value.size() != answer.size()) {
                return false;
            }
            for (int k = 0; k < answer.size(); k++) {
                if (!equal(value.get(k), answer.get(k))) {
                    return false;
                }
            }
            return true;
        }
        if (answer.isObject()) {
            if (!value.isObject()) {
                return false;
            }
            Iterator<String> given = value.fieldNames();
            while (given.hasNext()) {
                String k = given.next();
                JsonNode allowed = answer.get(k);
                if (allowed == null || !among(value.get(k), allowed.isArray() ? allowed : wrap(allowed))) {
                    return false;
                }
            }
            Iterator<String> keys = answer.fieldNames();
            while (keys.hasNext()) {
                String k = keys.next();
                JsonNode allowed = answer.get(k);
                if (!value.has(k) && !(allowed.isArray() && optional(allowed))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** BFCL's string standardisation: lower case, without spaces and {@code , . / - _ * ^}. */
    static String standard(String s) {
        return s.replaceAll("[ ,./\\-_*^]", "").toLowerCase(Locale.ROOT);
    }

    private static JsonNode wrap(JsonNode single) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(single);
    }

    private static String clip(JsonNode v) {
        String s = v.toString();
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
