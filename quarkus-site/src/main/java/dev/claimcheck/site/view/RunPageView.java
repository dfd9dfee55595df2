package dev.claimcheck.site.view;

import dev.claimcheck.core.model.AgentMetrics;
import dev.claimcheck.core.model.CodeMetrics;
import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.MathMetrics;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.PassAtK;
import dev.claimcheck.core.model.PassHatK;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.ThroughputPoint;
import dev.claimcheck.core.model.TokenSummary;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RootWalk;
import dev.claimcheck.core.tokens.TokenCount;
import dev.claimcheck.site.claims.Assessment;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.render.SafeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds a run page: provenance, metrics with CIs, proofs, claims compared with this run. */
public final class RunPageView {
    static final long MAX_PROOF_BYTES = 256 * 1024;

    private RunPageView() {
    }

    public static RunPage build(RunEntry r, List<Assessment> assessments, Links links, Root root) {
        RunManifest m = r.manifest();
        List<RunPage.Item> prov = new ArrayList<>();
        RunManifest.EndpointRef e = m.endpoint();
        prov.add(RunPage.Item.of("endpoint", e == null ? "unknown" : or(e.engine()) + " " + or(e.engineVersion())
                + (e.baseUrl() == null ? "" : " · " + e.baseUrl())));
        RunManifest.HardwareRef h = m.hardware() == null ? RunManifest.HardwareRef.UNKNOWN : m.hardware();
        prov.add(RunPage.Item.of("hardware", Boards.hardware(h) + (h.nodes() == null ? "" : " · " + h.nodes() + " node(s)")
                + (h.driver() == null ? "" : " · driver " + h.driver()) + " (" + or(h.source()) + ")"));
        RunManifest.DatasetRef d = m.suite().dataset();
        prov.add(RunPage.Item.of("dataset", d == null ? "unknown" : or(d.name()) + " · sha256 " + or(d.sha256())
                + (d.source() == null ? "" : " · " + d.source())));
        prov.add(RunPage.Item.of("suite", m.suite().id() + " v" + or(m.suite().version())));
        RunManifest.RequestSpec q = m.request();
        if (q != null) {
            prov.add(RunPage.Item.of("sampling", "k=" + q.k() + " · seed " + q.seed() + (q.limit() == null ? "" : " · limit " + q.limit())));
        }
        RunManifest.HarnessRef hr = m.harness();
        prov.add(RunPage.Item.of("harness", hr == null ? "unknown" : or(hr.version()) + " · commit " + or(hr.gitCommit())
                + (Boolean.TRUE.equals(hr.dirty()) ? " (dirty)" : "")));
        prov.add(RunPage.Item.of("signature", r.badges().get(r.badges().size() - 1).title()));
        if (m.recipe() != null) {
            prov.add(RunPage.Item.of("recipe", or(m.recipe().path()) + " · sha256 " + or(m.recipe().sha256())));
        }
        prov.add(RunPage.Item.of("status", m.status().id() + (m.stopReason() == null ? "" : " · " + m.stopReason())));
        prov.add(RunPage.Item.of("started / finished", or(m.startedAt()) + " / " + or(m.finishedAt())));
        prov.add(RunPage.Item.of("folder", r.relPath()));
        List<RunPage.Item> figures = new ArrayList<>(metrics(m.metrics()));
        if (m.workload() == Workload.THROUGHPUT) {
            prov.add(3, RunPage.Item.of("throughput lane", ThroughputLaneKey.of(m).title()
                    + " (the leaderboard's Throughput tab groups runs by this key)"));
            figures.addAll(ThroughputView.comparisonItems(r));
        }

        List<RunPage.Item> claims = new ArrayList<>();
        for (Assessment a : assessments) {
            if (a.run().isPresent() && a.run().get().runId().equals(r.runId())) {
                claims.add(new RunPage.Item(a.claim().id() + " (" + a.claim().metric() + " " + Fmt.pct(a.claim().value()) + ")",
                        a.verdict().text() + " · " + a.note(), links.claim(a.file().modelSlug(), a.claim().id())));
            }
        }
        List<RunPage.Proof> proofs = m.proofs().stream().map(p -> proof(root, p)).toList();
        String template = q == null || q.template() == null ? "{}" : SafeJson.pretty(q.template());
        String samples = links.samples(r.runId());
        String first = samples.replace("{verdict}", "all").replace("{sort}", "journal").replace("{page}", "1");
        return new RunPage(links.nav(), r.runId(), m.model().id(), links.model(r.modelSlug()), m.workload().id(),
                m.suite().id(), m.lane().id(), r.simulated(), r.badges(), prov, figures, template, samples,
                first, links.runJson(r.runId()), proofs, claims, Heatmap.of(m.metrics() == null ? null : m.metrics().cells()));
    }

    /** Proofs are read from the root and shown only when they match the hash the run lists (they are signed through it). */
    static RunPage.Proof proof(Root root, RunManifest.ProofRef p) {
        String label = p.taskId() + "#" + p.attempt() + " (" + p.why() + ")";
        Path file = root.dir().resolve(p.path()).normalize();
        if (!file.startsWith(root.dir().normalize()) || RootWalk.throughLink(root, file) || !Files.isRegularFile(file)) {
            return new RunPage.Proof(label, p.path(), "not found in this root", false);
        }
        try {
            if (Files.size(file) > MAX_PROOF_BYTES) {
                return new RunPage.Proof(label, p.path(), "larger than " + MAX_PROOF_BYTES + " bytes: not shown inline", false);
            }
            byte[] bytes = Files.readAllBytes(file);
            if (!PromptHash.sha256Hex(bytes).equals(p.sha256())) {
                return new RunPage.Proof(label, p.path(), "does not match the sha256 listed in run.json: not shown", false);
            }
            return new RunPage.Proof(label, p.path(), new String(bytes, StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            return new RunPage.Proof(label, p.path(), "unreadable: " + e.getClass().getSimpleName(), false);
        }
    }

    static List<RunPage.Item> metrics(Metrics x) {
        List<RunPage.Item> out = new ArrayList<>();
        out.add(RunPage.Item.of("score", Fmt.pct(x.score()) + " " + Fmt.plusMinus(x.ci95Low(), x.ci95High())
                + " (" + Fmt.interval(x.ci95Low(), x.ci95High()) + ")"));
        out.add(RunPage.Item.of("tasks / attempts / graded", x.tasks() + " / " + x.attempts() + " / " + x.graded()));
        out.add(RunPage.Item.of("errors", x.errorCount() + (x.errors().isEmpty() ? "" : " " + x.errors())));
        out.add(RunPage.Item.of("truncated", Integer.toString(x.truncated())));
        out.add(RunPage.Item.of("output tokens / attempt", tokens(x.outputTokens())));
        out.add(RunPage.Item.of("reasoning tokens / attempt", tokens(x.reasoningTokens())));
        out.add(RunPage.Item.of("score per 1k output tokens", Fmt.dec(x.scorePer1kOutputTokens(), 2)));
        if (x.math() != null) {
            MathMetrics m = x.math();
            passAtK(out, m.passAtK());
            out.add(RunPage.Item.of("cons@" + m.k(), estimate(m.consAtK())));
            out.add(RunPage.Item.of("unknown (grader budget) / parse failures", m.unknown() + " / " + m.parseFailures()));
            out.add(RunPage.Item.of("tokens per correct answer", Fmt.dec(m.tokensPerCorrect(), 0)));
        }
        if (x.code() != null) {
            CodeMetrics c = x.code();
            passAtK(out, c.passAtK());
            out.add(RunPage.Item.of("verdicts", breakdown(c.verdicts())));
            out.add(RunPage.Item.of("tests run / sandbox errors", c.testsRun() + " / " + c.sandboxErrors()));
            c.byDifficulty().forEach((d, e) -> out.add(RunPage.Item.of("pass@1 · " + d, estimate(e))));
        }
        if (x.longctx() != null) {
            var l = x.longctx();
            out.add(RunPage.Item.of("effective length (accuracy ≥ " + Fmt.pct(l.effectiveLength().threshold()) + ")",
                    l.effectiveLength().length() == null ? Fmt.NONE : TokenCount.format(l.effectiveLength().length())));
            if (l.promptTokensRatio() != null) {
                out.add(RunPage.Item.of("server prompt tokens / target", Fmt.dec(l.promptTokensRatio().mean(), 3)));
            }
            l.byFormat().forEach((f, e) -> out.add(RunPage.Item.of("accuracy · format " + f, estimate(e))));
            l.byDensity().forEach((d, e) -> out.add(RunPage.Item.of("accuracy · " + d + " distractors / 8k", estimate(e))));
            l.byKind().forEach((k, e) -> out.add(RunPage.Item.of("accuracy · " + k, estimate(e))));
            for (var c : l.byLength()) {
                out.add(RunPage.Item.of("ttft · " + TokenCount.format(c.length()),
                        c.ttftMs() == null ? Fmt.NONE : Fmt.ms(c.ttftMs().mean())));
            }
        }
        if (x.docs() != null) {
            var d = x.docs();
            out.add(RunPage.Item.of("field accuracy", estimate(d.fieldAccuracy())));
            out.add(RunPage.Item.of("citation precision", estimate(d.citationPrecision())));
            d.byKind().forEach((k, e) -> out.add(RunPage.Item.of("grounded accuracy · " + k, estimate(e))));
            d.byDocument().forEach((k, e) -> out.add(RunPage.Item.of("grounded accuracy · " + k, estimate(e))));
        }
        if (x.agent() != null) {
            agent(out, x);
        }
        if (x.points() != null) {
            throughput(out, x);
        }
        return out;
    }

    /** The agent figures: pass^k, success and recovery per fault, violations, steps and tokens per success. */
    private static void agent(List<RunPage.Item> out, Metrics x) {
        AgentMetrics a = x.agent();
        for (PassHatK p : x.passHatK()) {
            out.add(RunPage.Item.of("pass^" + p.k(), estimate(p.estimate())));
        }
        x.byFault().forEach((fault, f) -> out.add(RunPage.Item.of("fault " + fault,
                "success " + estimate(f.success()) + " · recovery " + estimate(f.recoveryRate())
                        + " · fired in " + f.injected() + " of " + f.attempts())));
        a.byWorld().forEach((world, e) -> out.add(RunPage.Item.of("success · " + world, estimate(e))));
        out.add(RunPage.Item.of("policy violations", a.policyViolations() + " · attempts with one: " + estimate(a.policyViolationRate())));
        out.add(RunPage.Item.of("steps / tokens per success", mean(a.stepsPerSuccess()) + " / " + mean(a.tokensPerSuccess())));
        out.add(RunPage.Item.of("tool errors / malformed calls / budget stops",
                a.toolErrors() + " / " + a.malformedCalls() + " / " + a.budgetStops()));
    }

    /** A mean that is not a rate: the value and its interval as plain numbers. */
    private static String mean(Estimate e) {
        return e == null ? Fmt.NONE : Fmt.dec(e.value(), 1) + " [" + Fmt.dec(e.ci95Low(), 1) + ", " + Fmt.dec(e.ci95High(), 1) + "]";
    }

    /** One line per load point (docs/throughput.md), then the simulator calibration. */
    private static void throughput(List<RunPage.Item> out, Metrics x) {
        for (ThroughputPoint p : x.points()) {
            String load = p.concurrency() != null ? "concurrency " + p.concurrency() : "rate " + p.rate() + "/s " + p.arrival();
            out.add(RunPage.Item.of("point " + p.index() + " · " + load + " · " + p.inputTokens() + " in / " + p.outputTokens() + " out",
                    "TTFT p50 " + millis(p.ttftMsP50()) + " p99 " + millis(p.ttftMsP99()) + " · TPOT p50 " + millis(p.tpotMsP50())
                    + " p99 " + millis(p.tpotMsP99()) + " · ITL p99 " + millis(p.itlMsP99()) + " · E2E p50 " + millis(p.e2eMsP50())
                    + " · " + Fmt.dec(p.requestsPerSecond(), 2) + " req/s · " + Fmt.dec(p.outputTokensPerSecond(), 1)
                    + " output tok/s · " + p.completed() + "/" + p.requests() + " completed, " + p.errors() + " errors, "
                    + p.earlyEnded() + " ended early" + (p.valid() ? "" : p.clientBound() ? " · INVALID (client-bound)" : " · INVALID")));
        }
        if (x.calibration() != null) {
            out.add(RunPage.Item.of("calibration (simulator)", "receive lag p50 " + millis(x.calibration().receiveLagMsP50())
                    + " · p99 " + millis(x.calibration().receiveLagMsP99()) + " · p99.9 " + millis(x.calibration().receiveLagMsP999())
                    + " · token mismatches " + x.calibration().tokenMismatches() + " of " + x.calibration().requests()));
        }
    }

    /** Two decimals, unlike {@link Fmt#ms}: receive lags and simulated latencies are sub-millisecond. */
    private static String millis(Double v) {
        return v == null ? Fmt.NONE : Fmt.dec(v, 2) + " ms";
    }

    private static void passAtK(List<RunPage.Item> out, List<PassAtK> list) {
        for (PassAtK p : list) {
            out.add(RunPage.Item.of("pass@" + p.k(), estimate(p.estimate())));
        }
    }

    static String estimate(Estimate e) {
        if (e == null) {
            return Fmt.NONE;
        }
        return Fmt.pct(e.value()) + " " + Fmt.plusMinus(e.ci95Low(), e.ci95High()) + " (" + e.tasks() + " tasks)";
    }

    static String breakdown(java.util.Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return Fmt.NONE;
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " · ").append(k).append(' ').append(v));
        return sb.toString();
    }

    static String tokens(TokenSummary t) {
        TokenSummary s = t == null ? TokenSummary.EMPTY : t;
        return "mean " + Fmt.count(s.mean()) + " · p50 " + Fmt.count(s.p50()) + " · p90 " + Fmt.count(s.p90());
    }

    static String or(String s) {
        return s == null ? "—" : s;
    }
}
