package dev.claimcheck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.endpoint.ClientConfig;
import dev.claimcheck.core.endpoint.OpenAiChatEndpoint;
import dev.claimcheck.core.fingerprint.Fingerprinter;
import dev.claimcheck.core.model.ClaimVerdict;
import dev.claimcheck.core.model.Fingerprint;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.RecipeSpec.EndpointPin;
import dev.claimcheck.core.model.RunFingerprint;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.sim.InMemoryOracle;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.sim.Simulator;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The recipe's endpoint pin against a run's fingerprint. The fingerprints are taken over HTTP from simulators that
 * impersonate an endpoint, then set on a real (non-simulated) run, since a simulated run never reaches the settings check.
 */
class EndpointPinsTest {

    /** The fingerprint a simulator impersonating {@code spec} gives, at the start and the end of a run. */
    static RunFingerprint fingerprintOf(String spec) {
        try (Simulator sim = Simulator.start(SimOptions.parse(spec, Lane.INSTANT, 0), new InMemoryOracle());
             OpenAiChatEndpoint client = new OpenAiChatEndpoint(ClientConfig.builder(sim.baseUrl()).build())) {
            Fingerprint start = Fingerprinter.take(client, client.describe(), "m", Clock.systemUTC());
            Fingerprint end = Fingerprinter.take(client, client.describe(), "m", Clock.systemUTC());
            return new RunFingerprint(start, end);
        }
    }

    static RunManifest runOn(String spec) {
        RunManifest m = ClaimVerdictsTest.run(0.6);
        return m.withEndpoint(new RunManifest.EndpointRef("http://provider/v1", "openai", null, null, null, null, null, null,
                null, fingerprintOf(spec)));
    }

    static ClaimAssessment assess(RunManifest run, EndpointPin pin) {
        return ClaimVerdicts.assess(ClaimVerdictsTest.claim("accuracy", 0.80, ClaimVerdictsTest.STATED, false), run, List.of(),
                null, pin);
    }

    @Test
    void aRunWhoseFingerprintMatchesThePinCanReadConsistent() {
        RunManifest run = runOn("sim:maxModelLen=32768,quantization=fp8");
        assertThat(assess(run, new EndpointPin("o200k_base", 32768L, "fp8")).verdict()).isEqualTo(ClaimVerdict.CONSISTENT);
    }

    @ParameterizedTest(name = "{0} against tokenizer {1}, context {2}, precision {3}")
    @CsvSource(textBlock = """
            'sim:tokenizer=cl100k_base,maxModelLen=32768,quantization=fp8', o200k_base, 32768, fp8,  tokenizer family cl100k_base at the start
            'sim:maxModelLen=8192,quantization=fp8',                        o200k_base, 32768, fp8,  context length 8192 at the start
            'sim:maxModelLen=32768,quantization=awq',                       ,           ,      fp8,  precision {dtype=auto, quantization=awq}
            'sim',                                                          ,           ,      bf16, precision not reported
            'sim:swapAfter=14,swapTokenizer=cl100k_base',                   o200k_base, ,      ,     tokenizer family cl100k_base at the end
            """)
    void aRunWhoseFingerprintContradictsItsRecipeNeverReadsConsistent(String spec, String family, Long context,
                                                                      String precision, String note) {
        ClaimAssessment a = assess(runOn(spec), new EndpointPin(family, context, precision));
        assertThat(a.verdict()).isEqualTo(ClaimVerdict.SETTINGS_DIFFER);
        assertThat(a.note()).contains("endpoint differs from recipe: " + note);
    }

    @Test
    void aPinnedEndpointWithoutAFingerprintCannotBeShownAndDiffers() {
        ClaimAssessment a = assess(ClaimVerdictsTest.run(0.6), new EndpointPin("o200k_base", null, null));
        assertThat(a.verdict()).isEqualTo(ClaimVerdict.SETTINGS_DIFFER);
        assertThat(a.note()).contains("endpoint differs from recipe: the run has no endpoint fingerprint");
    }

    @Test
    void nothingPinnedChangesNothing() {
        assertThat(assess(runOn("sim:tokenizer=cl100k_base"), null).verdict()).isEqualTo(ClaimVerdict.CONSISTENT);
    }
}
