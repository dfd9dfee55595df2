package dev.claimcheck.site.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Claim;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.stats.ClaimVerdicts;
import dev.claimcheck.site.claims.Assessment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A claim row offers its one-command reproduction only when the recipe exists, and formats non-fraction values. */
class ClaimsViewTest {
    static Assessment assessment(String metric, double value, String unit, boolean recipe) {
        Claim c = new Claim("c1", "math", "math", "gsm8k", metric, value, unit, Map.of(), true,
                new Claim.Source("https://example.org", "2026-01-01", "retrieved", "t", null), "n");
        ClaimsFile f = new ClaimsFile("results/claims/m--x.json", "m/X", "m--x", Lane.INSTANT, List.of(c));
        return new Assessment(f, c, ClaimVerdicts.assess(c, null, List.of()), Optional.empty(), recipe);
    }

    @Test
    void theAliasIsShownOnlyWithARecipe() {
        assertThat(ClaimsView.row(assessment("accuracy", 0.96, "fraction", true), Links.at(0, false)).reproduce())
                .isEqualTo("./jbang m--x-c1@. --base-url URL");
        assertThat(ClaimsView.row(assessment("accuracy", 0.96, "fraction", false), Links.at(0, false)).reproduce()).isEmpty();
    }

    @Test
    void claimedValuesReadInTheirUnit() {
        assertThat(ClaimsView.row(assessment("accuracy", 0.955, "fraction", false), Links.at(0, false)).claimed()).isEqualTo("95.5%");
        assertThat(ClaimsView.row(assessment("parametersActive", 6.3e10, "parameters", false), Links.at(0, false)).claimed())
                .isEqualTo("63,000,000,000 parameters");
        assertThat(ClaimsView.row(assessment("outputThroughput", 412.36, "tokens/s", false), Links.at(0, false)).claimed())
                .isEqualTo("412.360 tokens/s");
    }
}
