package dev.claimcheck.core.grade;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.math.MathRules;
import java.util.List;

/**
 * The one registry of graders (docs/architecture.md §5.2): {@code grade@. <id>} finds its grader here. {@link #all()}
 * holds the newest version of each grader; earlier versions that committed runs may record stay loadable through
 * {@link #byIdAndVersion}, so {@code verify} re-grades a run with its own version and reports drift against the newest.
 */
public final class Graders {
    private static final List<Grader> ALL = List.of(new MathGrader(), new BoxedIntegerGrader(), new CodeGrader(),
            new AnswerSetGrader(), new DocsGrader(), new ArcGrader(), new IfevalGrader(),
            new LastIntegerGrader(), new BfclGrader(), new ProofJudgeGrader(), new MrcrGrader(),
            new Gaia2AnswerGrader(),
            new Tau2Grader());
    /** Versions superseded in {@link #ALL}, kept for re-grading; never used for new verdicts. */
    private static final List<Grader> EARLIER = List.of(new MathGrader(MathRules.V2), new MathGrader(MathRules.V1));

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
        Grader newest = byId(id);
        if (newest.version().equals(version)) {
            return newest;
        }
        for (Grader g : EARLIER) {
            if (g.id().equals(id) && g.version().equals(version)) {
                return g;
            }
        }
        throw new BadInputException("grader " + id + " version " + version + " is not available (this harness has "
                + String.join(", ", versions(id)) + ")");
    }

    /** Every version of grader {@code id} this harness carries, newest first. */
    public static List<String> versions(String id) {
        Grader newest = byId(id);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(newest), EARLIER.stream().filter(g -> g.id().equals(id)))
                .map(Grader::version).toList();
    }
}
