package dev.claimcheck.site.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.SiteModel;
import dev.claimcheck.site.index.IndexLoader;
import dev.claimcheck.site.LanguageChecks;
import dev.claimcheck.site.page.Lang;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.render.Templates;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which runs the routing page pairs: the claim pair's family (Ling-2.5-1T ↔ Ring-2.5-1T) before later runs of
 * unrelated models, and any other pair of the group when the reader chooses it on the server.
 */
class RoutingPairsTest {
    @TempDir
    static Path root;

    static SiteModel model;

    @BeforeAll
    static void familyThenLaterStrangers() throws InterruptedException {
        run("inclusionAI/Ling-2.5-1T", "instant");
        run("inclusionAI/Ring-2.5-1T", "thinking");
        Thread.sleep(1100); // run ids are stamped to the second: the strangers are later
        run("other/Flaky-7B", "instant");
        run("else/Deep-70B", "thinking");
        model = new SiteModel(IndexLoader.load(new Root(root), Instant.now()));
    }

    static void run(String model, String lane) {
        RoutingViewTest.audit("arith", "--problems", "20", "--seed", "0", "--lane", lane, "--model", model,
                "--base-url", "sim", "--root", root.toString());
    }

    @Test
    void familyIsOrganisationAndTheNameAfterItsFirstWord() {
        assertThat(RoutingPairs.Relation.of("inclusionAI/Ling-2.5-1T", "inclusionAI/Ring-2.5-1T"))
                .isEqualTo(RoutingPairs.Relation.SAME_FAMILY);
        assertThat(RoutingPairs.Relation.of("org/M-1", "ORG/m-1")).isEqualTo(RoutingPairs.Relation.SAME_MODEL);
        assertThat(RoutingPairs.Relation.of("inclusionAI/Ling-2.5-1T", "inclusionAI/Ring-1T"))
                .isEqualTo(RoutingPairs.Relation.UNRELATED);
        assertThat(RoutingPairs.Relation.of("a/Ling-2.5-1T", "b/Ring-2.5-1T")).isEqualTo(RoutingPairs.Relation.UNRELATED);
    }

    @Test
    void theDefaultPairIsTheFamilyNotTheLatestRuns() {
        RoutingPage.Section s = model.routing("arith", Links.at(1, false)).orElseThrow().sections().get(0);
        assertThat(s.instantModel()).isEqualTo("inclusionAI/Ling-2.5-1T");
        assertThat(s.thinkingModel()).isEqualTo("inclusionAI/Ring-2.5-1T");
        assertThat(s.relation()).isEqualTo("one model family");
        assertThat(s.chosen()).isFalse();
        assertThat(s.instants()).hasSize(2);
        assertThat(s.instants()).filteredOn(RoutingPage.Choice::selected).extracting(RoutingPage.Choice::runId)
                .containsExactly(s.instantRun());
    }

    @Test
    void aReaderMayPairAnyInstantRunWithAnyThinkingRunOfTheGroupAndIsToldWhenTheChoiceIsNotOne() {
        RoutingPage.Section dflt = model.routing("arith", Links.at(1, false)).orElseThrow().sections().get(0);
        String flaky = dflt.instants().stream().filter(c -> c.label().startsWith("other/Flaky-7B")).findFirst().orElseThrow().runId();
        String deep = dflt.thinkings().stream().filter(c -> c.label().startsWith("else/Deep-70B")).findFirst().orElseThrow().runId();
        RoutingPage page = model.routing("arith", Links.at(1, false), flaky, deep).orElseThrow();
        RoutingPage.Section s = page.sections().get(0);
        assertThat(s.instantRun()).isEqualTo(flaky);
        assertThat(s.thinkingRun()).isEqualTo(deep);
        assertThat(s.relation()).isEqualTo("unrelated models");
        assertThat(s.chosen()).isTrue();
        assertThat(page.note()).isEmpty();
        String html = Templates.get().render("routing.ftlh", page);
        assertThat(html).contains("<form class=\"pair-select\" method=\"get\">", "Pair: unrelated models (your choice)",
                "<option value=\"" + flaky + "\" selected>");

        RoutingPage swapped = model.routing("arith", Links.at(1, false), deep, flaky).orElseThrow();
        assertThat(swapped.note()).contains("are not one suite's runs on one dataset here");
        assertThat(model.routing("arith", Links.page("routing/arith", false, Lang.ZH), deep, flaky)
                .orElseThrow().note()).isEqualTo("即时运行 " + deep + " 和思考运行 " + flaky + " 在这里不是同一测试集、同一数据集上的运行；下面显示的是默认配对。");
        assertThat(swapped.sections().get(0).instantRun()).isEqualTo(dflt.instantRun());
    }

    @Test
    void theStaticExportShowsTheDefaultPairWithoutASelectorItCouldNotServe() {
        RoutingPage page = model.routing("arith", Links.at(1, true)).orElseThrow();
        assertThat(page.selectable()).isFalse();
        assertThat(Templates.get().render("routing.ftlh", page)).doesNotContain("<form").contains("Pair: one model family (default)");
        assertThat(Templates.get().render("routingindex.ftlh", model.routingIndex(Links.at(0, true)))).doesNotContain("href=\"./compare");
        String zh = Templates.get().render("routing.ftlh", model.routing("arith", Links.page("routing/arith", true, Lang.ZH)).orElseThrow());
        // stats.RoutingSentence (audit-core) words its computed sentence in English only, so far (docs/site.md "Languages")
        String chrome = zh.replaceAll("<p class=\"sentence\">[^<]*</p>", "");
        assertThat(LanguageChecks.checkPage("zh routing", chrome, Lang.ZH)).isEqualTo("../../routing/arith.html");
        assertThat(zh).contains("配对： 同一模型系列 （默认）").contains("<h1>即时还是思考？arith 上的路由策略</h1>");
        assertThat(Templates.get().render("routingindex.ftlh", model.routingIndex(Links.at(0, false))))
                .contains("href=\"./compare\"");
    }
}
