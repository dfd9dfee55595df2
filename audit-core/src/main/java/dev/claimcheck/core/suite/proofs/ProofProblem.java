package dev.claimcheck.core.suite.proofs;

import java.util.List;
import java.util.Objects;

/**
 * One proof problem as the user's problem set states it: its statement and its marking scheme in MathArena's
 * {@code grading_scheme.json} layout (docs/workloads/proofs.md).
 *
 * @param id the problem's id ({@code grading_scheme.json}'s {@code id}, the statement file's name without {@code .tex})
 * @param statement the problem statement (LaTeX, as written in {@code problems/<id>.tex})
 * @param maxPoints the problem's maximum points
 * @param scheme the marking scheme's steps
 * @param statementHash the statement file's name and hash
 */
public record ProofProblem(String id, String statement, double maxPoints, List<Step> scheme, InputHash statementHash) {
    public ProofProblem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        scheme = List.copyOf(scheme);
        if (!(maxPoints > 0)) {
            throw new IllegalArgumentException("problem " + id + ": maximum points must be positive");
        }
    }

    /** One step of a marking scheme: points for reaching it, a unique title and a description. */
    public record Step(double points, String title, String desc) {
        public Step {
            Objects.requireNonNull(title, "title");
            desc = desc == null ? "" : desc;
        }
    }
}
