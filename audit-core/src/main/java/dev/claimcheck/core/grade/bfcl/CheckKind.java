package dev.claimcheck.core.grade.bfcl;

/** What a BFCL category asks of a reply, read from its name (BFCL's own naming convention). */
public enum CheckKind {
    /** Exactly one call, matching the one possible answer (simple, multiple, live_simple, live_multiple). */
    SINGLE,
    /** As many calls as possible answers, matched one to one in any order (parallel, parallel_multiple, live_*). */
    PARALLEL,
    /** No function call at all: none of the functions fits (irrelevance, live_irrelevance). */
    IRRELEVANCE,
    /** At least one well-formed call (live_relevance); its arguments are not compared. */
    RELEVANCE;

    public static CheckKind of(String category) {
        if (category.contains("irrelevance")) {
            return IRRELEVANCE;
        }
        if (category.contains("relevance")) {
            return RELEVANCE;
        }
        return category.contains("parallel") ? PARALLEL : SINGLE;
    }

    /** Whether the category has a possible-answer file. */
    public boolean needsAnswers() {
        return this == SINGLE || this == PARALLEL;
    }
}
