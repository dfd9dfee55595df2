package dev.claimcheck.core.store;

import dev.claimcheck.core.model.DocsMetrics;
import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.LongctxCell;
import dev.claimcheck.core.model.LongctxMetrics;
import dev.claimcheck.core.model.MeanInterval;
import dev.claimcheck.core.model.Metrics;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;

/** The summary.csv rows of the long-context, grounded-document, agent and throughput workloads (their own file, to keep SummaryCsv small). */
final class WorkloadRows {
    private WorkloadRows() {
    }

    /** {@code cells.<length>.d<depth>} per cell, then {@code longctx.*} by format, density, kind and length. */
    static void longctx(CSVPrinter csv, List<LongctxCell> cells, LongctxMetrics x) throws IOException {
        for (LongctxCell c : cells) {
            csv.printRecord("cells." + c.length() + ".d" + c.depth(), c.accuracy(), SummaryCsv.num(c.ci95Low()),
                    SummaryCsv.num(c.ci95High()), c.n());
        }
        if (x == null) {
            return;
        }
        estimates(csv, "longctx.format.", x.byFormat());
        estimates(csv, "longctx.density.", x.byDensity());
        estimates(csv, "longctx.kind.", x.byKind());
        csv.printRecord("longctx.effectiveLength", x.effectiveLength().length() == null ? "" : x.effectiveLength().length(),
                "", "", "");
        csv.printRecord("longctx.effectiveLength.threshold", x.effectiveLength().threshold(), "", "", "");
        mean(csv, "longctx.promptTokensRatio", x.promptTokensRatio());
        for (LongctxMetrics.LengthCost l : x.byLength()) {
            SummaryCsv.estimate(csv, "longctx.length." + l.length() + ".accuracy", l.accuracy());
            mean(csv, "longctx.length." + l.length() + ".promptTokens", l.promptTokens());
            mean(csv, "longctx.length." + l.length() + ".ttftMs", l.ttftMs());
        }
    }

    static void docs(CSVPrinter csv, DocsMetrics x) throws IOException {
        SummaryCsv.estimate(csv, "docs.fieldAccuracy", x.fieldAccuracy());
        if (x.citationPrecision() != null) {
            SummaryCsv.estimate(csv, "docs.citationPrecision", x.citationPrecision());
        }
        estimates(csv, "docs.kind.", x.byKind());
        estimates(csv, "docs.document.", x.byDocument());
    }

    private static void estimates(CSVPrinter csv, String prefix, Map<String, Estimate> byGroup) throws IOException {
        for (Map.Entry<String, Estimate> e : byGroup.entrySet()) {
            SummaryCsv.estimate(csv, prefix + e.getKey(), e.getValue());
        }
    }

    private static void mean(CSVPrinter csv, String name, MeanInterval m) throws IOException {
        if (m != null) {
            csv.printRecord(name, m.mean(), SummaryCsv.num(m.ci95Low()), SummaryCsv.num(m.ci95High()), m.n());
        }
    }

    /** The agent figures: pass^k and per-fault rows (n = tasks), per-world success, counts with n = graded attempts. */
    static void agent(CSVPrinter csv, Metrics m, int graded) throws IOException {
        var x = m.agent();
        for (var p : m.passHatK()) {
            SummaryCsv.estimate(csv, "passHatK." + p.k(), p.estimate());
        }
        for (var e : m.byFault().entrySet()) {
            SummaryCsv.estimate(csv, "byFault." + e.getKey() + ".success", e.getValue().success());
            if (e.getValue().recoveryRate() != null) {
                SummaryCsv.estimate(csv, "byFault." + e.getKey() + ".recoveryRate", e.getValue().recoveryRate());
            }
        }
        for (Map.Entry<String, Estimate> e : x.byWorld().entrySet()) {
            SummaryCsv.estimate(csv, "agent.success.world." + e.getKey(), e.getValue());
        }
        csv.printRecord("agent.successes", x.successes(), "", "", graded);
        SummaryCsv.estimate(csv, "agent.policyViolationRate", x.policyViolationRate());
        csv.printRecord("agent.policyViolations", x.policyViolations(), "", "", graded);
        if (x.stepsPerSuccess() != null) {
            SummaryCsv.estimate(csv, "agent.stepsPerSuccess", x.stepsPerSuccess());
            SummaryCsv.estimate(csv, "agent.tokensPerSuccess", x.tokensPerSuccess());
        }
        csv.printRecord("agent.toolErrors", x.toolErrors(), "", "", graded);
        csv.printRecord("agent.malformedCalls", x.malformedCalls(), "", "", graded);
        csv.printRecord("agent.budgetStops", x.budgetStops(), "", "", graded);
    }

    /** The throughput block: per point {@code throughput.p<index>.<figure>} (n = measured requests), then calibration. */
    static void throughput(CSVPrinter csv, Metrics m) throws IOException {
        for (dev.claimcheck.core.model.ThroughputPoint p : m.points()) {
            String at = "throughput.p" + p.index() + ".";
            csv.printRecord(at + (p.concurrency() != null ? "concurrency" : "rate"),
                    p.concurrency() != null ? (Object) p.concurrency() : p.rate(), "", "", "");
            csv.printRecord(at + "inputTokens", p.inputTokens(), "", "", "");
            csv.printRecord(at + "ttftMsP50", SummaryCsv.num(p.ttftMsP50()), "", "", p.completed());
            csv.printRecord(at + "ttftMsP99", SummaryCsv.num(p.ttftMsP99()), "", "", p.completed());
            csv.printRecord(at + "tpotMsP50", SummaryCsv.num(p.tpotMsP50()), "", "", p.completed());
            csv.printRecord(at + "tpotMsP99", SummaryCsv.num(p.tpotMsP99()), "", "", p.completed());
            csv.printRecord(at + "itlMsP99", SummaryCsv.num(p.itlMsP99()), "", "", p.completed());
            csv.printRecord(at + "e2eMsP50", SummaryCsv.num(p.e2eMsP50()), "", "", p.completed());
            csv.printRecord(at + "requestsPerSecond", p.requestsPerSecond(), "", "", p.completed());
            csv.printRecord(at + "outputTokensPerSecond", p.outputTokensPerSecond(), "", "", p.completed());
            csv.printRecord(at + "errors", p.errors(), "", "", p.requests());
            csv.printRecord(at + "valid", p.valid(), "", "", "");
        }
        if (m.calibration() != null) {
            csv.printRecord("calibration.receiveLagMsP50", m.calibration().receiveLagMsP50(), "", "", m.calibration().events());
            csv.printRecord("calibration.receiveLagMsP99", m.calibration().receiveLagMsP99(), "", "", m.calibration().events());
            csv.printRecord("calibration.receiveLagMsP999", m.calibration().receiveLagMsP999(), "", "", m.calibration().events());
            csv.printRecord("calibration.tokenMismatches", m.calibration().tokenMismatches(), "", "", m.calibration().requests());
        }
    }
}
