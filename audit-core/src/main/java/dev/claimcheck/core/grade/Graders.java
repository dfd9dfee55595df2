package dev.claimcheck.core.grade;

import dev.claimcheck.core.BadInputException;
import java.util.List;

/** The one registry of graders (docs/architecture.md §5.2): {@code grade@. <id>} finds its grader here. */
public final class Graders {
    private static final List<Grader> ALL = List.of(new MathGrader(), new BoxedIntegerGrader(), new CodeGrader(),
            new AnswerSetGrader(), new DocsGrader(), new LastIntegerGrader());

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

    /**
     * The grader with this id at exactly this version, for re-grading a committed run with the version it
     * records; throws {@link BadInputException} when this harness does not carry that version.
     */
    public static Grader byIdAndVersion(String id, String version) {
        Grader g = byId(id);
        if (!g.version().equals(version)) {
            throw new BadInputException("grader " + id + " version " + version + " is not available (this harness has "
                    + g.version() + ")");
        }
        return g;
    }
}
