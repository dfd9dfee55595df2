package dev.claimcheck.site.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.stats.ClaimVerdicts;
import dev.claimcheck.site.SampleRoot;
import dev.claimcheck.site.index.IndexLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The site judges the sample root's claims with audit-core's verdicts (no copy of the rules here). Every fixture run
 * is simulated, so no claim gets a verdict about the model; each verdict is covered by ClaimVerdictsTest and
 * ClaimsViewTest with non-simulated runs.
 */
class ClaimAssessorTest {
    @Test
    void fixtureClaimsMatchedOnlyBySimulatedRunsAreNotReproducedButShowTheSimulatedFigure() {
        List<Assessment> a = ClaimAssessor.assess(IndexLoader.load(SampleRoot.root(), SampleRoot.AT));
        assertThat(a).extracting(x -> x.file().modelSlug() + "/" + x.claim().id() + "=" + x.verdict().id()).containsExactly(
                "fixture--instant-1t/arith-fixture=notReproduced",
                "fixture--thinking-1t/arith-fixture=notReproduced",
                "fixture--thinking-1t/gsm8k-cookbook=notReproduced");
        for (Assessment matched : a.subList(0, 2)) {
            assertThat(matched.run()).hasValueSatisfying(r -> assertThat(r.simulated()).isTrue());
            assertThat(matched.note()).isEqualTo(ClaimVerdicts.SIMULATED_ONLY);
            assertThat(matched.measured()).as("the simulated figure is still shown").isNotNull();
            assertThat(matched.ciLow()).isNotNull();
        }
        assertThat(a.get(2).run()).isEmpty();
        assertThat(a.get(2).note()).isEqualTo("no run yet");
        assertThat(a.get(1).judged().power()).startsWith("refuting 95.5% when the truth is 5 points lower needs about 135");
        // The pairing still finds the run whose settings a real reproduction would be compared with.
        assertThat(ClaimVerdicts.differences(a.get(1).claim().settings(), a.get(1).run().orElseThrow().manifest()).stream()
                .map(dev.claimcheck.core.stats.Sentence::english))
                .contains("temperature: claimed 1.2, used server default", "tasks: claimed 200, used 5");
    }
}
