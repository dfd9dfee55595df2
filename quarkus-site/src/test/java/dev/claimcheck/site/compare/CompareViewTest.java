package dev.claimcheck.site.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.cli.AuditCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.PairedDifference;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.SiteModel;
import dev.claimcheck.site.index.IndexLoader;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.LanguageChecks;
import dev.claimcheck.site.page.Lang;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.render.Templates;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compare page: two simulated arith runs on the same 60 problems with different accuracies are compared task by
 * task with the paired interval audit-core computes; a run on other problems is refused with the reason.
 */
class CompareViewTest {
    @TempDir
    static Path root;

    static SiteModel model;
    static String weak;
    static String strong;
    static String other;

    static void audit(String... args) {
        StringWriter err = new StringWriter();
        int code = Cli.execute(new AuditCommand(), new PrintWriter(err, true), args);
        assertThat(code).as(err.toString()).isZero();
    }

    @BeforeAll
    static void threeRuns() {
        audit("arith", "--problems", "60", "--seed", "0", "--model", "org/Weak-1B", "--base-url", "sim:accuracy=0.4,seed=1",
                "--root", root.toString());
        audit("arith", "--problems", "60", "--seed", "0", "--model", "org/Strong-1B", "--base-url", "sim:accuracy=0.95,seed=2",
                "--root", root.toString());
        audit("arith", "--problems", "60", "--seed", "9", "--model", "org/Other-1B", "--base-url", "sim", "--root",
                root.toString());
        model = new SiteModel(IndexLoader.load(new Root(root), Instant.now()));
        List<RunEntry> runs = model.index().runs();
        weak = runs.stream().filter(r -> r.manifest().model().id().equals("org/Weak-1B")).findFirst().orElseThrow().runId();
        strong = runs.stream().filter(r -> r.manifest().model().id().equals("org/Strong-1B")).findFirst().orElseThrow().runId();
        other = runs.stream().filter(r -> r.manifest().model().id().equals("org/Other-1B")).findFirst().orElseThrow().runId();
    }

    @Test
    void twoRunsOnTheSameTasksGetThePairedDifferenceTheirTaskCountsAndTheTasksThatDiffer() {
        ComparePage page = model.compare(strong, weak, Links.at(0, false));
        assertThat(page.note()).isEmpty();
        ComparePage.Result r = page.result();
        List<Sample> a = Journal.readAll(model.index().run(strong).orElseThrow().folder());
        List<Sample> b = Journal.readAll(model.index().run(weak).orElseThrow().folder());
        PairedDifference d = PairedDifference.of(a, b);
        assertThat(r.pairedTasks()).isEqualTo(60).isEqualTo(d.tasks());
        assertThat(r.difference()).isEqualTo(String.format(Locale.ROOT, "%+.1f", 100 * d.difference()));
        assertThat(r.ci()).isEqualTo(String.format(Locale.ROOT, "%+.1f to %+.1f", 100 * d.ci95Low(), 100 * d.ci95High()));
        assertThat(r.aBetter() + r.bBetter() + r.same()).isEqualTo(60);
        assertThat(r.differing()).hasSize(r.aBetter() + r.bBetter());
        assertThat(r.sentence()).startsWith("Simulated runs (a harness self-test, not a result): On the same 60 tasks org/Strong-1B scores ")
                .contains("higher than org/Weak-1B");

        String html = Templates.get().render("compare.ftlh", page);
        assertThat(html).contains("<h1>Compare two runs, task by task</h1>", "badge-simulated", r.sentence(),
                "<option value=\"" + strong + "\" selected>").doesNotContain("style=\"");
        String zh = Templates.get().render("compare.ftlh", model.compare(strong, weak, Links.page("compare?a=" + strong + "&b=" + weak, false, Lang.ZH)));
        LanguageChecks.checkPage("zh compare", zh, Lang.ZH);
        assertThat(zh).contains("<h1>逐题比较两次运行</h1>", "基于 60 道配对题目", "模拟运行（评测工具自检，不是成绩）：在相同的 60 道题上，", "href=\"../compare?a=" + strong + "&amp;b=" + weak + "\"");
    }

    @Test
    void runsOnDifferentTasksAreNotComparedAndThePageSaysWhy() {
        ComparePage page = model.compare(strong, other, Links.at(0, false));
        assertThat(page.result()).isNull();
        assertThat(page.note()).startsWith("The two runs read different datasets");
        assertThat(model.compare(strong, "20990101T000000Z-00000000", Links.at(0, false)).note())
                .isEqualTo("No run 20990101T000000Z-00000000 in this root.");
        assertThat(model.compare(strong, strong, Links.at(0, false)).note()).contains("compared with itself");
        assertThat(model.compare(null, null, Links.at(0, false)).note()).isEqualTo("Choose two runs of one suite on one dataset.");
    }

    @Test
    void theSelectorsOfferOnlyRunsThatHaveAPartnerOnTheirDataset() {
        ComparePage page = model.compare(null, null, Links.at(0, false));
        assertThat(page.groups()).hasSize(1);
        assertThat(page.groups().get(0).runs()).extracting(ComparePage.Choice::runId).containsExactlyInAnyOrder(strong, weak);
    }
}
