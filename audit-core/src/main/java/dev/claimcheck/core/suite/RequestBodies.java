package dev.claimcheck.core.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one rule for what a run sends (docs/recipes.md): the suite's implied defaults ({@link Suite#requestDefaults}),
 * then the explicit body (a recipe's lane body, or the command line's options) over them, and the lane's max_tokens
 * only where neither sets one. The result is the template run.json records.
 */
public final class RequestBodies {
    private RequestBodies() {
    }

    /**
     * @param defaults what the suite's options imply
     * @param explicit what the recipe or the command line states (wins over {@code defaults})
     * @param laneMaxTokens max_tokens when neither sets it
     */
    public static ObjectNode merge(ObjectNode defaults, ObjectNode explicit, int laneMaxTokens) {
        ObjectNode t = explicit.objectNode();
        if (explicit.has("model")) {
            t.set("model", explicit.get("model"));
        }
        if (!explicit.has("max_tokens") && !defaults.has("max_tokens")) {
            t.put("max_tokens", laneMaxTokens);
        }
        t.setAll(defaults.deepCopy());
        t.setAll(explicit.deepCopy());
        return t;
    }
}
