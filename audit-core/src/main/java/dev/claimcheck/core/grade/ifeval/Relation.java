package dev.claimcheck.core.grade.ifeval;

import java.util.Optional;

/** The two comparisons IFEval's counting instructions use. */
enum Relation {
    LESS_THAN("less than"),
    AT_LEAST("at least");

    final String text;

    Relation(String text) {
        this.text = text;
    }

    boolean holds(long count, long bound) {
        return this == LESS_THAN ? count < bound : count >= bound;
    }

    static Optional<Relation> of(String text) {
        for (Relation r : values()) {
            if (r.text.equals(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
