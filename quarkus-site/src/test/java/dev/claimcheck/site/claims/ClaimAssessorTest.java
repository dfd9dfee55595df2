package dev.claimcheck.site.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.site.SampleRoot;
import dev.claimcheck.site.index.IndexLoader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The site judges the sample root's claims with audit-core's verdicts (no copy of the rules here). */
class ClaimAssessorTest {
    @Test
    void fixtureClaimsGetTheirVerdicts() {
        List<Assessment> a = ClaimAssessor.assess(IndexLoader.load(SampleRoot.root(), Instant.EPOCH));
        assertThat(a).extracting(x -> x.file().modelSlug() + "/" + x.claim().id() + "=" + x.verdict().id()).containsExactly(
                "fixture--instant-1t/arith-fixture=undisclosed",
                "fixture--thinking-1t/arith-fixture=settingsDiffer",
                "fixture--thinking-1t/gsm8k-cookbook=notReproduced");
        assertThat(a.get(1).differences()).contains("temperature: claimed 1.2, used server default", "tasks: claimed 200, used 5");
        assertThat(a.get(1).judged().power()).startsWith("refuting 95.5% when the truth is 5 points lower needs about 135");
    }
}
