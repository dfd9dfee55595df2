package dev.claimcheck.site.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.cli.AuditCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.SiteModel;
import dev.claimcheck.site.index.IndexLoader;
import dev.claimcheck.site.page.Lang;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.render.Templates;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routing page of a root holding an instant and a thinking run of the real engine against the simulator on
 * the same tasks: chart (inline SVG, no script), table of every strategy, the computed sentence, the SIM badge.
 */
class RoutingViewTest {
    @TempDir
    static Path root;

    static SiteModel model;

    static void audit(String... args) {
        StringWriter err = new StringWriter();
        int code = Cli.execute(new AuditCommand(), new PrintWriter(err, true), args);
        assertThat(code).as(err.toString()).isZero();
    }

    @BeforeAll
    static void twoLanes() {
        audit("arith", "--problems", "40", "--seed", "0", "--lane", "instant", "--base-url", "sim:accuracy=0.6,seed=11",
                "--root", root.toString());
        audit("arith", "--problems", "40", "--seed", "0", "--lane", "thinking", "--base-url", "sim:accuracy=0.9,seed=22",
                "--root", root.toString());
        model = new SiteModel(IndexLoader.load(new Root(root), Instant.now())); // the runs were made just now
    }

    @Test
    void theRoutingIndexLinksEachWorkloadsPage() {
        String html = Templates.get().render("routingindex.ftlh", model.routingIndex(Links.at(0, true)));
        assertThat(html).contains("<a href=\"./routing/arith.html\">arith</a>")
                .contains("<a href=\"./routing.html\" aria-current=\"page\">Routing</a>");
    }

    @Test
    void aPairOfLanesOnTheSameTasksHasARoutingPage() {
        assertThat(model.routingWorkloads()).containsExactly("arith");
        assertThat(model.routing("math", Links.at(1, false))).isEmpty();
        RoutingPage page = model.routing("arith", Links.at(1, false)).orElseThrow();
        assertThat(page.sections()).hasSize(1);
        RoutingPage.Section s = page.sections().get(0);
        assertThat(s.simulated()).isTrue();
        assertThat(s.tasks()).isEqualTo(40);
        assertThat(s.sentence()).startsWith("Simulated runs (a harness self-test, not a result): ");
        assertThat(s.rows()).extracting(RoutingPage.Row::strategy).contains("instant-only", "thinking-only", "oracle",
                "escalate-on-unparsed", "escalate-on-disagreement", "escalate-over-budget");

        String html = Templates.get().render("routing.ftlh", page);
        assertThat(html).contains("<svg class=\"routing-chart\"", "<polyline", "badge-simulated", s.sentence().substring(0, 40))
                .doesNotContain("<script>").doesNotContain("style=\"");
    }

    @Test
    void theChinesePageWordsTheComputedSentenceInChineseWithTheSameFigures() {
        String en = model.routing("arith", Links.page("routing/arith", false, Lang.EN)).orElseThrow().sections().get(0).sentence();
        String zh = model.routing("arith", Links.page("routing/arith", false, Lang.ZH)).orElseThrow().sections().get(0).sentence();
        assertThat(zh).startsWith("模拟运行（评测工具自检，不是成绩）： ").doesNotContain("thinking model's", "tokens per task");
        java.util.regex.Pattern figure = java.util.regex.Pattern.compile("\\d+(\\.\\d+)?%");
        assertThat(figure.matcher(zh).results().map(java.util.regex.MatchResult::group).toList())
                .as("the same percentages, in the same order").isEqualTo(figure.matcher(en).results().map(java.util.regex.MatchResult::group).toList());
    }

    @Test
    void aPairNotOnTheSameTasksSaysWhyInThePagesLanguage(@TempDir Path other) {
        // The thinking run stopped at 30 of the 40 tasks: one dataset, one group, but nothing to compare task by task.
        audit("arith", "--problems", "40", "--seed", "0", "--lane", "instant", "--base-url", "sim:accuracy=0.6,seed=11",
                "--root", other.toString());
        audit("arith", "--problems", "40", "--seed", "0", "--lane", "thinking", "--limit", "30", "--base-url",
                "sim:accuracy=0.9,seed=22", "--root", other.toString());
        SiteModel m = new SiteModel(IndexLoader.load(new Root(other), Instant.now()));
        RoutingPage en = m.routing("arith", Links.page("routing/arith", false, Lang.EN)).orElseThrow();
        RoutingPage zh = m.routing("arith", Links.page("routing/arith", false, Lang.ZH)).orElseThrow();
        assertThat(en.sections().get(0).sentence()).as("audit-core's English, as `route` prints it")
                .matches("These runs cannot be compared: the runs are not on the same tasks: 10 only in the instant run "
                        + "\\(first: [^)]+\\), 0 only in the thinking run");
        assertThat(zh.sections().get(0).sentence())
                .matches("这两次运行无法比较：两次运行的题目不同：10 道只在即时运行中（首个：[^）]+），0 道只在思考运行中");
        assertThat(dev.claimcheck.site.LanguageChecks.englishChrome(Templates.get().render("routing.ftlh", zh)))
                .as("no English reason on the Chinese page").isEmpty();
    }

    @Test
    void theStaticExportWritesTheRoutingPage(@TempDir Path out) throws Exception {
        dev.claimcheck.site.export.StaticExporter.export(model, out.resolve("site"));
        String html = java.nio.file.Files.readString(out.resolve("site/routing/arith.html"));
        assertThat(html).contains("<svg class=\"routing-chart\"", "href=\"../runs/");
    }

    @Test
    void theClaimsPageLinksTheRoutingPages() {
        String html = Templates.get().render("claims.ftlh", model.claims(Links.at(0, true)));
        assertThat(html).contains("href=\"./routing/arith.html\"");
    }
}
