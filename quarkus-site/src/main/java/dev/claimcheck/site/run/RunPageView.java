package dev.claimcheck.site.run;

import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.TokenSummary;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.stats.ThroughputFigures;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RootWalk;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.suite.longctx.LongctxFigures;
import dev.claimcheck.core.suite.proofs.ProofFigures;
import dev.claimcheck.core.suite.proofs.ProofMetrics;
import dev.claimcheck.site.answers.SampleKey;
import dev.claimcheck.site.proof.ProofPageView;
import dev.claimcheck.site.claims.Assessment;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.index.TrustBadge;
import dev.claimcheck.site.leaderboard.Boards;
import dev.claimcheck.site.page.ClaimUnit;
import dev.claimcheck.site.page.Fmt;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.render.SafeJson;
import dev.claimcheck.site.throughput.ThroughputLaneKey;
import dev.claimcheck.site.throughput.ThroughputView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds a run page: provenance, metrics with CIs, proofs, claims compared with this run. */
public final class RunPageView {
    static final long MAX_PROOF_BYTES = 256 * 1024;

    private RunPageView() {
    }

    public static RunPage build(RunEntry r, List<Assessment> assessments, Links links, Root root) {
        RunManifest m = r.manifest();
        List<RunPage.Item> prov = new ArrayList<>();
        RunManifest.EndpointRef e = m.endpoint();
        String unknown = links.text("run.value.unknown");
        prov.add(RunPage.Item.of("endpoint", e == null ? unknown : or(e.engine()) + " " + or(e.engineVersion())
                + (e.baseUrl() == null ? "" : " · " + e.baseUrl())));
        RunManifest.HardwareRef h = m.hardware() == null ? RunManifest.HardwareRef.UNKNOWN : m.hardware();
        prov.add(RunPage.Item.of("hardware", Boards.hardware(h) + (h.nodes() == null ? "" : " · " + links.text("run.value.nodes", h.nodes()))
                + (h.driver() == null ? "" : " · " + links.text("run.value.driver", h.driver())) + " (" + or(h.source()) + ")"));
        RunManifest.DatasetRef d = m.suite().dataset();
        prov.add(RunPage.Item.of("dataset", d == null ? unknown : or(d.name()) + " · sha256 " + or(d.sha256())
                + (d.source() == null ? "" : " · " + d.source())));
        prov.add(RunPage.Item.of("suite", m.suite().id() + " v" + or(m.suite().version())));
        RunManifest.RequestSpec q = m.request();
        if (q != null) {
            prov.add(RunPage.Item.of("sampling", "k=" + q.k() + " · " + links.text("run.value.seed", q.seed())
                    + (q.limit() == null ? "" : " · " + links.text("run.value.limit", q.limit()))));
        }
        RunManifest.HarnessRef hr = m.harness();
        String commit = hr == null ? "" : links.text("run.value.commit", or(hr.gitCommit()));
        prov.add(RunPage.Item.of("harness", hr == null ? unknown : or(hr.version()) + " · "
                + (Boolean.TRUE.equals(hr.dirty()) ? links.text("run.value.dirty", commit) : commit)));
        TrustBadge signature = r.badges().get(r.badges().size() - 1); // worded as its tooltip (layout.ftlh)
        prov.add(RunPage.Item.of("signature", links.text("badge." + signature.kind() + ".title", links.text(signature.why()))));
        if (m.recipe() != null) {
            prov.add(RunPage.Item.of("recipe", or(m.recipe().path()) + " · sha256 " + or(m.recipe().sha256())));
        }
        prov.add(RunPage.Item.of("status", m.status().id() + (m.stopReason() == null ? "" : " · " + m.stopReason())));
        prov.add(RunPage.Item.of("started / finished", or(m.startedAt()) + " / " + or(m.finishedAt())));
        prov.add(RunPage.Item.of("folder", r.relPath()));
        List<RunPage.Item> figures = new ArrayList<>(metrics(m.metrics(), SuiteRegistry.figures(m.workload()), links));
        if (m.workload() == Workload.THROUGHPUT) {
            prov.add(3, RunPage.Item.of("throughput lane", links.text("run.value.laneKey", ThroughputLaneKey.of(m).title(links))));
            figures.addAll(ComparisonItems.of(r, links));
        }

        List<RunPage.Item> claims = new ArrayList<>();
        for (Assessment a : assessments) {
            if (a.run().isPresent() && a.run().get().runId().equals(r.runId())) {
                claims.add(new RunPage.Item(a.claim().id() + " (" + a.claim().metric() + " " + ClaimUnit.value(a.claim().value(), a.claim().unit()) + ")",
                        links.text("verdict." + a.verdict().id()) + " · " + links.text(a.judged().why()), links.claim(a.file().modelSlug(), a.claim().id())));
            }
        }
        List<RunPage.Proof> proofs = m.proofs().stream().map(p -> proof(root, p, links)).toList();
        String template = q == null || q.template() == null ? "{}" : SafeJson.pretty(q.template());
        return new RunPage(links.nav(), r.runId(), m.model().id(), links.model(r.modelSlug()), m.workload().id(),
                m.suite().id(), m.lane().id(), r.simulated(), r.badges(), labelled(prov, links), labelled(figures, links), template,
                links.sampleIndex(r.runId()), links.sample(r.runId(), "{path}"), links.runSamples(r.runId()), links.runJson(r.runId()), proofs, claims, Heatmap.of(m.metrics() == null ? null : m.metrics().get(LongctxFigures.CELLS), links),
                problems(r, links));
    }

    /** A proof run's problems, each linked to its page: the judges' mean and the vendor's self-grade as recorded. */
    static List<RunPage.Item> problems(RunEntry r, Links links) {
        ProofMetrics p = r.manifest().metrics() == null ? null : r.manifest().metrics().get(ProofFigures.BLOCK);
        if (p == null) {
            return List.of();
        }
        return p.byProblem().stream().map(row -> new RunPage.Item(links.text("proof.item", row.problem()),
                links.text("proof.item.mean", row.mean() == null ? Fmt.NONE : ProofPageView.points(row.mean()),
                        ProofPageView.points(row.maxPoints()))
                        + (row.claimedPoints() == null ? "" : " · " + links.text("proof.item.claimed", ProofPageView.points(row.claimedPoints()))),
                links.proof(r.runId(), SampleKey.segment(row.problem())))).toList();
    }

    /** The fixed labels of the provenance and metrics lists, and their keys in the bundles (docs/site.md "Languages"). */
    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("endpoint", "run.label.endpoint"),
            Map.entry("hardware", "run.label.hardware"), Map.entry("dataset", "run.label.dataset"),
            Map.entry("suite", "run.label.suite"), Map.entry("sampling", "run.label.sampling"),
            Map.entry("harness", "run.label.harness"), Map.entry("signature", "run.label.signature"),
            Map.entry("recipe", "run.label.recipe"), Map.entry("status", "run.label.status"),
            Map.entry("started / finished", "run.label.times"), Map.entry("folder", "run.label.folder"),
            Map.entry("throughput lane", "run.label.throughputLane"), Map.entry("score", "run.label.score"),
            Map.entry("tasks / attempts / graded", "run.label.counts"), Map.entry("errors", "run.label.errors"),
            Map.entry("truncated", "run.label.truncated"), Map.entry("output tokens / attempt", "run.label.outputTokens"),
            Map.entry("reasoning tokens / attempt", "run.label.reasoningTokens"),
            Map.entry("score per 1k output tokens", "run.label.per1k"),
            Map.entry("calibration (simulator)", "run.label.calibration"));

    /** The items with their fixed labels in the page's language (figure names are worded where they are made). */
    static List<RunPage.Item> labelled(List<RunPage.Item> items, Links links) {
        return items.stream().map(i -> LABELS.containsKey(i.label())
                ? new RunPage.Item(links.text(LABELS.get(i.label())), i.value(), i.href(), i.code()) : i).toList();
    }

    /** Proofs are read from the root and shown only when they match the hash the run lists (they are signed through it). */
    static RunPage.Proof proof(Root root, RunManifest.ProofRef p, Links links) {
        String label = p.taskId() + "#" + p.attempt() + " (" + p.why() + ")";
        Path file = root.dir().resolve(p.path()).normalize();
        if (!file.startsWith(root.dir().normalize()) || RootWalk.throughLink(root, file) || !Files.isRegularFile(file)) {
            return new RunPage.Proof(label, p.path(), links.text("run.proof.notFound"), false);
        }
        try {
            if (Files.size(file) > MAX_PROOF_BYTES) {
                return new RunPage.Proof(label, p.path(), links.text("run.proof.tooLarge", MAX_PROOF_BYTES), false);
            }
            byte[] bytes = Files.readAllBytes(file);
            if (!PromptHash.sha256Hex(bytes).equals(p.sha256())) {
                return new RunPage.Proof(label, p.path(), links.text("run.proof.mismatch"), false);
            }
            return new RunPage.Proof(label, p.path(), new String(bytes, StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            return new RunPage.Proof(label, p.path(), links.text("run.proof.unreadable", e.getClass().getSimpleName()), false);
        }
    }

    static List<RunPage.Item> metrics(Metrics x, Figures figures, Links links) {
        Fmt fmt = links.fmt();
        List<RunPage.Item> out = new ArrayList<>();
        out.add(RunPage.Item.of("score", Fmt.pct(x.score()) + " " + Fmt.plusMinus(x.ci95Low(), x.ci95High())
                + " (" + fmt.ci(x.ci95Low(), x.ci95High()) + ")"));
        out.add(RunPage.Item.of("tasks / attempts / graded", x.tasks() + " / " + x.attempts() + " / " + x.graded()));
        out.add(RunPage.Item.of("errors", x.errorCount() + (x.errors().isEmpty() ? "" : " " + x.errors())));
        out.add(RunPage.Item.of("truncated", Integer.toString(x.truncated())));
        out.add(RunPage.Item.of("output tokens / attempt", tokens(x.outputTokens())));
        out.add(RunPage.Item.of("reasoning tokens / attempt", tokens(x.reasoningTokens())));
        out.add(RunPage.Item.of("score per 1k output tokens", Fmt.dec(x.scorePer1kOutputTokens(), 2)));
        if (x.get(ThroughputFigures.POINTS) != null) {
            out.addAll(ThroughputItems.of(x, links)); // the serving bench keeps its one line per load point (docs/throughput.md)
        } else {
            for (FigureRow r : figures.rows(x)) {
                String name = FigureNames.of(r.name(), links);
                out.add(name == null ? RunPage.Item.of(r.name(), row(r)) : new RunPage.Item(name, row(r), "", r.name()));
            }
        }
        return out;
    }

    /** A workload figure as summary.csv names it: the value, its 95% interval when there is one, and what it is over. */
    static String row(FigureRow r) {
        String value = r.value() == null ? Fmt.NONE : r.value() instanceof Double d ? Fmt.dec(d, 3) : String.valueOf(r.value());
        String interval = r.ci95Low() == null || r.ci95High() == null ? ""
                : " [" + Fmt.dec(r.ci95Low(), 3) + ", " + Fmt.dec(r.ci95High(), 3) + "]";
        return value + interval + (r.n() == null ? "" : " (n " + r.n() + ")");
    }

    static String tokens(TokenSummary t) {
        TokenSummary s = t == null ? TokenSummary.EMPTY : t;
        return "mean " + Fmt.count(s.mean()) + " · p50 " + Fmt.count(s.p50()) + " · p90 " + Fmt.count(s.p90());
    }

    static String or(String s) {
        return s == null ? "—" : s;
    }
}
