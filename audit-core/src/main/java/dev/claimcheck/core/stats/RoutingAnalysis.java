package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The instant → thinking cascade on two runs over the same tasks (docs/routing.md): for each strategy, what
 * accuracy, output tokens and latency a router would get. Decisions are taken per instant attempt; an escalated
 * attempt is credited with the thinking run's mean on that task, so no pairing of attempts is invented.
 */
public final class RoutingAnalysis {
    private RoutingAnalysis() {
    }

    /**
     * The analysis, and the two runs it compared.
     *
     * @param simulated either run is simulated: the numbers test the harness, they say nothing about a model
     */
    public record Report(String suite, String dataset, String datasetSha256, int tasks, String instantRun,
                         String thinkingRun, boolean simulated, List<RoutingRow> rows) {
        public Report {
            rows = List.copyOf(rows);
        }
    }

    /** Why two runs cannot be compared, as a sentence a reader's language can word; its message is the English. */
    public static final class Incomparable extends IllegalArgumentException {
        private final transient Sentence reason;

        Incomparable(Sentence reason) {
            super(reason.english());
            this.reason = reason;
        }

        public Sentence reason() {
            return reason;
        }
    }

    /**
     * @throws Incomparable when the runs are not on the same suite, dataset and tasks
     */
    public static Report of(RunManifest instant, List<Sample> instantSamples, RunManifest thinking,
                            List<Sample> thinkingSamples) {
        Map<String, List<Sample>> in = byTask(instantSamples);
        Map<String, List<Sample>> th = byTask(thinkingSamples);
        sameTasks(instant, thinking, in, th);
        List<Task> tasks = new ArrayList<>();
        boolean timed = allTimed(instantSamples) && allTimed(thinkingSamples);
        for (String id : in.keySet()) {
            tasks.add(new Task(in.get(id), th.get(id)));
        }
        List<RoutingRow> rows = new ArrayList<>();
        rows.add(row(RoutingStrategy.INSTANT_ONLY, null, tasks, timed, (t, a) -> false));
        rows.add(thinkingOnly(tasks, timed));
        rows.add(row(RoutingStrategy.ORACLE, null, tasks, timed, (t, a) -> !correct(a)));
        rows.add(row(RoutingStrategy.ESCALATE_ON_UNPARSED, null, tasks, timed, (t, a) -> unparsed(a)));
        rows.add(row(RoutingStrategy.ESCALATE_ON_DISAGREEMENT, null, tasks, timed, (t, a) -> t.instantDisagrees()));
        for (long budget : budgets(instantSamples)) {
            rows.add(row(RoutingStrategy.ESCALATE_OVER_BUDGET, budget, tasks, timed,
                    (t, a) -> a.usage().completionTokens() > budget));
        }
        return new Report(instant.suite().id(), instant.suite().dataset() == null ? null : instant.suite().dataset().name(),
                instant.suite().dataset() == null ? null : instant.suite().dataset().sha256(), tasks.size(),
                instant.runId(), thinking.runId(), instant.simulated() || thinking.simulated(), rows);
    }

    /**
     * One task's attempts in both runs, with the thinking run's per-task means computed once (every strategy and
     * budget reads them for each instant attempt).
     */
    private record Task(List<Sample> instant, List<Sample> thinking, double thinkingCorrect, double thinkingTokens,
                        double thinkingLatency, boolean instantDisagrees) {
        Task(List<Sample> instant, List<Sample> thinking) {
            this(instant, thinking,
                    thinking.stream().mapToDouble(s -> correct(s) ? 1 : 0).average().orElse(0),
                    thinking.stream().mapToDouble(s -> s.usage().completionTokens()).average().orElse(0),
                    thinking.stream().mapToDouble(s -> s.timing().e2eMs() == null ? 0 : s.timing().e2eMs()).average().orElse(0),
                    instant.stream().map(s -> s.verdict() == null ? null : s.verdict().extracted()).distinct().count() > 1);
        }
    }

    @FunctionalInterface
    private interface Escalate {
        boolean test(Task task, Sample instantAttempt);
    }

    private static RoutingRow row(RoutingStrategy strategy, Long budget, List<Task> tasks, boolean timed, Escalate escalate) {
        List<double[]> acc = new ArrayList<>();
        List<double[]> tok = new ArrayList<>();
        List<double[]> lat = new ArrayList<>();
        long attempts = 0;
        long escalated = 0;
        for (Task t : tasks) {
            int n = t.instant().size();
            double[] a = new double[n];
            double[] k = new double[n];
            double[] l = new double[n];
            for (int i = 0; i < n; i++) {
                Sample s = t.instant().get(i);
                boolean up = escalate.test(t, s);
                a[i] = up ? t.thinkingCorrect() : correct(s) ? 1 : 0;
                k[i] = s.usage().completionTokens() + (up ? t.thinkingTokens() : 0);
                l[i] = timed ? s.timing().e2eMs() + (up ? t.thinkingLatency() : 0) : 0;
                attempts++;
                escalated += up ? 1 : 0;
            }
            acc.add(a);
            tok.add(k);
            lat.add(l);
        }
        return new RoutingRow(strategy, budget, ClusteredMean.of(acc), ClusteredMean.unbounded(tok),
                timed ? ClusteredMean.unbounded(lat) : null, attempts == 0 ? 0 : (double) escalated / attempts);
    }

    private static RoutingRow thinkingOnly(List<Task> tasks, boolean timed) {
        List<double[]> acc = new ArrayList<>();
        List<double[]> tok = new ArrayList<>();
        List<double[]> lat = new ArrayList<>();
        for (Task t : tasks) {
            acc.add(t.thinking().stream().mapToDouble(s -> correct(s) ? 1 : 0).toArray());
            tok.add(t.thinking().stream().mapToDouble(s -> s.usage().completionTokens()).toArray());
            lat.add(t.thinking().stream().mapToDouble(s -> timed ? s.timing().e2eMs() : 0).toArray());
        }
        return new RoutingRow(RoutingStrategy.THINKING_ONLY, null, ClusteredMean.of(acc), ClusteredMean.unbounded(tok),
                timed ? ClusteredMean.unbounded(lat) : null, 1.0);
    }

    /** Errored attempts count as wrong: a router gets no answer from them. */
    static boolean correct(Sample s) {
        return s.verdict() != null && s.verdict().correct();
    }

    static boolean unparsed(Sample s) {
        return s.verdict() == null || s.verdict().extracted() == null || s.verdict().truncated();
    }

    private static boolean allTimed(List<Sample> samples) {
        return samples.stream().allMatch(s -> s.timing().e2eMs() != null);
    }

    /**
     * The budgets of the curve: powers of two from 16 up to the first one at or above the longest instant output,
     * plus 0 (escalate everything that produced any output) — deterministic, and dense where outputs are short.
     */
    static List<Long> budgets(List<Sample> instant) {
        long max = instant.stream().mapToLong(s -> s.usage().completionTokens()).max().orElse(0);
        TreeSet<Long> b = new TreeSet<>();
        b.add(0L);
        for (long v = 16; ; v *= 2) {
            b.add(v);
            if (v >= max) {
                break;
            }
        }
        return List.copyOf(b);
    }

    private static Map<String, List<Sample>> byTask(List<Sample> samples) {
        Map<String, List<Sample>> m = new TreeMap<>();
        for (Sample s : samples) {
            m.computeIfAbsent(s.taskId(), k -> new ArrayList<>()).add(s);
        }
        m.values().forEach(l -> l.sort(java.util.Comparator.comparingInt(Sample::attempt)));
        return m;
    }

    private static void sameTasks(RunManifest instant, RunManifest thinking, Map<String, List<Sample>> in,
                                  Map<String, List<Sample>> th) {
        if (!instant.suite().id().equals(thinking.suite().id())) {
            throw new Incomparable(Sentence.of(Sentence.Kind.ROUTING_OTHER_SUITES, instant.suite().id(), thinking.suite().id()));
        }
        String a = instant.suite().dataset() == null ? null : instant.suite().dataset().sha256();
        String b = thinking.suite().dataset() == null ? null : thinking.suite().dataset().sha256();
        if (!Objects.equals(a, b)) {
            throw new Incomparable(Sentence.of(Sentence.Kind.ROUTING_OTHER_DATA, a, b));
        }
        if (!in.keySet().equals(th.keySet())) {
            TreeSet<String> onlyInstant = new TreeSet<>(in.keySet());
            onlyInstant.removeAll(th.keySet());
            TreeSet<String> onlyThinking = new TreeSet<>(th.keySet());
            onlyThinking.removeAll(in.keySet());
            throw new Incomparable(Sentence.of(Sentence.Kind.ROUTING_OTHER_TASKS, onlyInstant.size(), first(onlyInstant),
                    onlyThinking.size(), first(onlyThinking)));
        }
        if (in.isEmpty()) {
            throw new Incomparable(Sentence.of(Sentence.Kind.ROUTING_NO_ATTEMPTS));
        }
    }

    private static Object first(TreeSet<String> ids) {
        return ids.isEmpty() ? "" : Sentence.of(Sentence.Kind.FIRST_TASK, ids.first());
    }
}
