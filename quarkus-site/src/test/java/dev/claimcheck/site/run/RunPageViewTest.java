package dev.claimcheck.site.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.PassAtK;
import dev.claimcheck.core.model.TokenSummary;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.suite.agent.AgentFigures;
import dev.claimcheck.core.suite.agent.AgentMetrics;
import dev.claimcheck.core.suite.agent.FaultMetrics;
import dev.claimcheck.core.suite.agent.PassHatK;
import dev.claimcheck.core.suite.code.CodeFigures;
import dev.claimcheck.core.suite.code.CodeMetrics;
import dev.claimcheck.core.suite.docs.DocsFigures;
import dev.claimcheck.core.suite.docs.DocsMetrics;
import dev.claimcheck.core.suite.longctx.LongctxCell;
import dev.claimcheck.core.suite.longctx.LongctxFigures;
import dev.claimcheck.core.suite.longctx.LongctxMetrics;
import dev.claimcheck.core.suite.math.MathFigures;
import dev.claimcheck.core.suite.math.MathMetrics;
import dev.claimcheck.site.page.Lang;
import dev.claimcheck.site.page.Links;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The run page shows each workload's own figures, as summary.csv names them, beside the shared ones. */
class RunPageViewTest {
    static Map<String, String> items(Workload w, Metrics m) {
        // a worded figure is found by its summary.csv id, which the page shows beside its name
        return RunPageView.metrics(m, SuiteRegistry.figures(w), Links.page("runs/r1", false, Lang.EN)).stream()
                .collect(Collectors.toMap(i -> i.code().isEmpty() ? i.label() : i.code(), RunPage.Item::value));
    }

    static Metrics shared(MathMetrics math, CodeMetrics code) {
        return Metrics.shared(0.5, 0.4, 0.6, 10, 40, 40, Map.of(), 0, new TokenSummary(100, 90, 150), TokenSummary.EMPTY,
                5.0).with(MathFigures.BLOCK, math).with(CodeFigures.BLOCK, code);
    }

    @Test
    void mathRunsShowPassAtKConsAtKAndParseFailures() {
        var math = new MathMetrics(4, List.of(new PassAtK(1, new Estimate(0.5, 0.4, 0.6, 10)),
                new PassAtK(4, new Estimate(0.8, 0.7, 0.9, 10))), new Estimate(0.6, 0.5, 0.7, 10), 20, 1, 2, 200.0);
        var items = items(Workload.MATH, shared(math, null));
        assertThat(items).containsEntry("math.passAt4", "0.800 [0.700, 0.900] (n 10)")
                .containsEntry("math.consAt4", "0.600 [0.500, 0.700] (n 10)")
                .containsEntry("math.unknown", "1 (n 40)")
                .containsEntry("math.parseFailures", "2 (n 40)")
                .containsEntry("math.tokensPerCorrect", "200.000 (n 20)")
                .doesNotContainKey("code.testsRun");
    }

    @Test
    void figuresAreNamedInThePagesLanguageWithTheirSummaryCsvIdBeside() {
        var math = new MathMetrics(4, List.of(new PassAtK(4, new Estimate(0.8, 0.7, 0.9, 10))), new Estimate(0.6, 0.5, 0.7, 10),
                20, 1, 2, 200.0);
        Links zh = Links.page("runs/r1", false, Lang.ZH);
        List<RunPage.Item> items = RunPageView.metrics(shared(math, null), SuiteRegistry.figures(Workload.MATH), zh);
        assertThat(items).contains(new RunPage.Item("cons@4（4 次作答多数投票）", "0.600 [0.500, 0.700] (n 10)", "", "math.consAt4"),
                new RunPage.Item("无法解析出答案的作答", "2 (n 40)", "", "math.parseFailures"));
        assertThat(FigureNames.of("proofs.problem.P-3.mean", zh)).as("a family's key, its part as {0}").isEqualTo("第 P-3 题：平均得分");
        assertThat(FigureNames.of("docs.document.a.b.pdf", zh)).as("a final * takes the rest").isEqualTo("文档 a.b.pdf");
        assertThat(FigureNames.of("code.passAt1.difficulty.easy", Links.page("runs/r1", false, Lang.EN)))
                .as("the longer pattern wins over code.passAt*").isEqualTo("pass@1, difficulty easy");
        assertThat(FigureNames.of("math.noSuchFigure", zh)).as("no key: the id alone").isNull();
        var page = new RunPage(zh.nav(), "r1", "m", "../m", "math", "math", "instant", false, List.of(), List.of(),
                RunPageView.labelled(items, zh), "{}", "s", "s1", "s2", "run.json", List.of(), List.of(), null, List.of());
        assertThat(dev.claimcheck.site.render.Templates.get().render("run.ftlh", page))
                .contains("<dt>cons@4（4 次作答多数投票） <code>math.consAt4</code></dt>").contains("<dt>得分</dt>");
    }

    @Test
    void codeRunsShowTheVerdictBreakdown() {
        var code = new CodeMetrics(1, List.of(new PassAtK(1, new Estimate(0.5, 0.2, 0.8, 10))),
                Map.of("accepted", 5, "wrongAnswer", 3, "timeLimit", 2), 31, 0,
                Map.of("easy", new Estimate(1.0, null, null, 2)), Map.of());
        var items = items(Workload.CODE, shared(null, code));
        assertThat(items).containsEntry("code.verdicts.accepted", "5 (n 40)")
                .containsEntry("code.verdicts.timeLimit", "2 (n 40)")
                .containsEntry("code.testsRun", "31")
                .containsEntry("code.passAt1.difficulty.easy", "1.000 (n 2)")
                .doesNotContainKey("math.consAt1");
    }

    @Test
    void agentRunsShowPassHatKAndRecoveryPerFault() {
        var agent = new AgentMetrics(2, 30, new Estimate(0.1, 0.0, 0.2, 10), 4,
                new Estimate(5.5, 4.0, 7.0, 10), new Estimate(2000.0, 1500.0, 2500.0, 10), 12, 3, 1,
                Map.of("orders", new Estimate(0.75, 0.5, 1.0, 4)));
        var m = Metrics.shared(0.75, 0.6, 0.9, 10, 40, 40, Map.of(), 0, new TokenSummary(100, 90, 150), TokenSummary.EMPTY,
                5.0).with(AgentFigures.BLOCK, agent).with(AgentFigures.PASS_HAT_K, List.of(new PassHatK(1, new Estimate(0.75, 0.6, 0.9, 10)),
                        new PassHatK(2, new Estimate(0.55, 0.4, 0.7, 10))))
                .with(AgentFigures.BY_FAULT, Map.of("toolError", new FaultMetrics(new Estimate(0.5, 0.3, 0.7, 5),
                        new Estimate(0.4, 0.2, 0.6, 5), 10, 9)));
        var items = items(Workload.AGENT, m);
        assertThat(items).containsEntry("passHatK.2", "0.550 [0.400, 0.700] (n 10)")
                .containsEntry("byFault.toolError.success", "0.500 [0.300, 0.700] (n 5)")
                .containsEntry("byFault.toolError.recoveryRate", "0.400 [0.200, 0.600] (n 5)")
                .containsEntry("agent.stepsPerSuccess", "5.500 [4.000, 7.000] (n 10)")
                .containsEntry("agent.toolErrors", "12 (n 40)")
                .containsEntry("agent.success.world.orders", "0.750 [0.500, 1.000] (n 4)")
                .doesNotContainKey("math.passAt1");
    }

    @Test
    void proofsAreShownOnlyWhenTheyMatchTheSignedHash(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var root = new dev.claimcheck.core.store.Root(dir);
        var links = dev.claimcheck.site.page.Links.at(2, false);
        java.nio.file.Path file = java.nio.file.Files.createDirectories(dir.resolve("proofs/m/arith/r"))
                .resolve("t-0.md");
        java.nio.file.Files.writeString(file, "# proof <script>alert(1)</script>");
        String sha = dev.claimcheck.core.model.PromptHash.sha256Hex(java.nio.file.Files.readAllBytes(file));

        var good = RunPageView.proof(root, new dev.claimcheck.core.model.RunManifest.ProofRef("proofs/m/arith/r/t-0.md", sha, "t", 0, "correct"), links);
        assertThat(good.ok()).isTrue();
        assertThat(good.text()).contains("<script>"); // raw here: the .ftlh template escapes it (PageResourceTest)

        var tampered = RunPageView.proof(root, new dev.claimcheck.core.model.RunManifest.ProofRef("proofs/m/arith/r/t-0.md", "0".repeat(64), "t", 0, "wrong"), links);
        assertThat(tampered.ok()).isFalse();
        assertThat(tampered.text()).contains("does not match the sha256");

        var outside = RunPageView.proof(root, new dev.claimcheck.core.model.RunManifest.ProofRef("../../etc/passwd", sha, "t", 0, "x"), links);
        assertThat(outside.ok()).isFalse();
        assertThat(outside.text()).isEqualTo("not found in this root");
        var zh = dev.claimcheck.site.page.Links.page("runs/r", true, dev.claimcheck.site.page.Lang.ZH);
        assertThat(RunPageView.proof(root, new dev.claimcheck.core.model.RunManifest.ProofRef("proofs/m/arith/r/t-0.md", "0".repeat(64), "t", 0, "wrong"), zh).text())
                .as("the status is worded in the page's language").isEqualTo("与 run.json 所列的 sha256 不符：不予显示");
    }

    @Test
    void longContextRunsShowTheLengthByDepthHeatmapAndEffectiveLength() {
        var cells = List.of(new LongctxCell(8192, 0, 0.9, 0.8, 1.0, 20),
                new LongctxCell(8192, 50, 0.55, 0.4, 0.7, 20),
                new LongctxCell(1048576, 0, 0.25, 0.1, 0.4, 20));
        var longctx = new LongctxMetrics(Map.of("json", new Estimate(0.6, 0.5, 0.7, 30)), Map.of(),
                Map.of(), new LongctxMetrics.EffectiveLength(0.85, 8192),
                new dev.claimcheck.core.model.MeanInterval(1.004, 1.0, 1.01, 60), List.of());
        Metrics m = Metrics.shared(0.57, 0.5, 0.64, 60, 60, 60, Map.of(), 0, new TokenSummary(10, 10, 10), TokenSummary.EMPTY,
                5.0).with(LongctxFigures.CELLS, cells).with(LongctxFigures.BLOCK, longctx);
        assertThat(items(Workload.LONGCTX, m)).containsEntry("longctx.effectiveLength", "8192")
                .containsEntry("longctx.promptTokensRatio", "1.004 [1.000, 1.010] (n 60)")
                .containsEntry("longctx.format.json", "0.600 [0.500, 0.700] (n 30)")
                .containsEntry("cells.8192.d50", "0.550 [0.400, 0.700] (n 20)");
        Heatmap h = Heatmap.of(cells, Links.at(0, false));
        assertThat(h.lengths()).containsExactly("8k", "1m");
        assertThat(h.rows()).extracting(Heatmap.Row::depth).containsExactly("0%", "50%");
        assertThat(h.rows().get(0).cells()).extracting(Heatmap.Cell::shade).containsExactly("heat9", "heat3");
        assertThat(h.rows().get(1).cells()).extracting(Heatmap.Cell::shade).containsExactly("heat6", "heat-none");
        var page = new RunPage(Links.at(1, false).nav(), "r1", "m<1>", "../m", "longctx", "longctx", "instant", true,
                List.of(), List.of(), RunPageView.metrics(m, SuiteRegistry.figures(Workload.LONGCTX), Links.page("runs/r1", false, Lang.EN)), "{}", "s", "s1", "s2", "run.json", List.of(), List.of(), h, List.of());
        String html = dev.claimcheck.site.render.Templates.get().render("run.ftlh", page);
        assertThat(html).contains("Accuracy by length × depth").contains("<td class=\"num heat9\"").contains("m&lt;1&gt;");
        assertThat(Heatmap.of(null, Links.at(0, false))).isNull();
        Heatmap zh = Heatmap.of(cells, Links.page("runs/r1", false, Lang.ZH));
        assertThat(zh.rows().get(0).cells().get(0).title()).isEqualTo("95% 置信区间 80.0–100.0 · n=20");
        assertThat(zh.rows().get(1).cells().get(1).title()).isEqualTo("无作答");
        assertThat(h.rows().get(0).cells().get(0).title()).as("English as before").isEqualTo("95% CI 80.0–100.0 · n=20");
    }

    @Test
    void docsRunsShowGroundedAccuracyAndCitationPrecision() {
        var docs = new DocsMetrics(new Estimate(0.9, 0.8, 1.0, 12), new Estimate(0.95, 0.9, 1.0, 8),
                Map.of("kbqa", new Estimate(0.75, 0.5, 1.0, 4)), Map.of("contract", new Estimate(0.8, 0.6, 1.0, 3)));
        Metrics m = Metrics.shared(0.8, 0.7, 0.9, 12, 12, 12, Map.of(), 0, new TokenSummary(10, 10, 10), TokenSummary.EMPTY,
                5.0).with(DocsFigures.BLOCK, docs);
        assertThat(items(Workload.DOCS, m)).containsEntry("docs.citationPrecision", "0.950 [0.900, 1.000] (n 8)")
                .containsEntry("docs.fieldAccuracy", "0.900 [0.800, 1.000] (n 12)")
                .containsEntry("docs.kind.kbqa", "0.750 [0.500, 1.000] (n 4)")
                .containsEntry("docs.document.contract", "0.800 [0.600, 1.000] (n 3)");
    }
}
