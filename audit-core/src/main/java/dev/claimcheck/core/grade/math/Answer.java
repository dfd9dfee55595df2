package dev.claimcheck.core.grade.math;

import java.util.List;

/**
 * The structure of one answer: a value, a relation, a bracketed sequence (tuple, interval, set),
 * a bare list, a union, a matrix, or text. Closed set, compared by {@link Equivalence}.
 */
public sealed interface Answer {
    /** The normalized source, for detail lines and for the exact-string shortcut. */
    String source();

    /** A scalar expression; {@code percent} when written with a percent sign or word. */
    record Value(String source, Expr expr, boolean percent) implements Answer {
    }

    /** Text that is not an expression ({@code Evelyn}, {@code odd}, a choice letter). */
    record Text(String source) implements Answer {
    }

    /** {@code left op right}; {@code op} is one of = ≠ < ≤ (greater-than forms are turned around). */
    record Relation(String source, String op, String leftSource, Answer left, String rightSource, Answer right)
            implements Answer {
    }

    /**
     * Items between brackets: {@code (} {@code )} tuple or open interval, {@code [} {@code ]},
     * {@code {} {@code }} set; ' ' ' ' for a bare comma list. Open and close may differ (intervals).
     */
    record Bracketed(String source, char open, char close, List<Answer> items) implements Answer {
        public Bracketed {
            items = List.copyOf(items);
        }

        boolean isSet() {
            return open == '{';
        }

        boolean isBare() {
            return open == ' ';
        }
    }

    /** A union of intervals or sets. */
    record Union(String source, List<Answer> parts) implements Answer {
        public Union {
            parts = List.copyOf(parts);
        }
    }

    /** A matrix or vector written with a matrix environment. */
    record Matrix(String source, List<List<Answer>> rows) implements Answer {
        public Matrix {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
