package dev.claimcheck.core.suite.proofs;

import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.KrippendorffAlpha;
import dev.claimcheck.core.stats.Sentence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The proof figures from the recorded {@link ProofDetail}s alone, so {@code verify} recomputes them exactly. A judge's
 * points on a problem are its mean over the attempts it graded (parse failures and errors are counted, never averaged
 * in as 0); the independent graders are the judges that graded every problem.
 */
public final class ProofRunMetrics {
    /** The bootstrap's seed: fixed, so the interval is a function of the grades alone. */
    static final long BOOTSTRAP_SEED = 0x70726f6f6673L; // "proofs"
    /** How a human reviewer is named among the graders. */
    public static final String HUMAN = "human:";
    static final String CONSISTENT = "consistent";
    static final String REFUTED = "refuted";
    static final String NOT_REPRODUCED = "notReproduced";

    private ProofRunMetrics() {
    }

    static ProofMetrics of(Collection<Sample> samples) {
        return of(samples, List.of());
    }

    /**
     * The figures with trusted human reviews counted as graders beside the judges ({@code human:<reviewer>}). Reviews
     * arrive after the run is signed, so this is computed when read, never written into run.json; the caller passes
     * only reviews {@code verify.ReviewCheck} trusts.
     */
    public static ProofMetrics of(Collection<Sample> samples, List<ProofReview> trustedReviews) {
        Map<String, ProofDetail> first = new LinkedHashMap<>(); // problem → a detail (max points, claim)
        Map<String, Map<String, List<Double>>> points = new LinkedHashMap<>(); // problem → judge → points per attempt
        Map<String, int[]> counts = new LinkedHashMap<>(); // judge → graded, parse failures, errors
        Set<InputHash> inputs = new LinkedHashSet<>();
        // Journal order follows concurrency: rows go by problem id (numbers numerically), then attempt.
        List<Sample> ordered = samples.stream().filter(Sample::graded)
                .sorted(java.util.Comparator.comparing(Sample::taskId, ProofRunMetrics::compareIds)
                        .thenComparingInt(Sample::attempt)).toList();
        for (Sample s : ordered) {
            ProofDetail d = ProofDetail.read(s.verdict().detail()).orElse(null);
            if (d == null) {
                continue;
            }
            first.putIfAbsent(d.problem(), d);
            inputs.addAll(d.inputs());
            Map<String, List<Double>> byJudge = points.computeIfAbsent(d.problem(), p -> new LinkedHashMap<>());
            for (JudgeGrade g : d.judges()) {
                int[] c = counts.computeIfAbsent(g.judge(), j -> new int[3]);
                byJudge.computeIfAbsent(g.judge(), j -> new ArrayList<>());
                switch (g.status()) {
                    case GRADED -> {
                        c[0]++;
                        byJudge.get(g.judge()).add(g.points());
                    }
                    case PARSE_FAILURE -> c[1]++;
                    case ERROR -> c[2]++;
                }
            }
        }
        for (ProofReview review : trustedReviews) {
            String grader = HUMAN + review.reviewer();
            for (ProofReview.Grade g : review.grades()) {
                if (!points.containsKey(g.problem())) {
                    continue; // a problem this run did not grade
                }
                counts.computeIfAbsent(grader, j -> new int[3])[0]++;
                points.get(g.problem()).computeIfAbsent(grader, j -> new ArrayList<>()).add(g.points());
            }
        }
        List<String> judges = new ArrayList<>(counts.keySet());
        List<ProofMetrics.ProblemRow> rows = new ArrayList<>();
        Map<String, Map<String, Double>> means = new LinkedHashMap<>();
        for (var e : points.entrySet()) {
            Map<String, Double> byJudge = new LinkedHashMap<>();
            e.getValue().forEach((judge, list) -> mean(list).ifPresent(m -> byJudge.put(judge, m)));
            means.put(e.getKey(), byJudge);
            ProofDetail d = first.get(e.getKey());
            Double mean = byJudge.isEmpty() ? null : mean(List.copyOf(byJudge.values())).getAsDouble();
            Double spread = byJudge.isEmpty() ? null
                    : byJudge.values().stream().mapToDouble(x -> x).max().getAsDouble()
                            - byJudge.values().stream().mapToDouble(x -> x).min().getAsDouble();
            rows.add(new ProofMetrics.ProblemRow(e.getKey(), d.maxPoints(), byJudge, mean, spread, d.claimedPoints(),
                    d.claimSource()));
        }
        // A problem with no graded attempt (every request failed) leaves every grader incomplete: no total, no verdict.
        int setProblems = first.values().stream().mapToInt(ProofDetail::setProblems).max().orElse(0);
        boolean everyProblem = rows.size() >= setProblems;
        List<String> graders = !everyProblem ? List.of()
                : judges.stream().filter(j -> means.values().stream().allMatch(m -> m.containsKey(j))).toList();
        List<ProofMetrics.JudgeRow> judgeRows = new ArrayList<>();
        for (String j : judges) {
            int[] c = counts.get(j);
            Double total = graders.contains(j) ? means.values().stream().mapToDouble(m -> m.get(j)).sum() : null;
            judgeRows.add(new ProofMetrics.JudgeRow(j, total, c[0], c[1], c[2], j.startsWith("sim")));
        }
        double maxTotal = first.values().stream().mapToDouble(ProofDetail::maxPoints).sum();
        Double total = null;
        Double low = null;
        Double high = null;
        if (!graders.isEmpty()) {
            total = 0.0;
            low = 0.0;
            high = 0.0;
            for (Map<String, Double> m : means.values()) {
                double[] v = graders.stream().mapToDouble(m::get).toArray();
                total += java.util.Arrays.stream(v).average().getAsDouble();
                low += java.util.Arrays.stream(v).min().getAsDouble();
                high += java.util.Arrays.stream(v).max().getAsDouble();
            }
        }
        return new ProofMetrics(setProblems, maxTotal, judgeRows, rows, graders.size(), total, low, high,
                agreement(means, judges), claim(rows, graders.size(), low, high), List.copyOf(inputs));
    }

    private static ProofMetrics.Agreement agreement(Map<String, Map<String, Double>> means, List<String> judges) {
        if (judges.size() < 2) {
            return null;
        }
        List<List<Double>> units = new ArrayList<>();
        for (Map<String, Double> m : means.values()) {
            units.add(judges.stream().map(m::get).toList());
        }
        OptionalDouble alpha = KrippendorffAlpha.interval(units);
        if (alpha.isEmpty()) {
            return null;
        }
        double[] ci = KrippendorffAlpha.bootstrap(units, BOOTSTRAP_SEED);
        return new ProofMetrics.Agreement("krippendorffAlphaInterval", alpha.getAsDouble(), ci == null ? null : ci[0],
                ci == null ? null : ci[1], units.size(), KrippendorffAlpha.RESAMPLES, BOOTSTRAP_SEED);
    }

    /** The verdict on the vendor's total, when it states points for every problem. */
    private static ProofMetrics.ClaimCheck claim(List<ProofMetrics.ProblemRow> rows, int graders, Double low, Double high) {
        if (rows.isEmpty() || rows.stream().anyMatch(r -> r.claimedPoints() == null)) {
            return null;
        }
        double claimed = rows.stream().mapToDouble(ProofMetrics.ProblemRow::claimedPoints).sum();
        String verdict = graders < 2 ? NOT_REPRODUCED : inside(claimed, low, high) ? CONSISTENT : REFUTED;
        return new ProofMetrics.ClaimCheck(claimed, verdict, rule(claimed, graders, low, high).english(), graders);
    }

    /**
     * The rule that gave {@code m}'s verdict on the vendor's total as a sentence (its English is {@link
     * ProofMetrics.ClaimCheck#rule}), so that the site can word it; null when there is no claim.
     */
    public static Sentence rule(ProofMetrics m) {
        return m.claim() == null ? null : rule(m.claim().claimedTotal(), m.graders(), m.totalLow(), m.totalHigh());
    }

    private static Sentence rule(double claimed, int graders, Double low, Double high) {
        if (graders < 2) {
            return Sentence.of(Sentence.Kind.PROOF_FEW_GRADERS, graders);
        }
        return Sentence.of(inside(claimed, low, high) ? Sentence.Kind.PROOF_WITHIN : Sentence.Kind.PROOF_OUTSIDE,
                JudgeReplyFormat.points(claimed), JudgeReplyFormat.points(low), JudgeReplyFormat.points(high), graders);
    }

    private static boolean inside(double claimed, Double low, Double high) {
        return claimed >= low - 1e-9 && claimed <= high + 1e-9;
    }

    /** Problem ids in reading order: 2 before 10, and plain strings alphabetically. */
    public static int compareIds(String a, String b) {
        boolean na = a.matches("\\d{1,9}");
        boolean nb = b.matches("\\d{1,9}");
        if (na && nb) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return na != nb ? (na ? -1 : 1) : a.compareTo(b);
    }

    private static OptionalDouble mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average();
    }
}
