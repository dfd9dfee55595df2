package dev.claimcheck.site.proof;

import dev.claimcheck.site.page.Nav;
import java.util.List;

/**
 * The page of one problem of a proof run ({@code runs/ID/proofs/PROBLEM}): the statement, each solution rendered, and
 * beside it every grader's points and reasons — the judges, the human reviews (trusted ones counted, others shown as
 * such) and the vendor's self-grade. Fields ending in {@code Html} are {@link MathMarkdown}'s output, inserted
 * unescaped; every other value is text the template escapes.
 *
 * @param statementHtml the statement rendered, or "" when the problem set is not in the root (see {@code statementNote})
 * @param summary per grader its points on this problem, then the graders' mean and spread, from {@code ProofRunMetrics}
 * @param reviews the run's human reviews that are not counted, with why
 * @param problems every problem of the run, for moving between them
 */
public record ProofPage(Nav nav, String runId, String runHref, String modelId, String modelHref, boolean simulated,
                        String problem, String maxPoints, String statementHtml, String statementNote,
                        List<Row> summary, List<Solution> solutions, List<Review> reviews, List<Link> problems,
                        String katexCss, String katexJs) {
    /** A labelled value of the summary. */
    public record Row(String label, String value) {
    }

    /**
     * One attempt's solution and its grades.
     *
     * @param sha256 {@code sha256:<hex>} of the solution as recorded: what a review's {@code solutionSha256} names
     */
    public record Solution(int attempt, String source, String sha256, String html, String sampleHref, List<Grade> grades) {
    }

    /**
     * One grader's verdict on a solution.
     *
     * @param kind judge, human or vendor
     * @param status how the grade stands: graded, parseFailure, error, trusted, untrusted, invalid, claim
     * @param counted whether the figures count it (judges that graded, trusted reviews; never the vendor's claim)
     */
    public record Grade(String grader, String kind, String status, String points, String justificationHtml, boolean counted) {
    }

    /** A review that is not counted: its file, standing and reasons. */
    public record Review(String file, String status, String reason) {
    }

    public record Link(String label, String href, boolean current) {
    }
}
