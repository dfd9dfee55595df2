package dev.claimcheck.site.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.claimcheck.core.cli.AuditCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.SiteModel;
import dev.claimcheck.site.index.IndexLoader;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.render.Templates;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulated runs of our agent workload and of the public agent benchmarks (BFCL in both modes, an imported τ²-bench
 * file, whose trajectories carry no usage), with IFEval between them in workload order: each benchmark has its own board per lane with output tokens per
 * task, and the agent family's sections sit together, linked to one another (issue #19 part 4).
 */
class AgentFamilyBoardsTest {
    static final Path SUITES = Path.of("../audit-core/src/test/resources/suites");

    @TempDir
    static Path root;

    static SiteModel model;

    static void audit(String... args) {
        StringWriter err = new StringWriter();
        int code = Cli.execute(new AuditCommand(), new PrintWriter(err, true), args);
        assertThat(code).as(err.toString()).isZero();
    }

    @BeforeAll
    static void runs() {
        String r = root.toString();
        audit("agent", "--base-url", "sim:accuracy=0.8,seed=3", "--faults", "all", "--k", "2", "--root", r);
        audit("bfcl", "--dataset", SUITES.resolve("bfcl").toString(), "--base-url", "sim:accuracy=0.7", "--root", r);
        audit("bfcl", "--dataset", SUITES.resolve("bfcl").toString(), "--mode", "prompt", "--base-url", "sim:accuracy=0.7",
                "--lane", "thinking", "--root", r);
        audit("tau2", "--data", SUITES.resolve("tau2/data").toString(), "--domain", "airline", "--import-results",
                SUITES.resolve("tau2/results/results.json").toString(), "--base-url", "sim", "--model", "acme/agent-1",
                "--k", "2", "--root", r);
        audit("ifeval", "--dataset", SUITES.resolve("ifeval/input_data.jsonl").toString(), "--base-url", "sim:accuracy=0.7",
                "--root", r);
        model = new SiteModel(IndexLoader.load(new Root(root), Instant.now())); // the runs were made just now
    }

    @Test
    void theAgentFamilysSectionsSitTogetherAheadOfTheWorkloadsBetweenThemInWorkloadOrder() {
        LeaderboardPage page = model.leaderboard(Links.at(0, false));
        assertThat(page.sections()).extracting(LeaderboardPage.Section::id)
                .containsExactly("w-agent", "w-bfcl", "w-tau2", "w-ifeval");
        assertThat(page.sections().get(3).family()).isEqualTo(LeaderboardPage.Family.NONE);
        String html = Templates.get().render("index.ftlh", page);
        String agent = html.substring(html.indexOf("<section class=\"workload\" id=\"w-agent\">"),
                html.indexOf("<section class=\"workload\" id=\"w-bfcl\">"));
        assertThat(agent).contains("Agent is our own fault-injection workload; the others are the public benchmarks",
                "<strong aria-current=\"true\">Agent</strong>", "<a href=\"#w-bfcl\">Function calling (BFCL)</a>",
                "<a href=\"#w-tau2\">Agent (τ²-bench)</a>");
    }

    @Test
    void eachBenchmarkAndModeHasItsOwnBoardPerLaneWithOutputTokensPerTask() {
        List<String> bfclBoards = model.boardSlugs().stream().filter(s -> s.startsWith("bfcl--")).toList();
        assertThat(bfclBoards).as("native tool calls and prompt mode are separate boards").hasSize(2)
                .anySatisfy(d -> assertThat(d).endsWith("-fc")).anySatisfy(d -> assertThat(d).endsWith("-prompt"));
        String html = Templates.get().render("index.ftlh", model.leaderboard(Links.at(0, false)));
        assertThat(html).contains("output tokens / task");
        String modelPage = Templates.get().render("model.ftlh", model.model(model.rows().get(0).modelSlug(), Links.at(1, false))
                .orElseThrow());
        assertThat(modelPage).as("the model page lists every run with the same column").contains("output tokens / task");
        // An imported τ²-bench file holds trajectories without the endpoint's usage: no count, so a dash, never 0.
        assertThat(model.rows()).filteredOn(r -> r.workload().equals("tau2")).singleElement()
                .satisfies(r -> assertThat(r.economics().outputTokensPerTask()).isNull());
        for (LeaderboardRow r : model.rows().stream().filter(r -> !r.workload().equals("tau2")).toList()) {
            Double perTask = r.economics().outputTokensPerTask();
            assertThat(perTask).as(r.workload() + " " + r.suite()).isNotNull().isPositive();
            // every simulated attempt reports its usage, so per task = per attempt × attempts per task
            assertThat(perTask).as(r.workload()).isCloseTo(r.meanOutputTokens() * r.attempts() / r.tasks(), within(1e-6 * perTask));
        }
        assertThat(model.rows()).filteredOn(r -> r.workload().equals("agent")).singleElement()
                .satisfies(r -> assertThat(r.economics().outputTokensPerTask()).isGreaterThan(r.meanOutputTokens()));
    }
}
