package dev.claimcheck.core.grade;

import dev.claimcheck.core.BadInputException;
import java.util.List;

/** The one registry of graders (STYLE.md §3): {@code grade@. <id>} finds its grader here. */
public final class Graders {
    private static final List<Grader> ALL = List.of(new MathGrader(), new BoxedIntegerGrader());

    private Graders() {
    }

    public static List<Grader> all() {
        return ALL;
    }

    /** The grader with this id; throws {@link BadInputException} for an unknown id. */
    public static Grader byId(String id) {
        for (Grader g : ALL) {
            if (g.id().equals(id)) {
                return g;
            }
        }
        throw new BadInputException("unknown grader '" + id + "'; known: "
                + String.join(", ", ALL.stream().map(Grader::id).toList()));
    }
}
