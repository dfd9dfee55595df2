package dev.claimcheck.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.fingerprint.FingerprintDiff.Aspect;
import dev.claimcheck.core.model.Fingerprint;
import dev.claimcheck.core.model.Fingerprint.ReasoningPlacement;
import dev.claimcheck.core.model.Fingerprint.ToolCallParsing;
import dev.claimcheck.core.endpoint.ClientConfig;
import dev.claimcheck.core.endpoint.OpenAiChatEndpoint;
import dev.claimcheck.core.endpoint.RetryPolicy;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.sim.InMemoryOracle;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.sim.Simulator;
import dev.claimcheck.core.tokens.Tokenizer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fingerprints taken over loopback HTTP from simulators impersonating tokenizers and templates. */
class FingerprinterTest {

    @ParameterizedTest(name = "{0} is identified as {1}")
    @CsvSource(textBlock = """
            sim,                                 o200k_base
            sim:tokenizer=cl100k_base,           cl100k_base
            'sim:tokenizer=cl100k_base,template=chatml', cl100k_base
            """)
    void theTokenizerProbeIdentifiesTheFamilyWhateverTheTemplateAdds(String spec, String family) {
        try (SimEndpoint sim = SimEndpoint.start(spec)) {
            Fingerprint f = sim.fingerprint();
            assertThat(f.tokenizer().family()).isEqualTo(family);
            assertThat(f.tokenizer().differing()).isZero();
            assertThat(f.tokenizer().deltas()).containsOnlyKeys(TokenizerFamilies.bundled().probes().keySet());
        }
    }

    @Test
    void theDefaultSimulatorCountsTheSystemPromptRendersNoToolsAndPutsReasoningInItsField() {
        try (SimEndpoint sim = SimEndpoint.start("sim")) {
            Fingerprint f = sim.fingerprint();
            assertThat(f.template().systemTokens()).isEqualTo((long) Tokenizer.named("o200k_base").count(ProbePlan.SYSTEM));
            assertThat(f.template().toolsTokens()).isZero();
            assertThat(f.template().reasoning()).isEqualTo(ReasoningPlacement.FIELD);
            assertThat(f.template().toolCalls()).isEqualTo(ToolCallParsing.NONE);
            assertThat(f.canaries()).extracting(Fingerprint.Canary::id).containsExactly("arith", "echo", "capital");
            assertThat(f.canaries()).allSatisfy(c -> assertThat(c.sha256()).matches("[0-9a-f]{64}"));
            assertThat(f.served().modelIds()).containsExactly("sim");
            assertThat(f.served().engine()).isEqualTo("claimcheck-sim");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            sim:template=think-in-content, CONTENT_TAGS, 14
            sim:template=drops-system,     FIELD,        0
            sim:template=chatml,           FIELD,        18
            """)
    void theTemplateProbeSeesWhatTheTemplateDoes(String spec, ReasoningPlacement reasoning, long systemTokens) {
        try (SimEndpoint sim = SimEndpoint.start(spec)) {
            Fingerprint f = sim.fingerprint();
            assertThat(f.template().reasoning()).isEqualTo(reasoning);
            assertThat(f.template().systemTokens()).isEqualTo(systemTokens);
        }
    }

    @Test
    void twoSimulatorsWithDifferentTemplatesAreToldApartOnTheTemplateAlone() {
        try (SimEndpoint plain = SimEndpoint.start("sim"); SimEndpoint chatml = SimEndpoint.start("sim:template=chatml")) {
            List<FingerprintDiff.Difference> d = FingerprintDiff.of(plain.fingerprint(), chatml.fingerprint());
            assertThat(d).extracting(FingerprintDiff.Difference::aspect).contains(Aspect.TEMPLATE)
                    .doesNotContain(Aspect.TOKENIZER, Aspect.MODELS, Aspect.ENGINE);
            assertThat(FingerprintDiff.identityDiffers(d)).isTrue();
        }
    }

    @Test
    void twoFingerprintsOfOneSimulatorAgree() {
        try (SimEndpoint sim = SimEndpoint.start("sim:seed=3")) {
            assertThat(FingerprintDiff.of(sim.fingerprint(), sim.fingerprint())).isEmpty();
        }
    }

    @Test
    void aSwapMidRunChangesTheTokenizerFamilyBetweenTwoFingerprints() {
        int perFingerprint = ProbePlan.budget().requests();
        try (SimEndpoint sim = SimEndpoint.start("sim:swapAfter=" + perFingerprint + ",swapTokenizer=cl100k_base")) {
            Fingerprint start = sim.fingerprint();
            Fingerprint end = sim.fingerprint();
            assertThat(start.tokenizer().family()).isEqualTo("o200k_base");
            assertThat(end.tokenizer().family()).isEqualTo("cl100k_base");
            assertThat(FingerprintDiff.of(start, end)).extracting(FingerprintDiff.Difference::line)
                    .contains("tokenizer: family o200k_base -> cl100k_base");
        }
    }

    @Test
    void aReportedQuantizationIsPartOfTheFingerprint() {
        try (SimEndpoint fp8 = SimEndpoint.start("sim:quantization=fp8"); SimEndpoint awq = SimEndpoint.start("sim:quantization=awq");
             SimEndpoint silent = SimEndpoint.start("sim")) {
            Fingerprint a = fp8.fingerprint();
            assertThat(a.served().precision()).containsEntry("quantization", "fp8");
            assertThat(FingerprintDiff.of(awq.fingerprint(), a)).extracting(FingerprintDiff.Difference::line)
                    .containsExactly("precision: quantization awq -> fp8");
            assertThat(FingerprintDiff.of(silent.fingerprint(), a)).as("a server that reports nothing is not a difference")
                    .isEmpty();
        }
    }

    @Test
    void theProbesSpendNoMoreThanTheDocumentedBudget() {
        ProbePlan.Budget budget = ProbePlan.budget();
        try (SimEndpoint sim = SimEndpoint.start("sim:tokenizer=cl100k_base")) {
            Fingerprint f = sim.fingerprint();
            assertThat(f.cost().requests()).isEqualTo(budget.requests());
            assertThat(sim.simulator().requestsServed()).isEqualTo(budget.requests());
            assertThat(f.cost().failed()).isZero();
            assertThat(f.cost().completionTokens()).isPositive().isLessThanOrEqualTo(budget.maxCompletionTokens());
        }
        assertThat(budget.line()).as("the figures docs/fingerprint.md states")
                .startsWith("14 requests, at most 169 completion tokens, 231 prompt tokens of text");
    }

    @Test
    void aDeadEndpointCostsThreeFailedRequestsAndIsNeverTakenForAnIdentity() {
        try (Simulator sim = Simulator.start(SimOptions.parse("sim:faults=1,faultKinds=500", Lane.INSTANT, 0), new InMemoryOracle());
             OpenAiChatEndpoint client = new OpenAiChatEndpoint(ClientConfig.builder(sim.baseUrl())
                     .retry(new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), 0)).build())) {
            Fingerprint f = Fingerprinter.take(client, client.describe(), "sim", Clock.systemUTC());
            assertThat(f.cost().requests()).isEqualTo(Fingerprinter.GIVE_UP_AFTER);
            assertThat(f.cost().failed()).isEqualTo(Fingerprinter.GIVE_UP_AFTER);
            assertThat(f.tokenizer().family()).isNull();
            assertThat(f.template().reasoning()).isEqualTo(ReasoningPlacement.FAILED);
            assertThat(f.canaries()).allSatisfy(c -> assertThat(c.sha256()).isNull());
            try (SimEndpoint healthy = SimEndpoint.start("sim")) {
                assertThat(FingerprintDiff.of(healthy.fingerprint(), f)).as("failures are not differences").isEmpty();
            }
        }
    }
}
