package dev.claimcheck.site.proof;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RootWalk;
import dev.claimcheck.core.suite.proofs.InputHash;
import dev.claimcheck.core.suite.proofs.JudgeGrade;
import dev.claimcheck.core.suite.proofs.ProblemSet;
import dev.claimcheck.core.suite.proofs.ProofDetail;
import dev.claimcheck.core.suite.proofs.ProofMetrics;
import dev.claimcheck.core.suite.proofs.ProofProblem;
import dev.claimcheck.core.suite.proofs.ProofReview;
import dev.claimcheck.core.suite.proofs.ProofRunMetrics;
import dev.claimcheck.core.verify.ReviewCheck;
import dev.claimcheck.site.answers.SampleKey;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.page.Links;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds a proof run's problem pages from its journal, its reviews and (when the root holds it) its problem set. */
public final class ProofPageView {
    private ProofPageView() {
    }

    /** The page of the problem whose path segment is {@code segment} ({@link SampleKey#segment}), when the run has it. */
    public static Optional<ProofPage> build(RunEntry run, List<Sample> samples, List<ReviewCheck.Report> reviews, Root root,
                                            String segment, Links links) {
        List<Sample> mine = samples.stream().filter(s -> SampleKey.segment(s.taskId()).equals(segment))
                .sorted(Comparator.comparingInt(Sample::attempt)).toList();
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        String problem = mine.get(0).taskId();
        ProofMetrics figures = ProofRunMetrics.of(samples, ProofReviews.trusted(reviews));
        ProofMetrics.ProblemRow row = figures.byProblem().stream().filter(r -> r.problem().equals(problem)).findFirst().orElse(null);
        ProofDetail first = detail(mine.get(0));
        double max = first == null ? (row == null ? 0 : row.maxPoints()) : first.maxPoints();

        List<ProofPage.Solution> solutions = new ArrayList<>();
        for (Sample s : mine) {
            solutions.add(solution(run, s, detail(s), reviews, max, links));
        }
        List<ProofPage.Review> notCounted = reviews.stream().filter(r -> !r.trusted())
                .map(r -> new ProofPage.Review(ReviewCheck.REVIEWS + "/" + run.runId() + "/" + r.file().getFileName(),
                        standing(r.status(), links), String.join("; ", r.reasons().stream().map(links::text).toList()))).toList();

        String[] statement = statement(run.manifest(), root, problem, first, links);
        RunManifest m = run.manifest();
        return Optional.of(new ProofPage(links.nav(), run.runId(), links.run(run.runId()), m.model().id(),
                links.model(run.modelSlug()), run.simulated(), problem, points(max), statement[0], statement[1],
                summary(row, figures, links), solutions, notCounted, problemLinks(run, samples, problem, links),
                links.asset(Links.KATEX_CSS), links.asset(Links.KATEX_JS)));
    }

    /** Problem ids of a run in reading order, each with its page. */
    public static List<ProofPage.Link> problemLinks(RunEntry run, List<Sample> samples, String current, Links links) {
        return samples.stream().map(Sample::taskId).distinct().sorted(ProofRunMetrics::compareIds)
                .map(id -> new ProofPage.Link(id, links.proof(run.runId(), SampleKey.segment(id)), id.equals(current))).toList();
    }

    private static ProofPage.Solution solution(RunEntry run, Sample s, ProofDetail d, List<ReviewCheck.Report> reviews,
                                               double max, Links links) {
        String text = s.response() == null || s.response().content() == null ? "" : s.response().content();
        List<ProofPage.Grade> grades = new ArrayList<>();
        if (d != null) {
            for (JudgeGrade g : d.judges()) {
                String why = g.status() == JudgeGrade.Status.GRADED ? nz(g.justification()) : nz(g.failure());
                grades.add(new ProofPage.Grade(g.judge(), "judge", links.text("proof.standing." + g.status().id()),
                        g.points() == null ? "—" : points(g.points()) + " / " + points(max), MathMarkdown.render(why),
                        g.status() == JudgeGrade.Status.GRADED));
            }
        }
        for (ReviewCheck.Report r : reviews) {
            if (r.review() == null) {
                continue;
            }
            for (ProofReview.Grade g : r.review().grades()) {
                if (g.problem().equals(s.taskId()) && g.attempt() == s.attempt()) {
                    grades.add(new ProofPage.Grade(ProofRunMetrics.HUMAN + r.review().reviewer(), "human",
                            standing(r.status(), links), points(g.points()) + " / " + points(max),
                            MathMarkdown.render(nz(g.comment())), r.trusted()));
                }
            }
        }
        if (d != null && d.claimedPoints() != null) {
            grades.add(new ProofPage.Grade(links.text("proof.grader.vendor"), "vendor", links.text("proof.standing.claim"),
                    points(d.claimedPoints()) + " / " + points(max), MathMarkdown.render(nz(d.claimSource())), false));
        }
        String source = d == null ? "" : d.source() + (d.inputs().stream().filter(i -> i.role().equals("solution"))
                .map(i -> " · " + i.name()).reduce("", String::concat));
        return new ProofPage.Solution(s.attempt(), source, "sha256:" + PromptHash.sha256Hex(text), MathMarkdown.render(text),
                links.sample(run.runId(), SampleKey.path(s)), grades);
    }

    private static List<ProofPage.Row> summary(ProofMetrics.ProblemRow row, ProofMetrics figures, Links links) {
        List<ProofPage.Row> out = new ArrayList<>();
        if (row == null) {
            return out;
        }
        for (Map.Entry<String, Double> e : row.points().entrySet()) {
            out.add(new ProofPage.Row(e.getKey(), points(e.getValue())));
        }
        out.add(new ProofPage.Row(links.text("proof.summary.mean"), (row.mean() == null ? "—" : points(row.mean())) + " · "
                + (row.spread() == null ? "—" : points(row.spread()))));
        if (row.claimedPoints() != null) {
            out.add(new ProofPage.Row(links.text("proof.summary.selfGrade"), points(row.claimedPoints())));
        }
        out.add(new ProofPage.Row(links.text("proof.summary.graders"), Integer.toString(figures.graders())));
        return out;
    }

    /**
     * The statement from the problem set the run names, read only when it lies in the root (never through a link) and
     * hashes as the run recorded; {html, note}.
     */
    static String[] statement(RunManifest m, Root root, String problem, ProofDetail d, Links links) {
        String recorded = d == null ? null : d.inputs().stream().filter(i -> i.role().equals("statement"))
                .map(InputHash::sha256).findFirst().orElse(null);
        String hash = recorded == null ? "" : " (" + recorded + ")";
        String source = m.suite().dataset() == null ? null : m.suite().dataset().source();
        if (source == null || Path.of(source).isAbsolute()) {
            return new String[] {"", links.text("proof.note.notInRoot", hash)};
        }
        Path dir = root.dir().resolve(source).normalize();
        if (!dir.startsWith(root.dir().normalize()) || RootWalk.throughLink(root, dir) || !Files.isDirectory(dir)) {
            return new String[] {"", links.text("proof.note.notInRoot", hash)};
        }
        try {
            ProofProblem p = ProblemSet.read(dir).problem(problem);
            if (recorded != null && !recorded.equals(p.statementHash().sha256())) {
                return new String[] {"", links.text("proof.note.hashDiffers", hash)};
            }
            return new String[] {MathMarkdown.render(p.statement()), p.statementHash().name() + " · " + p.statementHash().sha256()};
        } catch (BadInputException e) {
            return new String[] {"", links.text("proof.note.unreadable", e.getMessage())};
        }
    }

    /** A review's standing (trusted, untrusted, invalid) in the page's language. */
    static String standing(ReviewCheck.Status status, Links links) {
        return links.text("proof.standing." + status.name().toLowerCase(java.util.Locale.ROOT));
    }

    static ProofDetail detail(Sample s) {
        return s.verdict() == null ? null : ProofDetail.read(s.verdict().detail()).orElse(null);
    }

    /** Points as written on a marking scheme: whole numbers bare, others to two decimals. */
    public static String points(double p) {
        return p == Math.rint(p) && Math.abs(p) < 1e9 ? Long.toString((long) p) : String.format(java.util.Locale.ROOT, "%.2f", p);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
