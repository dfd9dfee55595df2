package dev.claimcheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.MeanInterval;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunManifest.ModelRef;
import dev.claimcheck.core.model.RunManifest.RequestSpec;
import dev.claimcheck.core.model.RunManifest.SuiteRef;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.TokenSummary;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.run.AuditOutcome;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.agent.AgentFigures;
import dev.claimcheck.core.suite.agent.AgentMetrics;
import dev.claimcheck.core.suite.agent.FaultMetrics;
import dev.claimcheck.core.suite.agent.PassHatK;
import dev.claimcheck.core.suite.docs.DocsFigures;
import dev.claimcheck.core.suite.docs.DocsMetrics;
import dev.claimcheck.core.suite.longctx.LongctxCell;
import dev.claimcheck.core.suite.longctx.LongctxFigures;
import dev.claimcheck.core.suite.longctx.LongctxMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The workload rows of the end-of-audit table, line by line, from hand-built metrics. */
class ResultTableTest {
    static final TokenSummary TOKENS = new TokenSummary(100, 90, 150);

    static Metrics shared(Double score, Double low, Double high) {
        return Metrics.shared(score, low, high, 20, 40, 40, Map.of(), 0, TOKENS, new TokenSummary(0, 0, 0), 1.0);
    }

    static String print(Workload workload, String suite, Metrics x) {
        ObjectNode t = Json.mapper().createObjectNode();
        RunManifest m = new RunManifest(RunManifest.SCHEMA, "r1", RunStatus.COMPLETE, true, Lane.INSTANT, workload,
                new SuiteRef(suite, "1", null, null), new ModelRef("sim", "sim", null), null, null,
                new RequestSpec(t, 2, 0, null, 1, null, null), null, null, null, null, null, null, x, null, null);
        var bytes = new ByteArrayOutputStream();
        ResultTable.print(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new AuditOutcome(new RunFolder(Path.of("runs", "r1")), m, null, null));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static Estimate est(double v, double lo, double hi) {
        return new Estimate(v, lo, hi, 20);
    }

    @Test
    void anAgentRunShowsItsRowsAsSummaryCsvNamesThem() {
        Metrics s = shared(0.7, 0.6, 0.8);
        AgentMetrics a = new AgentMetrics(2, 28, est(0.05, 0.0, 0.1), 3, est(6.25, 5.5, 7.0),
                new Estimate(1234.5, null, null, 1), 1, 0, 0, Map.of());
        Metrics x = new Metrics(s.score(), s.ci95Low(), s.ci95High(), 20, 40, 40, Map.of(), 0, TOKENS, s.reasoningTokens(),
                1.0, null).with(AgentFigures.BLOCK, a)
                .with(AgentFigures.PASS_HAT_K, List.of(new PassHatK(1, est(0.7, 0.6, 0.8)), new PassHatK(2, est(0.5, 0.4, 0.6))))
                .with(AgentFigures.BY_FAULT, new TreeMap<>(Map.of("toolError", new FaultMetrics(est(0.6, 0.4, 0.8), est(0.5, 0.2, 0.8), 10, 8),
                        "ambiguity", new FaultMetrics(est(0.9, 0.8, 1.0), null, 10, 0))));

        assertThat(print(Workload.AGENT, "agent", x).lines()).containsSubsequence(
                "  passHatK.1                   0.700  [0.600, 0.800] (n 20)",
                "  passHatK.2                   0.500  [0.400, 0.600] (n 20)",
                "  byFault.ambiguity.success    0.900  [0.800, 1.000] (n 20)",
                "  byFault.toolError.success    0.600  [0.400, 0.800] (n 20)",
                "  byFault.toolError.recoveryRate 0.500  [0.200, 0.800] (n 20)",
                "  agent.successes              28 (n 40)",
                "  agent.policyViolationRate    0.050  [0.000, 0.100] (n 20)",
                "  agent.policyViolations       3 (n 40)",
                "  agent.stepsPerSuccess        6.250  [5.500, 7.000] (n 20)",
                "  agent.tokensPerSuccess       1234.500 (n 1)");
        // A fault that never fired has no recovery rate: no row, rather than a made-up zero.
        assertThat(print(Workload.AGENT, "agent", x)).doesNotContain("byFault.ambiguity.recoveryRate");
    }

    @Test
    void aLongctxRunShowsEachCellTheEffectiveLengthAndThePromptRatio() {
        Metrics s = shared(0.8, 0.7, 0.9);
        List<LongctxCell> cells = List.of(new LongctxCell(8192, 0, 0.95, 0.9, 1.0, 20),
                new LongctxCell(8192, 100, 0.85, 0.8, 0.9, 20), new LongctxCell(1 << 20, 0, 0.6, 0.5, 0.7, 20));
        LongctxMetrics l = new LongctxMetrics(null, null, null, new LongctxMetrics.EffectiveLength(0.8, 8192),
                new MeanInterval(1.012, 1.01, 1.014, 60), null);
        Metrics x = new Metrics(s.score(), s.ci95Low(), s.ci95High(), 20, 40, 40, Map.of(), 0, TOKENS, s.reasoningTokens(),
                1.0, null).with(LongctxFigures.CELLS, cells).with(LongctxFigures.BLOCK, l);

        assertThat(print(Workload.LONGCTX, "longctx", x).lines()).containsSubsequence(
                "  cells.8192.d0                0.950  [0.900, 1.000] (n 20)",
                "  cells.8192.d100              0.850  [0.800, 0.900] (n 20)",
                "  cells.1048576.d0             0.600  [0.500, 0.700] (n 20)",
                "  longctx.effectiveLength      8192",
                "  longctx.effectiveLength.threshold 0.800",
                "  longctx.promptTokensRatio    1.012  [1.010, 1.014] (n 60)");
    }

    @Test
    void aDocsRunNamesItsScoreGroundedAccuracyAndShowsItsParts() {
        Metrics s = shared(0.75, 0.65, 0.85);
        Metrics x = new Metrics(s.score(), s.ci95Low(), s.ci95High(), 20, 40, 40, Map.of(), 0, TOKENS, s.reasoningTokens(),
                1.0, null).with(DocsFigures.BLOCK, new DocsMetrics(est(0.9, 0.85, 0.95), null, null, null));

        String out = print(Workload.DOCS, "docs", x);
        assertThat(out.lines()).contains(
                "  grounded accuracy (95% CI)   0.750 ± 0.100  [0.650, 0.850]",
                "  docs.fieldAccuracy           0.900  [0.850, 0.950] (n 20)");
        assertThat(out).doesNotContain("docs.citationPrecision"); // no task asked for a citation

    }

    @Test
    void aWorkloadWithoutItsBlockPrintsOnlyTheSharedRows() {
        String out = print(Workload.MATH, "math", shared(0.5, 0.4, 0.6));
        assertThat(out).contains("  score (95% CI)               0.500 ± 0.100  [0.400, 0.600]")
                .doesNotContain("math.", "passHatK", "byFault", "cells.", "grounded", "docs.");
    }
}
