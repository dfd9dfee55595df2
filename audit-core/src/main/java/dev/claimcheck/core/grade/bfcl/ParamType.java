package dev.claimcheck.core.grade.bfcl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A parameter type as BFCL's Python function documents name it ({@code string}, {@code integer}, {@code float},
 * {@code boolean}, {@code array}, {@code tuple}, {@code dict}, {@code any}) and what a JSON value of that type is.
 * BFCL's documented leniency: an integer is accepted where a float is expected (Python widens it); a tuple arrives
 * as a JSON array. A type this list does not know checks nothing, like {@code any}.
 */
enum ParamType {
    STRING, INTEGER, FLOAT, BOOLEAN, ARRAY, DICT, ANY;

    static ParamType of(String name) {
        if (name == null) {
            return ANY;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "string", "str" -> STRING;
            case "integer", "int" -> INTEGER;
            case "float", "number", "double" -> FLOAT;
            case "boolean", "bool" -> BOOLEAN;
            case "array", "tuple", "list" -> ARRAY;
            case "dict", "object" -> DICT;
            default -> ANY;
        };
    }

    boolean accepts(JsonNode v) {
        return switch (this) {
            case STRING -> v.isTextual();
            case INTEGER -> v.isIntegralNumber();
            case FLOAT -> v.isNumber();
            case BOOLEAN -> v.isBoolean();
            case ARRAY -> v.isArray();
            case DICT -> v.isObject();
            case ANY -> true;
        };
    }

    /** The JSON Schema type an OpenAI {@code tools} entry declares for it (null: no constraint). */
    String jsonSchema() {
        return switch (this) {
            case STRING -> "string";
            case INTEGER -> "integer";
            case FLOAT -> "number";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case DICT -> "object";
            case ANY -> null;
        };
    }
}
