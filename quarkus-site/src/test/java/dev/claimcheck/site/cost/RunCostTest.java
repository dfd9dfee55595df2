package dev.claimcheck.site.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.claimcheck.core.model.AttemptError;
import dev.claimcheck.core.model.ErrorCause;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Timing;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.site.page.Lang;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.prices.Price;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a run costs at a declared price, and how long its requests took. */
class RunCostTest {
    static final Links EN = Links.page("", false, Lang.EN);
    static final Links ZH = Links.page("", false, Lang.ZH);
    static final Price PRICE = new Price("vendor/Model-1T", "SomeProvider", 0.50, 2.00, 0.10, "2026-12-01",
            "https://example.invalid/prices");

    static Sample sample(String task, int attempt, long prompt, long cached, long completion, Double e2eMs) {
        return new Sample(task, attempt, null, "0".repeat(64), null, null, null, new Usage(prompt, completion, 0, cached),
                new Timing(null, null, null, null, e2eMs), new Verdict(true, 1, "1", "1", "test", "1", ""), null, null);
    }

    /** Two tasks, three attempts; task a's second attempt was served wholly from the prefix cache. */
    static final List<Sample> RUN = List.of(
            sample("a", 0, 1_000, 400, 500, 100.0),
            sample("a", 1, 1_000, 1_000, 300, 300.0),
            sample("b", 0, 2_000, 0, 1_200, null));

    @Test
    void aRunCostsItsUncachedInputCachedInputAndOutputTokensEachAtTheirRate() {
        // prompt 4,000 of which cached 400 + 1,000 = 1,400, so uncached 2,600; completion 500 + 300 + 1,200 = 2,000.
        // 2,600 × $0.50 + 1,400 × $0.10 + 2,000 × $2.00 per million = $0.0013 + $0.00014 + $0.004 = $0.00544 per run;
        // over 2 tasks (a with both its attempts, b) = $0.00272 per task.
        RunCost c = RunCost.of(RunUsage.of(RUN), PRICE);

        assertThat(c.usdPerRun()).isCloseTo(0.00544, within(1e-12));
        assertThat(c.usdPerTask()).isCloseTo(0.00272, within(1e-12));
        assertThat(CostText.usd(c.usdPerTask())).isEqualTo("$0.0027");
    }

    @Test
    void cachedInputIsPricedApartAndAtTheInputRateWhenTheProviderDeclaresNoCachedRate() {
        Price noCachedRate = new Price(PRICE.model(), PRICE.provider(), 0.50, 2.00, null, PRICE.read(), PRICE.source());
        // All 4,000 prompt tokens at $0.50 + 2,000 × $2.00 per million = $0.002 + $0.004 = $0.006: more than $0.00544,
        // by exactly the 1,400 cached tokens × ($0.50 − $0.10) per million = $0.00056.
        double without = RunCost.of(RunUsage.of(RUN), noCachedRate).usdPerRun();
        double with = RunCost.of(RunUsage.of(RUN), PRICE).usdPerRun();

        assertThat(without).isCloseTo(0.006, within(1e-12));
        assertThat(without - with).isCloseTo(1_400 * (0.50 - 0.10) / 1e6, within(1e-12));
    }

    @Test
    void aServerReportingMoreCachedThanPromptTokensNeverMakesInputCostLessThanTheCachedRate() {
        RunUsage u = RunUsage.of(List.of(sample("a", 0, 100, 150, 0, null)));

        assertThat(u.cachedTokens()).isEqualTo(100);
        assertThat(RunCost.of(u, PRICE).usdPerRun()).isCloseTo(100 * 0.10 / 1e6, within(1e-15));
    }

    @Test
    void anAttemptThatErroredBeforeAResponseAddsNoTokensAndDoesNotLowerTheMeanInputTokens() {
        Sample errored = new Sample("c", 0, null, "0".repeat(64), null, null, null, Usage.NONE, Timing.NONE, null,
                new AttemptError(ErrorCause.TIMEOUT, "timed out", 0), null);
        List<Sample> run = new java.util.ArrayList<>(RUN);
        run.add(errored);
        RunUsage u = RunUsage.of(run);

        // 4,000 prompt tokens over the 3 attempts that reported counts, not over 4; task c still counts as a task.
        assertThat(u.meanPromptTokens()).isCloseTo(4_000 / 3.0, within(1e-9));
        assertThat(u.tasks()).isEqualTo(3);
        assertThat(RunCost.of(u, PRICE).usdPerRun()).isCloseTo(0.00544, within(1e-12));
        assertThat(RunCost.of(RunUsage.of(List.of(errored)), PRICE)).isNull();
    }

    @Test
    void meanLatencyIsOverTheTimedAttemptsOnly() {
        // (100 + 300) / 2 timed attempts = 200 ms; b's attempt has no end-to-end time and is not counted as 0.
        RunUsage u = RunUsage.of(RUN);

        assertThat(u.meanE2eMs()).isEqualTo(200.0);
        assertThat(CostText.latency(RowEconomics.of(RunEconomics.of(u, PRICE, false)), false, EN)).isEqualTo("200 ms");
        assertThat(RunUsage.of(List.of(sample("a", 0, 1, 0, 1, null))).meanE2eMs()).isNull();
    }

    @Test
    void aModelWithoutADeclaredPriceShowsNoDeclaredPriceAndNullDollarsNeverZero() {
        RowEconomics e = RowEconomics.of(RunEconomics.of(RunUsage.of(RUN), null, false));

        assertThat(e.usdPerTask()).isNull();
        assertThat(e.usdPerRun()).isNull();
        assertThat(e.priceProvider()).isNull();
        assertThat(CostText.perTask(e, false, EN)).isEqualTo("no declared price");
        assertThat(CostText.perRun(e, false, EN)).as("said once per row").isEqualTo("—");
        assertThat(CostText.title(e, false, EN)).isEqualTo("the price table (results/prices/prices.json) lists no price for this model");
        assertThat(e.meanInputTokens()).isCloseTo(4_000 / 3.0, within(1e-9));
    }

    @Test
    void aPricedRunWithoutTokenCountsSaysSoInsteadOfCostingNothing() {
        RowEconomics e = RowEconomics.of(RunEconomics.of(RunUsage.of(List.of(sample("a", 0, 0, 0, 0, 50.0))), PRICE, false));

        assertThat(e.usdPerTask()).isNull();
        assertThat(CostText.perTask(e, false, EN)).isEqualTo("no token counts");
    }

    @Test
    void simulatedFiguresSaySimulatedAndTheTitleNamesThePriceUsed() {
        RowEconomics e = RowEconomics.of(RunEconomics.of(RunUsage.of(RUN), PRICE, true));

        assertThat(CostText.perTask(e, true, EN)).isEqualTo("$0.0027 (sim)");
        assertThat(CostText.perRun(e, true, EN)).isEqualTo("$0.0054 (sim)");
        assertThat(CostText.latency(e, true, EN)).isEqualTo("200 ms (sim)");
        assertThat(CostText.title(e, true, EN)).contains("SomeProvider's list price read 2026-12-01", "$0.5 input",
                "$0.1 cached input", "$2 output per million tokens", "https://example.invalid/prices",
                "simulated run: the simulator's token counts priced");
        assertThat(CostText.perTask(e, false, EN)).isEqualTo("$0.0027");
    }

    @Test
    void aChinesePageSaysTheSameInChinese() {
        RowEconomics none = RowEconomics.of(RunEconomics.of(RunUsage.of(RUN), null, false));
        RowEconomics sim = RowEconomics.of(RunEconomics.of(RunUsage.of(RUN), PRICE, true));

        assertThat(CostText.perTask(none, false, ZH)).isEqualTo("无公布价格");
        assertThat(CostText.perTask(sim, true, ZH)).isEqualTo("$0.0027 （模拟）");
        assertThat(CostText.title(sim, true, ZH)).contains("SomeProvider", "2026-12-01", "$0.5", "$0.1", "$2",
                "https://example.invalid/prices").doesNotContain("list price", "simulated");
    }

    @Test
    void dollarsAreShownToCentsAboveOneDollarAndToTwoSignificantFiguresBelowACent() {
        assertThat(CostText.usd(12.5)).isEqualTo("$12.50");
        assertThat(CostText.usd(1234.5)).isEqualTo("$1,234.50");
        assertThat(CostText.usd(0.123)).isEqualTo("$0.123");
        assertThat(CostText.usd(0.000_123_4)).isEqualTo("$0.00012");
        assertThat(CostText.usd(0)).isEqualTo("$0.000");
    }
}
