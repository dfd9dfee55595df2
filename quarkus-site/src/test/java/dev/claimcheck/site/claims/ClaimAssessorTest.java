package dev.claimcheck.site.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.site.SampleRoot;
import dev.claimcheck.site.index.IndexLoader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimAssessorTest {
    @Test
    void fixtureClaimsGetTheirVerdicts() {
        List<Assessment> a = ClaimAssessor.assess(IndexLoader.load(SampleRoot.root(), Instant.EPOCH));
        assertThat(a).extracting(x -> x.file().modelSlug() + "/" + x.claim().id() + "=" + x.verdict().id()).containsExactly(
                "fixture--instant-1t/arith-fixture=undisclosed",
                "fixture--thinking-1t/arith-fixture=settingsDiffer",
                "fixture--thinking-1t/gsm8k-cookbook=notReproduced");
        assertThat(a.get(1).differences()).contains("temperature: claimed 1.2, used server default", "tasks: claimed 200, used 5");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # case,                 score, claim, p below
            claim far above,        0.5,   0.9,   0.0
            claim at score,         0.7,   0.7,   0.5
            """)
    void oneSidedPValue(String name, double score, double claim, double expected) {
        assertThat(ClaimAssessor.pBelow(score, claim, score - 0.1, score + 0.1)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void normalCdf() {
        assertThat(ClaimAssessor.normalCdf(1.959964)).isCloseTo(0.975, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(ClaimAssessor.normalCdf(-1.644854)).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-6));
    }
}
