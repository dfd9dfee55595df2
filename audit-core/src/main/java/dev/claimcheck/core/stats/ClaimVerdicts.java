package dev.claimcheck.core.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.claimcheck.core.model.Claim;
import dev.claimcheck.core.model.ClaimMetric;
import dev.claimcheck.core.model.ClaimVerdict;
import dev.claimcheck.core.model.RecipeSpec;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Judges a claim against a reproduction (docs/architecture.md §8.1, docs/claims.md). The order of the checks is the
 * contract: nothing to compare, or only a simulated run (a harness self-test, §8.1) → {@code notReproduced}, with the
 * simulated figure still measured; settings not stated → {@code undisclosed}; any stated
 * setting the run did not use, or that this harness cannot check → {@code settingsDiffer} (so a recipe that
 * departs from its claim never reads {@code consistent}); else the claim against the 95% interval.
 */
public final class ClaimVerdicts {
    /** The suite option a run records when it left out the tasks it cannot set up (tau2's built-in ports). */
    public static final String SKIP_UNSUPPORTED = "--skip-unsupported";

    /** The note of a claim whose only reproduction is a simulated run. */
    public static final String SIMULATED_ONLY = Sentence.Kind.SIMULATED_ONLY.english();

    /** The shortfall a power note is computed for: 5 points of accuracy. */
    static final double POWER_SHORTFALL = 0.05;

    private ClaimVerdicts() {
    }

    /**
     * @param run the reproduction, or null when none exists
     * @param samples the reproduction's journal (may be empty: then token and speed metrics are not measured)
     */
    public static ClaimAssessment assess(Claim claim, RunManifest run, List<Sample> samples) {
        return assess(claim, run, samples, null);
    }

    /**
     * As {@link #assess(Claim, RunManifest, List)}, against the dataset the claim's recipe pins: a run on a file with
     * other hashes (a run under {@code --allow-unpinned}, or a plain audit that only names the dataset alike) measured
     * something else, so it reads {@code settingsDiffer} naming both hashes, never {@code consistent}.
     *
     * @param pin the recipe's dataset, or null when the claim has no recipe (or it pins nothing yet)
     */
    public static ClaimAssessment assess(Claim claim, RunManifest run, List<Sample> samples, RecipeSpec.DatasetPin pin) {
        return assess(claim, run, samples, pin, null);
    }

    /**
     * As {@link #assess(Claim, RunManifest, List, RecipeSpec.DatasetPin)}, and against the endpoint the recipe pins: a
     * run whose fingerprint shows another tokenizer family, context length or precision (or cannot show them) reads
     * {@code settingsDiffer} with the note "endpoint differs from recipe", never {@code consistent}.
     *
     * @param endpoint the recipe's endpoint pin, or null
     */
    public static ClaimAssessment assess(Claim claim, RunManifest run, List<Sample> samples, RecipeSpec.DatasetPin pin,
                                         RecipeSpec.EndpointPin endpoint) {
        ClaimMetric metric = claim.metricKind();
        Sentence power = power(claim, metric);
        if (metric == null) {
            return ClaimAssessment.of(ClaimVerdict.NOT_REPRODUCED, Sentence.of(Sentence.Kind.UNKNOWN_METRIC, claim.metric()), power);
        }
        if (!metric.measurable()) {
            return ClaimAssessment.of(ClaimVerdict.NOT_REPRODUCED, Sentence.of(Sentence.Kind.NOT_AUDITED, metric.id()), power);
        }
        if (run == null) {
            return ClaimAssessment.of(ClaimVerdict.NOT_REPRODUCED, Sentence.of(Sentence.Kind.NO_RUN), power);
        }
        Optional<ScoreInterval> measured = ClaimMeasure.of(metric, run, samples);
        if (measured.isEmpty()) {
            return ClaimAssessment.of(ClaimVerdict.NOT_REPRODUCED, Sentence.of(Sentence.Kind.NOT_MEASURED, metric.id()), power);
        }
        ScoreInterval m = measured.get();
        if (run.simulated()) {
            // docs/architecture.md §8.1: the simulator tests the harness, never the model. Its figure is still shown, labelled SIM.
            return judged(ClaimVerdict.NOT_REPRODUCED, m, null, List.of(), Sentence.of(Sentence.Kind.SIMULATED_ONLY), power);
        }
        List<Sentence> diff = new ArrayList<>(DatasetPins.differences(pin, run.suite() == null ? null : run.suite().dataset()));
        diff.addAll(EndpointPins.differences(endpoint, run));
        if (run.suite() != null && Boolean.parseBoolean(run.suite().options().get(SKIP_UNSUPPORTED))) {
            // The run chose its tasks by what it can run: a figure on part of the benchmark, whatever the claim states.
            diff.add(Sentence.of(Sentence.Kind.TASKS_SKIPPED, run.metrics() == null ? "?" : run.metrics().tasks()));
        }
        if (claim.undisclosed() && diff.isEmpty()) {
            return judged(ClaimVerdict.UNDISCLOSED, m, null, List.of(), Sentence.of(Sentence.Kind.UNDISCLOSED), power);
        }
        if (!claim.undisclosed()) {
            diff.addAll(differences(claim.settings(), run, samples));
        }
        if (!diff.isEmpty()) {
            return judged(ClaimVerdict.SETTINGS_DIFFER, m, null, diff, Sentence.joined(diff), power);
        }
        if (m.low() == null || m.high() == null) {
            return judged(ClaimVerdict.NOT_REPRODUCED, m, null, List.of(), Sentence.of(Sentence.Kind.NO_INTERVAL), power);
        }
        if (claim.value() > m.high()) {
            return judged(ClaimVerdict.REFUTED, m, pBelow(m, claim.value()), List.of(), Sentence.of(Sentence.Kind.REFUTED), power);
        }
        if (claim.value() < m.low()) {
            return judged(ClaimVerdict.EXCEEDS, m, null, List.of(), Sentence.of(Sentence.Kind.EXCEEDS), power);
        }
        return judged(ClaimVerdict.CONSISTENT, m, null, List.of(), Sentence.of(Sentence.Kind.CONSISTENT), power);
    }

    private static ClaimAssessment judged(ClaimVerdict v, ScoreInterval m, Double p, List<Sentence> diff, Sentence note,
                                          Sentence power) {
        return new ClaimAssessment(v, m.estimate(), m.low(), m.high(), p, diff, note, power);
    }

    /** {@link #differences(Map, RunManifest, List)} without the journal (graders then read from the protocol). */
    public static List<Sentence> differences(Map<String, String> stated, RunManifest run) {
        return differences(stated, run, List.of());
    }

    /**
     * The claim's settings (stated and script defaults) against what the run used: the request template, k,
     * concurrency, the task count, the protocol (suite option {@code --protocol}) and what it fixes. A setting this
     * harness cannot check is a difference too (it was claimed, and nothing shows it was used). {@code numShots} and
     * {@code promptFormat} are fixed by the protocol, so they are checked through it: they match when the run's
     * protocol is the claim's, and each reads as a difference otherwise (or when the claim names no protocol).
     * A {@code maxTokens} the run capped to the served context (docs/architecture.md §6.1) is a difference too:
     * the attempts whose sample sent a lower {@code max_tokens} than the template's are counted; without samples, a
     * template {@code max_tokens} at or above the served context means every attempt was capped.
     */
    public static List<Sentence> differences(Map<String, String> stated, RunManifest run, List<Sample> samples) {
        JsonNode t = run.request() == null || run.request().template() == null
                ? MissingNode.getInstance() : run.request().template();
        String protocol = protocol(run);
        String claimedProtocol = stated.get("protocol");
        List<Sentence> out = new ArrayList<>();
        for (Map.Entry<String, String> e : stated.entrySet()) {
            Used used = used(e.getKey(), t, run, samples);
            if (used == null && PROTOCOL_FIXED.contains(e.getKey()) && claimedProtocol != null && protocol != null) {
                used = protocol.equals(claimedProtocol) ? Used.of(e.getValue())
                        : new Used("protocol " + protocol + "'s", Sentence.Kind.SETTING_PROTOCOLS, protocol);
            }
            if (used == null) {
                out.add(Sentence.of(Sentence.Kind.SETTING_UNCHECKED, e.getKey(), e.getValue()));
            } else if (!same(e.getValue(), used.text())) {
                out.add(used.line(e.getKey(), e.getValue()));
            } else if (e.getKey().equals("maxTokens")) {
                capped(e.getValue(), t, run, samples).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Settings a protocol fixes without the run recording them on their own. */
    private static final List<String> PROTOCOL_FIXED = List.of("numShots", "promptFormat", "grader");

    /** The run's protocol: its {@code --protocol}, {@code boxed} for a math run that predates the option, else null. */
    static String protocol(RunManifest run) {
        String p = run.suite() == null ? null : run.suite().options().get("--protocol");
        return p != null ? p : run.workload() == dev.claimcheck.core.model.Workload.MATH ? "boxed" : null;
    }

    private static Optional<Sentence> capped(String claimed, JsonNode template, RunManifest run, List<Sample> samples) {
        Long context = run.request() == null ? null : run.request().servedContext();
        if (context == null || !template.path("max_tokens").canConvertToLong()) {
            return Optional.empty();
        }
        long wanted = template.path("max_tokens").asLong();
        if (samples.isEmpty()) {
            return wanted >= context ? Optional.of(Sentence.of(Sentence.Kind.CAPPED_EVERY, claimed, context)) : Optional.empty();
        }
        long n = 0;
        long lowest = wanted;
        for (Sample s : samples) {
            JsonNode sent = s.request() == null ? null : s.request().get("max_tokens");
            if (sent != null && sent.canConvertToLong() && sent.asLong() < wanted) {
                n++;
                lowest = Math.min(lowest, sent.asLong());
            }
        }
        return n == 0 ? Optional.empty()
                : Optional.of(Sentence.of(Sentence.Kind.CAPPED_SOME, claimed, context, n, samples.size(), lowest));
    }

    /**
     * What the run used for a setting: its text as compared with the claim, the kind of line that says so, and that
     * line's value (null when the kind words it: "server default").
     */
    private record Used(String text, Sentence.Kind kind, String value) {
        static Used of(String v) {
            return new Used(v, Sentence.Kind.SETTING_USED, v);
        }

        static Used word(String text, Sentence.Kind kind) {
            return new Used(text, kind, null);
        }

        Sentence line(String key, String claimed) {
            return value == null ? Sentence.of(kind, key, claimed) : Sentence.of(kind, key, claimed, value);
        }
    }

    /** What the run used for a setting ("server default" when the body left it out), or null if unknown. */
    private static Used used(String key, JsonNode template, RunManifest run, List<Sample> samples) {
        Used unknown = Used.word("unknown", Sentence.Kind.SETTING_UNKNOWN);
        return switch (key) {
            case "temperature" -> body(template.path("temperature"));
            case "topP" -> body(template.path("top_p"));
            case "maxTokens" -> body(template.path("max_tokens"));
            case "enableThinking" -> body(template.path("chat_template_kwargs").path("enable_thinking"));
            case "stop" -> template.path("stop").isMissingNode() || template.path("stop").isNull()
                    ? Used.word("none", Sentence.Kind.SETTING_NO_STOP)
                    : Used.of(template.path("stop").isTextual() ? "[" + template.path("stop").toString() + "]"
                    : template.path("stop").toString());
            case "protocol" -> protocol(run) == null ? null : Used.of(protocol(run));
            case "grader" -> samples.isEmpty() ? null : Used.of(String.join(",", samples.stream()
                    .filter(s -> s.verdict() != null).map(s -> s.verdict().grader()).distinct().sorted().toList()));
            case "k" -> run.request() == null ? unknown : Used.of(Integer.toString(run.request().k()));
            case "concurrency" -> run.request() == null ? unknown : Used.of(Integer.toString(run.request().concurrency()));
            case "tasks" -> run.metrics() == null ? unknown : Used.of(Integer.toString(run.metrics().tasks()));
            default -> null;
        };
    }

    private static Used body(JsonNode v) {
        return v.isMissingNode() || v.isNull() ? Used.word("server default", Sentence.Kind.SETTING_SERVER_DEFAULT)
                : Used.of(v.asText());
    }

    static boolean same(String a, String b) {
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return a.equalsIgnoreCase(b);
        }
    }

    /**
     * One-sided p-value of a reproduction this low if the claim were true: Student t on tasks − 1 degrees of
     * freedom, with the standard error read back from the wider half of the 95% interval (the narrower half may
     * have been clipped at 0 or 1).
     */
    static double pBelow(ScoreInterval m, double claim) {
        int df = Math.max(1, m.clusters() - 1);
        double half = Math.max(m.high() - m.estimate(), m.estimate() - m.low());
        double se = half / StudentT.quantile(0.975, df);
        if (se <= 0) {
            return 0.0;
        }
        return StudentT.cdf((m.estimate() - claim) / se, df);
    }

    /**
     * How many independent tasks × attempts a reproduction needs before it can refute an accuracy claim that is
     * {@value #POWER_SHORTFALL} too high (80% power, one-sided 2.5%): n = (1.96 + 0.84)² p(1 − p) / δ², with p the
     * claim. Repeated attempts at one task count for less than new tasks when tasks differ in difficulty.
     */
    static Sentence power(Claim claim, ClaimMetric metric) {
        if (metric != ClaimMetric.ACCURACY || !(claim.value() > 0 && claim.value() < 1)) {
            return null;
        }
        double p = claim.value();
        long n = attemptsForPower(p);
        String tasks = claim.settings().get("tasks");
        String claimed = String.format(Locale.ROOT, "%.1f", 100 * p);
        String shortfall = String.format(Locale.ROOT, "%.0f", 100 * POWER_SHORTFALL);
        return tasks == null ? Sentence.of(Sentence.Kind.POWER, claimed, shortfall, n)
                : Sentence.of(Sentence.Kind.POWER_TASKS, claimed, shortfall, n, tasks);
    }

    /** The number behind {@link #power}: tasks × attempts needed (exposed for tests and the site). */
    public static long attemptsForPower(double claimed) {
        double z = 1.959964 + 0.841621;
        return (long) Math.ceil(z * z * claimed * (1 - claimed) / (POWER_SHORTFALL * POWER_SHORTFALL));
    }
}
