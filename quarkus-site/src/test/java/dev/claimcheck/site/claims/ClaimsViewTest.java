package dev.claimcheck.site.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.model.Claim;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.TokenSummary;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.ClaimVerdicts;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.site.LanguageChecks;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.index.TrustBadge;
import dev.claimcheck.site.page.Fmt;
import dev.claimcheck.site.page.Lang;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.render.Templates;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A claim row offers its one-command reproduction only when the recipe exists, formats non-fraction values, renders
 * every §8 verdict from a real (non-simulated) run, and never judges a model by a simulated one.
 */
class ClaimsViewTest {
    /** A reproduction scoring 0.80 [0.70, 0.90] over 100 tasks at temperature 0.6. */
    static RunEntry run(boolean simulated) {
        ObjectNode t = Json.mapper().createObjectNode().put("temperature", 0.6);
        Metrics m = Metrics.shared(0.80, 0.70, 0.90, 100, 100, 100, Map.of(), 0, new TokenSummary(10, 10, 10),
                new TokenSummary(0, 0, 0), null);
        RunManifest manifest = new RunManifest(RunManifest.SCHEMA, "r1", RunStatus.COMPLETE, simulated, Lane.INSTANT,
                Workload.MATH, new RunManifest.SuiteRef("math", "1", new RunManifest.DatasetRef("gsm8k", "abc", "gsm8k.jsonl",
                false, null), null), new RunManifest.ModelRef("m/X", "m--x", null), null, null,
                new RunManifest.RequestSpec(t, 1, 0, null, 8, null, null), null, null, null, null, null, null, m, null, null);
        List<TrustBadge> badges = simulated ? List.of(TrustBadge.SIMULATED) : List.of();
        return new RunEntry(manifest, new RunFolder(Path.of("r1")), "results/runs/m--x/math/math/r1", badges, "unverified");
    }

    static Assessment judged(double value, String temperature, boolean undisclosed, RunEntry run) {
        Claim c = new Claim("c1", "math", "math", "gsm8k", "accuracy", value, "fraction",
                undisclosed ? Map.of() : Map.of("temperature", temperature), undisclosed,
                new Claim.Source("https://example.org", "2026-01-01", "retrieved", "t", null), "");
        ClaimsFile f = new ClaimsFile("results/claims/m--x.json", "m/X", "m--x", Lane.INSTANT, List.of(c));
        return new Assessment(f, c, ClaimVerdicts.assess(c, run.manifest(), List.of()), Optional.of(run), false);
    }

    @ParameterizedTest(name = "claim {0} at temperature {1} (undisclosed {2}) → {3}")
    @CsvSource(textBlock = """
            0.80, 0.6, false, consistent,     +0.0 pts
            0.95, 0.6, false, refuted,        -15.0 pts
            0.60, 0.6, false, exceeds,        +20.0 pts
            0.80, 1.0, false, settingsDiffer, +0.0 pts
            0.80, 0.6, true,  undisclosed,    +0.0 pts
            """)
    void aRealRunGetsEachVerdictOnThePage(double value, String temperature, boolean undisclosed, String verdict,
                                          String difference) {
        ClaimsPage.Row row = ClaimsView.row(judged(value, temperature, undisclosed, run(false)), Links.at(0, false));
        assertThat(row.verdict()).isEqualTo(verdict);
        assertThat(row.difference()).isEqualTo(difference);
        assertThat(row.simulated()).isFalse();
        String html = Templates.get().render("claims.ftlh", new ClaimsPage(Links.at(0, false).nav(), List.of(row), List.of()));
        assertThat(html).contains("verdict verdict-" + verdict).doesNotContain("badge badge-simulated\">SIM</span>");
    }

    @Test
    void aSimulatedRunIsNotReproducedWithItsFigureShownAsSim() {
        ClaimsPage.Row row = ClaimsView.row(judged(0.95, "0.6", false, run(true)), Links.at(0, false));
        assertThat(row.verdict()).isEqualTo("notReproduced");
        assertThat(row.note()).startsWith("only simulated runs (a harness self-test, not evidence about the model)");
        assertThat(row.measured()).isEqualTo("80.0%");
        assertThat(row.difference()).as("never set against the vendor's number").isEqualTo(Fmt.NONE);
        assertThat(row.simulated()).isTrue();
        String html = Templates.get().render("claims.ftlh", new ClaimsPage(Links.at(0, false).nav(), List.of(row), List.of()));
        assertThat(html).contains("verdict verdict-notReproduced", "badge badge-simulated\">SIM</span>",
                "only simulated runs (a harness self-test, not evidence about the model)");
    }

    @Test
    void onTheChinesePageTheNoteAndThePowerSentenceAreChineseWithTheSameFigures() {
        Assessment a = judged(0.95, "0.6", false, run(false));
        Links zh = Links.page("claims", false, Lang.ZH);
        ClaimsPage.Row en = ClaimsView.row(a, Links.at(0, false));
        ClaimsPage.Row row = ClaimsView.row(a, zh);
        assertThat(en.note()).startsWith("claim above the 95% CI · refuting 95.0% when the truth is 5 points lower needs about 150");
        assertThat(row.note()).startsWith("宣称值高于 95% 置信区间 · 当真实值比宣称的 95.0% 低 5 个百分点时，要否定该宣称约需 150 个");
        String html = Templates.get().render("claims.ftlh", new ClaimsPage(zh.nav(), List.of(row), List.of()));
        assertThat(LanguageChecks.englishChrome(html)).as("no English sentence of audit-core on the Chinese page").isEmpty();
        String english = Templates.get().render("claims.ftlh", new ClaimsPage(zh.nav(), List.of(en), List.of()));
        assertThat(LanguageChecks.englishChrome(english)).as("the check catches an English power sentence on a Chinese page")
                .contains("independent tasks × attempts (80% power, one-sided 2.5%)", "claim above the 95% CI");
    }

    @Test
    void onTheChinesePageEachSettingsDifferLineIsChineseWithItsValues() {
        // Stated temperature and topP (the body leaves topP to the server) and an unchecked numShots, in the order of
        // their names; the recipe pins a dataset the run did not read (no answers hash recorded) and an endpoint the
        // run has no fingerprint of.
        Map<String, String> stated = Map.of("temperature", "1.0", "topP", "0.95", "numShots", "5");
        Claim c = new Claim("c1", "math", "math", "gsm8k", "accuracy", 0.80, "fraction", stated, false,
                new Claim.Source("https://example.org", "2026-01-01", "retrieved", "t", null), "");
        var pin = new dev.claimcheck.core.model.RecipeSpec.DatasetPin("gsm8k", "https://example.org/test.jsonl", "o/r@c",
                "data/test.jsonl", "a".repeat(64), "b".repeat(64), "pinned", null, null);
        var endpoint = new dev.claimcheck.core.model.RecipeSpec.EndpointPin("o200k_base", 131072L, "fp8");
        ClaimsFile f = new ClaimsFile("results/claims/m--x.json", "m/X", "m--x", Lane.INSTANT, List.of(c));
        Assessment a = new Assessment(f, c, ClaimVerdicts.assess(c, run(false).manifest(), List.of(), pin, endpoint),
                Optional.of(run(false)), false);
        assertThat(a.verdict().id()).isEqualTo("settingsDiffer");
        assertThat(ClaimsView.row(a, Links.at(0, false)).note()).as("the English is the CLI's, lines joined by '; '")
                .startsWith(String.join("; ", a.judged().differences()))
                .startsWith("dataset: the recipe pins sha256 " + "a".repeat(64) + ", the run read abc; dataset: the recipe pins "
                        + "answersSha256 " + "b".repeat(64) + ", the run's answers hash is not recorded; endpoint differs from "
                        + "recipe: the run has no endpoint fingerprint to check the pinned endpoint against; numShots: claimed "
                        + "5, not checked by this harness; temperature: claimed 1.0, used 0.6; topP: claimed 0.95, used server "
                        + "default · refuting");
        Links zh = Links.page("claims", false, Lang.ZH);
        ClaimsPage.Row row = ClaimsView.row(a, zh);
        assertThat(row.note()).startsWith("数据集：配方固定的 sha256 为 " + "a".repeat(64) + "，该运行读取的是 abc；数据集：配方固定的 "
                + "answersSha256 为 " + "b".repeat(64) + "，该运行未记录答案哈希；端点与配方不符：该运行没有端点指纹，无法核对配方固定的端点；"
                + "numShots：宣称 5，本评测工具无法核对；temperature：宣称 1.0，实际使用 0.6；topP：宣称 0.95，实际使用服务端默认值 · ");
        String html = Templates.get().render("claims.ftlh", new ClaimsPage(zh.nav(), List.of(row), List.of()));
        assertThat(LanguageChecks.englishChrome(html)).as("no English line of audit-core on the Chinese page").isEmpty();
    }

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
    void aDerivedValueSaysSoAndAnAccuracyShowsWhetherItIsAWholeCountOfItsTasks() {
        Claim derived = new Claim("c1", "math", "math", "gsm8k", "outputTokensMean", 127.3, "tokens", Map.of(), Map.of(), true,
                new Claim.Source("https://example.org", "2026-01-01", "retrieved", "t", null), "560.642 × 45.410 / 200", true, "");
        ClaimsFile f = new ClaimsFile("results/claims/m--x.json", "m/X", "m--x", Lane.INSTANT, List.of(derived));
        Assessment a = new Assessment(f, derived, ClaimVerdicts.assess(derived, null, List.of()), Optional.empty(), false);
        assertThat(ClaimsView.row(a, Links.at(0, false)).claimed()).endsWith(" (derived)");

        Claim accuracy = new Claim("c2", "math", "math", "gsm8k", "accuracy", 0.957, "fraction", Map.of("tasks", "200"), false,
                new Claim.Source("https://example.org", "2026-01-01", "retrieved", "t", null), "");
        ClaimsFile g = new ClaimsFile("results/claims/m--x.json", "m/X", "m--x", Lane.INSTANT, List.of(accuracy));
        Assessment b = new Assessment(g, accuracy, ClaimVerdicts.assess(accuracy, null, List.of()), Optional.empty(), false);
        assertThat(ClaimsView.row(b, Links.at(0, false)).note())
                .contains("implausible: 0.957 × 200 = 191.4: no whole count of 200 rounds to 0.957");

        Links zh = Links.page("claims", false, Lang.ZH);
        assertThat(ClaimsView.row(a, zh).claimed()).endsWith("（推算值）");
        assertThat(ClaimsView.row(b, zh).note()).contains("不合理：0.957 × 200 = 191.4：200 次中任何整数次数都不能四舍五入为 0.957");
    }

    @Test
    void theDatasetsPublicDateStandsBesideTheModelsRelease() {
        Claim c = new Claim("c1", "math", "math", "aime_2026", "outputTokensMean", 5890, "tokens", Map.of(), Map.of(), true,
                new Claim.Source("https://example.org", "2026-02-16", "published", "t", null), "", false, "2026-02-06");
        ClaimsFile f = new ClaimsFile("results/claims/m--x.json", "m/X", "m--x", Lane.INSTANT, List.of(c), "2026-02-16");
        Assessment a = new Assessment(f, c, ClaimVerdicts.assess(c, null, List.of()), Optional.empty(), false);
        assertThat(ClaimsView.row(a, Links.at(0, false)).note())
                .contains("dataset public 2026-02-06, model released 2026-02-16 (10 days before the model's release)");
        assertThat(ContaminationWindow.text("2026-03-01", "2026-02-16", Links.at(0, false)))
                .isEqualTo("dataset public 2026-03-01, model released 2026-02-16 (13 days after the model's release)");
        assertThat(ContaminationWindow.text("", "2026-02-16", Links.at(0, false))).isEmpty();
        Links zh = Links.page("claims", false, Lang.ZH);
        assertThat(ContaminationWindow.text("2026-03-01", "2026-02-16", zh)).isEqualTo("数据集公开于 2026-03-01，模型发布于 2026-02-16（模型发布后 13 天）");
        assertThat(ContaminationWindow.text("2026-02-15", "2026-02-16", Links.at(0, false))).endsWith("(1 day before the model's release)");
        assertThat(ContaminationWindow.text("2026-02-16", "2026-02-16", zh)).endsWith("（模型发布当天）");
    }

    @Test
    void claimedValuesReadInTheirUnit() {
        assertThat(ClaimsView.row(assessment("accuracy", 0.955, "fraction", false), Links.at(0, false)).claimed()).isEqualTo("95.5%");
        assertThat(ClaimsView.row(assessment("parametersActive", 6.3e10, "parameters", false), Links.at(0, false)).claimed())
                .isEqualTo("63B parameters");
        assertThat(ClaimsView.row(assessment("outputThroughput", 412.36, "tokens/s", false), Links.at(0, false)).claimed())
                .isEqualTo("412.36 tokens/s");
    }

    @Test
    void aScriptDefaultIsMarkedApartFromWhatTheVendorStated() {
        Claim c = new Claim("c1", "math", "math", "gsm8k", "accuracy", 0.8, "fraction",
                Map.of("numShots", "5", "temperature", "0.6"),
                Map.of("numShots", dev.claimcheck.core.model.SettingBasis.SCRIPT_DEFAULT,
                        "topP", dev.claimcheck.core.model.SettingBasis.UNDISCLOSED), false,
                new Claim.Source("https://example.org", "2026-01-01", "retrieved", "t", null), "");
        ClaimsFile f = new ClaimsFile("results/claims/m--x.json", "m/X", "m--x", Lane.INSTANT, List.of(c));
        RunEntry run = run(false);
        Assessment a = new Assessment(f, c, ClaimVerdicts.assess(c, run.manifest(), List.of()), Optional.of(run), false);
        assertThat(ClaimsView.row(a, Links.at(0, false)).settings()).isEqualTo("numShots=5 (script default), temperature=0.6");
        assertThat(ClaimsView.row(a, Links.page("claims", false, Lang.ZH)).settings()).isEqualTo("numShots=5（脚本默认值）, temperature=0.6");
    }
}
