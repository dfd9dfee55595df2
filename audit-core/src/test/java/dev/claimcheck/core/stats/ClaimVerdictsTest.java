package dev.claimcheck.core.stats;

import static dev.claimcheck.core.stats.MathSamples.math;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.model.Claim;
import dev.claimcheck.core.model.ClaimVerdict;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.RecipeSpec;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.RunManifest.ModelRef;
import dev.claimcheck.core.model.RunManifest.RequestSpec;
import dev.claimcheck.core.model.RunManifest.SuiteRef;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.TokenSummary;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.store.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The verdict vocabulary of docs/architecture.md §8.1, check by check, on a reproduction scoring 0.80 [0.70, 0.90] over 100 tasks. */
class ClaimVerdictsTest {
    static final Map<String, String> STATED = Map.of("temperature", "0.6", "maxTokens", "1024", "tasks", "100");

    static RunManifest run(double temperature) {
        return run(temperature, false);
    }

    static RunManifest run(double temperature, boolean simulated) {
        return run(temperature, simulated, null);
    }

    static RunManifest run(double temperature, boolean simulated, Long servedContext) {
        return run(temperature, simulated, servedContext, new DatasetRef("gsm8k", "abc", "gsm8k.jsonl", false, null));
    }

    static RunManifest run(double temperature, boolean simulated, Long servedContext, DatasetRef dataset) {
        ObjectNode t = Json.mapper().createObjectNode().put("temperature", temperature).put("max_tokens", 1024);
        Metrics m = Metrics.shared(0.80, 0.70, 0.90, 100, 100, 100, Map.of(), 0, new TokenSummary(10, 10, 10),
                new TokenSummary(0, 0, 0), null);
        return new RunManifest(RunManifest.SCHEMA, "r", RunStatus.COMPLETE, simulated, Lane.THINKING, Workload.MATH,
                new SuiteRef("math", "1", dataset, null),
                new ModelRef("m", "m", null), null, null, new RequestSpec(t, 1, 0, null, 8, null, null, servedContext), null, null, null,
                null, null, null, m, null, null);
    }

    static Claim claim(String metric, double value, Map<String, String> settings, boolean undisclosed) {
        return new Claim("c", "math", "math", "gsm8k", metric, value, "fraction", settings, undisclosed,
                new Claim.Source("https://example.org", "2026-01-01", null, "t", null), null);
    }

    @ParameterizedTest(name = "claim {0} → {1}")
    @CsvSource(textBlock = """
            0.80, consistent
            0.70, consistent
            0.95, refuted
            0.60, exceeds
            """)
    void theClaimAgainstTheInterval(double value, String verdict) {
        ClaimAssessment a = ClaimVerdicts.assess(claim("accuracy", value, STATED, false), run(0.6), List.of());
        assertThat(a.verdict().id()).isEqualTo(verdict);
        assertThat(a.measured()).isEqualTo(0.80);
        assertThat(a.pValue() != null).isEqualTo(verdict.equals("refuted"));
    }

    @Test
    void aRunThatLeftOutTasksItCannotSetUpIsNeverConsistentWithAClaimOnTheBenchmark() {
        RunManifest full = run(0.6);
        RunManifest part = new RunManifest(full.schema(), full.runId(), full.status(), false, full.lane(), full.workload(),
                new SuiteRef("tau2", "1", full.suite().dataset(), Map.of("--skip-unsupported", "true")), full.model(), null,
                null, full.request(), null, null, null, null, null, null, full.metrics(), null, null);
        assertThat(ClaimVerdicts.assess(claim("accuracy", 0.80, STATED, false), full, List.of()).verdict().id())
                .isEqualTo("consistent");
        ClaimAssessment a = ClaimVerdicts.assess(claim("accuracy", 0.80, STATED, false), part, List.of());
        assertThat(a.verdict().id()).isEqualTo("settingsDiffer");
        assertThat(a.note()).contains("--skip-unsupported", "100 run: not the full benchmark");
        // Even where the source states no settings.
        assertThat(ClaimVerdicts.assess(claim("accuracy", 0.80, Map.of(), true), part, List.of()).verdict().id())
                .isEqualTo("settingsDiffer");
    }

    static RecipeSpec.DatasetPin pin(String sha256) {
        return new RecipeSpec.DatasetPin("gsm8k", "https://example.org/test.jsonl", "o/r@c", "data/test.jsonl", sha256,
                "b".repeat(64), "pinned", null, null);
    }

    @Test
    void aRunOnAnotherFileThanTheRecipePinsNeverReadsConsistent() {
        // The run recorded sha256 "abc" and no answers hash: the same name, other data.
        ClaimAssessment a = ClaimVerdicts.assess(claim("accuracy", 0.80, STATED, false), run(0.6), List.of(), pin("a".repeat(64)));
        assertThat(a.verdict()).isEqualTo(ClaimVerdict.SETTINGS_DIFFER);
        assertThat(a.differences()).anySatisfy(d -> assertThat(d).contains("the recipe pins sha256 " + "a".repeat(64), "the run read abc"))
                .anySatisfy(d -> assertThat(d).contains("answersSha256", "is not recorded"));

        ClaimAssessment undisclosed = ClaimVerdicts.assess(claim("accuracy", 0.80, Map.of(), true), run(0.6), List.of(), pin("a".repeat(64)));
        assertThat(undisclosed.verdict()).as("undisclosed settings do not excuse other data").isEqualTo(ClaimVerdict.SETTINGS_DIFFER);
    }

    @Test
    void aRunOnThePinnedFileIsJudgedOnItsScore() {
        RunManifest r = run(0.6);
        RunManifest onPin = run(0.6, false, null, new DatasetRef("gsm8k", "a".repeat(64), "gsm8k.jsonl", false, null, 100,
                null, "b".repeat(64)));
        assertThat(ClaimVerdicts.assess(claim("accuracy", 0.80, STATED, false), onPin, List.of(), pin("a".repeat(64))).verdict())
                .isEqualTo(ClaimVerdict.CONSISTENT);
        assertThat(ClaimVerdicts.assess(claim("accuracy", 0.80, STATED, false), r, List.of(), null).verdict())
                .as("no recipe: nothing pinned to compare").isEqualTo(ClaimVerdict.CONSISTENT);
    }

    @Test
    void aRefutationCarriesItsOneSidedPValue() {
        // se = 0.10 / t(0.975, 99); z = (0.80 − 0.95) / se ≈ −2.98 → p ≈ 0.0018
        ClaimAssessment a = ClaimVerdicts.assess(claim("accuracy", 0.95, STATED, false), run(0.6), List.of());
        double se = 0.10 / StudentT.quantile(0.975, 99);
        assertThat(a.pValue()).isCloseTo(StudentT.cdf(-0.15 / se, 99), within(1e-12)).isBetween(0.001, 0.003);
    }

    @Test
    void aMaxTokensCappedToTheServedContextIsASettingThatDiffers() {
        RunManifest capped = run(0.6, false, 1000L);
        ObjectNode t = capped.request().template();
        Verdict right = new Verdict(true, 1, "7", "7", "math", "1", "gold boxed, response boxed");
        Sample cut = new Sample("t1", 0, null, "h", null, t.deepCopy().put("max_tokens", 900), null, null, null, right, null, null);
        Sample whole = new Sample("t2", 0, null, "h", null, t, null, null, null, right, null, null);

        ClaimAssessment a = ClaimVerdicts.assess(claim("accuracy", 0.80, STATED, false), capped, List.of(cut, whole));
        assertThat(a.verdict()).isEqualTo(ClaimVerdict.SETTINGS_DIFFER);
        assertThat(a.differences()).containsExactly(
                "maxTokens: claimed 1024, capped to fit the served context of 1000 tokens in 1 of 2 attempts (as low as 900)");
        assertThat(ClaimVerdicts.differences(STATED, capped).stream().map(Sentence::english)).as("from run.json alone: 1024 ≥ 1000, every attempt capped")
                .containsExactly("maxTokens: claimed 1024, capped to fit the served context of 1000 tokens in every attempt");
        assertThat(ClaimVerdicts.assess(claim("accuracy", 0.80, STATED, false), capped, List.of(whole)).verdict())
                .as("no attempt capped").isEqualTo(ClaimVerdict.CONSISTENT);
    }

    @Test
    void aSettingTheRunDidNotUseIsListedAndNeverReadsConsistent() {
        ClaimAssessment a = ClaimVerdicts.assess(claim("accuracy", 0.80, STATED, false), run(1.0), List.of());
        assertThat(a.verdict()).isEqualTo(ClaimVerdict.SETTINGS_DIFFER);
        assertThat(a.differences()).containsExactly("temperature: claimed 0.6, used 1.0");
        assertThat(a.measured()).as("still shown").isEqualTo(0.80);
    }

    @Test
    void aSettingThisHarnessCannotCheckIsADifferenceToo() {
        ClaimAssessment a = ClaimVerdicts.assess(claim("accuracy", 0.80, Map.of("numShots", "5"), false), run(0.6), List.of());
        assertThat(a.verdict()).isEqualTo(ClaimVerdict.SETTINGS_DIFFER);
        assertThat(a.differences()).containsExactly("numShots: claimed 5, not checked by this harness");
    }

    static RunManifest underProtocol(String protocol, boolean withStop) {
        RunManifest r = run(0.6);
        if (withStop) {
            ((ObjectNode) r.request().template()).putArray("stop").add("Question");
        }
        Map<String, String> options = protocol == null ? Map.of() : Map.of("--protocol", protocol);
        return new RunManifest(r.schema(), r.runId(), r.status(), false, r.lane(), r.workload(),
                new SuiteRef("math", "1", r.suite().dataset(), options), r.model(), r.endpoint(), r.hardware(), r.request(),
                r.harness(), r.recipe(), r.claimRef(), r.startedAt(), r.finishedAt(), r.stopReason(), r.metrics(), r.proofs(),
                r.journalRepairs());
    }

    static final Map<String, String> PROTOCOL = Map.of("protocol", "sglang-gsm8k", "numShots", "5",
            "promptFormat", "few-shot Question/Answer", "stop", "[\"Question\"]");

    @Test
    void whatTheProtocolFixesMatchesWhenTheRunUsedTheClaimsProtocol() {
        ClaimAssessment a = ClaimVerdicts.assess(claim("accuracy", 0.80, PROTOCOL, false), underProtocol("sglang-gsm8k", true), List.of());
        assertThat(a.differences()).isEmpty();
        assertThat(a.verdict()).isEqualTo(ClaimVerdict.CONSISTENT);
    }

    @Test
    void anotherProtocolIsADifferenceWithEverythingItFixes() {
        ClaimAssessment a = ClaimVerdicts.assess(claim("accuracy", 0.80, PROTOCOL, false), underProtocol("boxed", false), List.of());
        assertThat(a.verdict()).isEqualTo(ClaimVerdict.SETTINGS_DIFFER);
        assertThat(a.differences()).containsExactlyInAnyOrder("protocol: claimed sglang-gsm8k, used boxed",
                "numShots: claimed 5, used protocol boxed's", "promptFormat: claimed few-shot Question/Answer, used protocol boxed's",
                "stop: claimed [\"Question\"], used none");
    }

    @Test
    void aMathRunThatPredatesProtocolsRanTheBoxedOne() {
        assertThat(ClaimVerdicts.differences(Map.of("protocol", "sglang-gsm8k"), underProtocol(null, false)).stream().map(Sentence::english))
                .containsExactly("protocol: claimed sglang-gsm8k, used boxed");
    }

    @Test
    void undisclosedSettingsComeBeforeAnyComparison() {
        ClaimAssessment a = ClaimVerdicts.assess(claim("accuracy", 0.99, Map.of(), true), run(0.6), List.of());
        assertThat(a.verdict()).isEqualTo(ClaimVerdict.UNDISCLOSED);
    }

    @Test
    void nothingToCompareIsNotReproduced() {
        assertThat(ClaimVerdicts.assess(claim("accuracy", 0.9, STATED, false), null, List.of()).note()).isEqualTo("no run yet");
        assertThat(ClaimVerdicts.assess(claim("parametersTotal", 1e12, Map.of(), true), run(0.6), List.of()).verdict())
                .isEqualTo(ClaimVerdict.NOT_REPRODUCED);
        assertThat(ClaimVerdicts.assess(claim("outputThroughput", 412.36, STATED, false), run(0.6), List.of()).note())
                .isEqualTo("an audit run does not measure outputThroughput");
        assertThat(ClaimVerdicts.assess(claim("bogus", 1, STATED, false), run(0.6), List.of()).note())
                .isEqualTo("unknown metric 'bogus'");
    }

    @ParameterizedTest(name = "claim {0}, temperature {1}, undisclosed {2}: a simulated run is never a verdict")
    @CsvSource(textBlock = """
            0.80, 0.6, false
            0.95, 0.6, false
            0.60, 0.6, false
            0.80, 1.0, false
            0.80, 0.6, true
            """)
    void aSimulatedReproductionIsNotReproducedWhateverItMeasures(double value, double temperature, boolean undisclosed) {
        ClaimAssessment a = ClaimVerdicts.assess(claim("accuracy", value, undisclosed ? Map.of() : STATED, undisclosed),
                run(temperature, true), List.of());
        assertThat(a.verdict()).isEqualTo(ClaimVerdict.NOT_REPRODUCED);
        assertThat(a.note()).isEqualTo("only simulated runs (a harness self-test, not evidence about the model)");
        assertThat(a.measured()).as("the simulated figure is still shown").isEqualTo(0.80);
        assertThat(a.ciLow()).isEqualTo(0.70);
        assertThat(a.pValue()).isNull();
        assertThat(a.differences()).isEmpty();
    }

    @Test
    void tokenClaimsAreJudgedAgainstTheirOwnInterval() {
        List<Sample> samples = List.of(math("a", 0, true, "7", 90), math("b", 0, true, "7", 110),
                math("c", 0, true, "7", 100), math("d", 0, true, "7", 100));
        Map<String, String> stated = Map.of("temperature", "0.6");
        ClaimAssessment inside = ClaimVerdicts.assess(claim("outputTokensMean", 100, stated, false), run(0.6), samples);
        assertThat(inside.verdict()).isEqualTo(ClaimVerdict.CONSISTENT);
        assertThat(inside.measured()).isEqualTo(100.0);
        assertThat(inside.ciHigh()).isGreaterThan(100).isLessThan(120);
        ClaimAssessment above = ClaimVerdicts.assess(claim("outputTokensMean", 200, stated, false), run(0.6), samples);
        assertThat(above.verdict()).isEqualTo(ClaimVerdict.REFUTED);
    }

    @Test
    void theNoteAndThePowerSentenceKeepTheirFiguresApartFromTheirWording() {
        ClaimAssessment a = ClaimVerdicts.assess(claim("accuracy", 0.955, Map.of("tasks", "1319"), false), null, List.of());
        assertThat(a.why()).isEqualTo(Sentence.of(Sentence.Kind.NO_RUN));
        assertThat(a.powerNeeded()).isEqualTo(Sentence.of(Sentence.Kind.POWER_TASKS, "95.5", "5", 135, "1319"));
        assertThat(a.power()).isEqualTo("refuting 95.5% when the truth is 5 points lower needs about 135 independent tasks × "
                + "attempts (80% power, one-sided 2.5%); the claim used 1319 tasks");
    }

    @ParameterizedTest(name = "claim {0}: {1} tasks × attempts")
    @CsvSource(textBlock = """
            0.955, 135
            0.5,   785
            0.9,   283
            """)
    void thePowerNoteSaysHowManyAttemptsARefutationNeeds(double claimed, long attempts) {
        assertThat(ClaimVerdicts.attemptsForPower(claimed)).isEqualTo(attempts);
    }
}
