package dev.claimcheck.core.suite.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A tool call's parsed arguments with typed getters; a missing or mistyped argument is a {@link BadArgument}. */
record Args(ObjectNode node) {

    /** A required argument is missing or has the wrong JSON type; returned to the model as a tool error. */
    static final class BadArgument extends RuntimeException {
        BadArgument(String message) {
            super(message);
        }
    }

    String string(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new BadArgument("missing argument '" + name + "' (string)");
        }
        if (!v.isTextual()) {
            throw new BadArgument("argument '" + name + "' must be a string, got " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return v.asText();
    }

    int integer(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new BadArgument("missing argument '" + name + "' (integer)");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new BadArgument("argument '" + name + "' must be an integer, got " + v.toString());
        }
        return v.asInt();
    }
}
