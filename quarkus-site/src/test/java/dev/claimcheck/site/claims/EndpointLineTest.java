package dev.claimcheck.site.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Fingerprint;
import dev.claimcheck.core.model.RecipeSpec.EndpointPin;
import dev.claimcheck.core.model.RunFingerprint;
import dev.claimcheck.core.model.RunManifest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The claims page shows a run's fingerprint beside the endpoint its recipe expects. */
class EndpointLineTest {
    static RunManifest withFingerprint(RunManifest m, String family, Long context, Map<String, String> precision) {
        Fingerprint f = new Fingerprint("2026-01-01T00:00:00Z",
                new Fingerprint.Served(List.of("m"), context, "sglang", "0.5", precision),
                new Fingerprint.TokenizerProbe(Map.of(), family, family, 0),
                new Fingerprint.TemplateProbe(14L, 0L, Fingerprint.ReasoningPlacement.FIELD, Fingerprint.ToolCallParsing.NATIVE),
                List.of(), new Fingerprint.Cost(14, 0, 200, 100));
        return m.withEndpoint(new RunManifest.EndpointRef("http://h/v1", "openai", "sglang", "0.5", null, null, null, null, null,
                new RunFingerprint(f, f)));
    }

    @Test
    void theRunsFingerprintStandsBesideWhatTheRecipeExpects() {
        RunManifest m = withFingerprint(ClaimsViewTest.run(false).manifest(), "cl100k_base", 32768L, Map.of("quantization", "fp8"));
        assertThat(EndpointLine.of(m, new EndpointPin("o200k_base", 32768L, null)))
                .isEqualTo("tokenizer cl100k_base (recipe: o200k_base) · context 32768 (recipe: 32768) · precision quantization=fp8");
    }

    @Test
    void aPinWithoutAFingerprintSaysSo() {
        assertThat(EndpointLine.of(ClaimsViewTest.run(false).manifest(), new EndpointPin("o200k_base", null, "bf16")))
                .isEqualTo("no fingerprint in the run; the recipe expects tokenizer o200k_base, precision bf16");
    }

    @Test
    void neitherFingerprintNorPinShowsNothing() {
        assertThat(EndpointLine.of(ClaimsViewTest.run(false).manifest(), null)).isEmpty();
        assertThat(EndpointLine.of(null, null)).isEmpty();
    }
}
