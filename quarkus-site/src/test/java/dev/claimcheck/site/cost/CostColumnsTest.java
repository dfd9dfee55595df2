package dev.claimcheck.site.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.SampleRoot;
import dev.claimcheck.site.SiteModel;
import dev.claimcheck.site.index.IndexLoader;
import dev.claimcheck.site.index.ResultsIndex;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.prices.Price;
import dev.claimcheck.site.prices.PriceTable;
import dev.claimcheck.site.prices.PricesReader;
import dev.claimcheck.site.render.SafeJson;
import dev.claimcheck.site.render.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cost and speed on the pages and in the API, over the fixture root with a price declared for one of its models
 * (a made-up price for a made-up model: the fixture's runs are all simulated).
 */
class CostColumnsTest {
    static final Price FIXTURE_PRICE = new Price("fixture/thinking-1t", "FixtureCloud", 1.0, 4.0, 0.25, "2026-12-01",
            "https://example.invalid/fixture-prices");

    static SiteModel priced() {
        ResultsIndex i = IndexLoader.load(SampleRoot.root(), SampleRoot.AT);
        return new SiteModel(new ResultsIndex(i.root(), i.runs(), i.excluded(), i.claims(), i.byId(), i.checkout(),
                new PriceTable(List.of(FIXTURE_PRICE))));
    }

    @Test
    void boardColumnsHaveExplicitTitlesWithTheirExplanation() {
        String html = Templates.get().render("index.ftlh", priced().leaderboard(Links.at(0, false)));

        assertThat(html).contains(
                "title=\"mean output tokens per attempt, reasoning included\">output tokens / attempt</th>",
                ">score per 1k output tokens</th>", ">$ per task</th>", ">$ per run</th>",
                "title=\"mean end-to-end time per request, from sending it to its last byte\">mean latency</th>");
        assertThat(html).doesNotContain(">/1k</th>", ">tokens</th>");
    }

    @Test
    void aPricedRunShowsItsCostWithThePriceUsedAndOthersSayNoDeclaredPrice() throws Exception {
        SiteModel m = priced();
        String html = Templates.get().render("index.ftlh", m.leaderboard(Links.at(0, false)));

        assertThat(html).contains("title=\"at FixtureCloud&#39;s list price read 2026-12-01: $1 input, $0.25 cached input, "
                + "$4 output per million tokens (https://example.invalid/fixture-prices); simulated run");
        assertThat(html).contains(" (sim)</td>", ">no declared price</td>");
        String modelPage = Templates.get().render("model.ftlh", m.model("fixture--thinking-1t", Links.at(1, false)).orElseThrow());
        assertThat(modelPage).contains(">$ per task</th>", ">mean latency</th>", " (sim)</td>").doesNotContain("no declared price");
    }

    @Test
    void theApiRowHoldsTheRunsCostAsItsJournalGivesItAndNullWithoutAPrice() throws Exception {
        SiteModel m = priced();
        JsonNode rows = Json.mapper().readTree(SafeJson.write(m.leaderboardJson())).get("rows");
        JsonNode ring = null;
        for (JsonNode r : rows) {
            if (r.get("runId").asText().equals(SampleRoot.RING_RUN)) {
                ring = r;
            } else if (!r.get("modelId").asText().equalsIgnoreCase(FIXTURE_PRICE.model())) {
                assertThat(r.get("usdPerTask").isNull()).as("unpriced %s", r.get("modelId")).isTrue();
                assertThat(r.get("priceProvider").isNull()).isTrue();
            }
        }
        // Summed here from the journal, attempt by attempt, independently of RunUsage.
        List<Sample> samples = Journal.readAll(m.index().run(SampleRoot.RING_RUN).orElseThrow().folder());
        double usd = 0;
        double e2e = 0;
        for (Sample s : samples) {
            usd += ((s.usage().promptTokens() - s.usage().cachedTokens()) * 1.0 + s.usage().cachedTokens() * 0.25
                    + s.usage().completionTokens() * 4.0) / 1e6;
            e2e += s.timing().e2eMs();
        }
        long tasks = samples.stream().map(Sample::taskId).distinct().count();
        assertThat(ring).isNotNull();
        assertThat(ring.get("usdPerRun").asDouble()).isCloseTo(usd, within(1e-12));
        assertThat(ring.get("usdPerTask").asDouble()).isCloseTo(usd / tasks, within(1e-12));
        assertThat(ring.get("meanLatencyMs").asDouble()).isCloseTo(e2e / samples.size(), within(1e-9));
        assertThat(ring.get("priceProvider").asText()).isEqualTo("FixtureCloud");
        assertThat(ring.get("priceRead").asText()).isEqualTo("2026-12-01");
        assertThat(ring.get("priceCachedInputUsdPerMtok").asDouble()).isEqualTo(0.25);
    }

    @Test
    void theLeaderboardJsonWithCostsConformsToItsSchema() throws Exception {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("../docs/schemas/leaderboard-v1.schema.json")), InputFormat.JSON);

        assertThat(schema.validate(SafeJson.write(priced().leaderboardJson()), InputFormat.JSON)).extracting(Error::toString)
                .isEmpty();
    }

    @Test
    void aBadPriceTableIsExcludedWithItsFieldAndNoRunIsPriced(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("results/prices"));
        Files.writeString(dir.resolve(PricesReader.REL), "{\"schema\": \"claimcheck/prices/v1\", \"prices\": [{\"model\": \"m\"}]}");

        ResultsIndex i = IndexLoader.load(new Root(dir), SampleRoot.AT);

        assertThat(i.prices().prices()).isEmpty();
        assertThat(i.excluded()).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo(PricesReader.REL);
            assertThat(e.reason()).isEqualTo(PricesReader.REL + ": prices[0].provider: expected a non-empty string");
        });
    }

    @Test
    void aRootWithoutATableUsesItsCheckoutsAndItsOwnTableWins(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path checkout = dir.resolve("checkout");
        Files.createDirectories(checkout.resolve("results/prices"));
        Files.writeString(checkout.resolve(PricesReader.REL), "{\"schema\": \"claimcheck/prices/v1\", \"prices\": ["
                + "{\"model\": \"m\", \"provider\": \"Theirs\", \"inputUsdPerMtok\": 1, \"outputUsdPerMtok\": 1,"
                + " \"read\": \"2026-12-01\", \"source\": \"https://example.invalid/p\"}]}");

        assertThat(IndexLoader.load(new Root(root), Optional.of(new Root(checkout)), SampleRoot.AT).prices().forModel("m"))
                .hasValueSatisfying(p -> assertThat(p.provider()).isEqualTo("Theirs"));
        Files.createDirectories(root.resolve("results/prices"));
        Files.writeString(root.resolve(PricesReader.REL), "{\"schema\": \"claimcheck/prices/v1\", \"prices\": []}");
        assertThat(IndexLoader.load(new Root(root), Optional.of(new Root(checkout)), SampleRoot.AT).prices().prices()).isEmpty();
    }
}
