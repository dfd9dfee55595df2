package dev.claimcheck.site.export;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.SiteModel;
import dev.claimcheck.site.index.IndexLoader;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.page.Assets;
import dev.claimcheck.site.page.Lang;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.page.Messages;
import dev.claimcheck.site.page.NotFoundPage;
import dev.claimcheck.site.render.LeaderboardCsv;
import dev.claimcheck.site.render.SafeJson;
import dev.claimcheck.site.render.Templates;
import dev.claimcheck.site.render.ThroughputCsv;
import dev.claimcheck.site.answers.SampleIndex;
import dev.claimcheck.site.answers.SampleKey;
import dev.claimcheck.site.answers.SamplePageView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the static site: the same view models and templates as the server, straight to files (no HTTP
 * crawl), with relative links. Iteration is sorted and nothing depends on the current time, so the same
 * root gives byte-identical output.
 */
public final class StaticExporter {
    /** Marks a folder as written by this exporter: only such a folder (or an empty one) is replaced. */
    static final String MARKER = ".claimcheck-site";

    public record Result(Path dir, int runs, int excluded, int files, long bytes) {
    }

    private final Path out;
    private int files;
    private long bytes;

    private StaticExporter(Path out) {
        this.out = out;
    }

    /** The root alone (its own claims and recipes). */
    public static Result export(Root root, Path out) {
        return export(root, Optional.empty(), out);
    }

    /** The root, with the checkout's claims files and recipes where the root has none ({@link IndexLoader#load}). */
    public static Result export(Root root, Optional<Root> checkout, Path out) {
        return export(new SiteModel(IndexLoader.load(root, checkout, Instant.now())), out);
    }

    public static Result export(SiteModel model, Path out) {
        StaticExporter e = new StaticExporter(out);
        e.prepare();
        e.write(model);
        return new Result(out, model.index().runs().size(), model.index().excluded().size(), e.files, e.bytes);
    }

    private void prepare() {
        try {
            if (Files.exists(out)) {
                boolean empty;
                try (Stream<Path> s = Files.list(out)) {
                    empty = s.findAny().isEmpty();
                }
                if (!empty && !Files.exists(out.resolve(MARKER))) {
                    throw new BadInputException(out + " is not empty and was not written by the exporter; choose another folder");
                }
                try (Stream<Path> s = Files.walk(out)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        if (!p.equals(out)) {
                            Files.delete(p);
                        }
                    }
                }
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + out, e);
        }
    }

    private void write(SiteModel model) {
        text(MARKER, "written by claimcheck's static exporter; the next export replaces this folder\n");
        text(".nojekyll", "");
        text("api/leaderboard.json", SafeJson.write(model.leaderboardJson()));
        text("api/leaderboard.csv", LeaderboardCsv.render(model.rows()));
        text("api/throughput.csv", ThroughputCsv.render(model.throughputRows()));
        model.charts().forEach((id, data) -> text("api/charts/" + id + ".json", SafeJson.write(data)));
        for (RunEntry r : model.index().runs()) {
            model.runJson(r.runId()).ifPresent(j -> text("api/runs/" + r.runId() + ".json", SafeJson.write(j)));
        }
        for (Lang lang : Lang.values()) {
            pages(model, lang);
        }
        // The pages built from journals, each journal read once for both languages.
        for (String slug : model.boardSlugs()) {
            Map<String, List<Sample>> journals = new HashMap<>();
            for (Lang lang : Lang.values()) {
                model.grid(slug, links("boards/" + slug + "/grid", lang), id -> journals.computeIfAbsent(id, x -> samplesOrNone(model, x)))
                        .ifPresent(g -> page(lang, "boards/" + slug + "/grid", "grid.ftlh", g));
            }
        }
        for (RunEntry r : model.index().runs()) {
            List<Sample> samples = samplesOrNone(model, r.runId());
            text("api/runs/" + r.runId() + "/samples.json", SafeJson.write(SampleIndex.of(r.runId(), samples)));
            for (Lang lang : Lang.values()) {
                samples(model, r, samples, lang);
            }
        }
        for (String asset : Assets.FILES) {
            bytes(asset, Assets.bytes(asset));
        }
        if (model.index().runs().stream().anyMatch(r -> r.manifest().workload() == dev.claimcheck.core.model.Workload.PROOFS)) {
            for (String asset : Assets.KATEX_FILES) {
                bytes(asset, Assets.bytes(asset));
            }
        }
    }

    /**
     * Every page in {@code lang} that needs no journal, under its folder ({@code zh/…}); the data and assets are
     * shared by both languages.
     */
    private void pages(SiteModel model, Lang lang) {
        page(lang, "index", "index.ftlh", model.leaderboard(Links.page("", true, lang)));
        page(lang, "claims", "claims.ftlh", model.claims(links("claims", lang)));
        page(lang, "excluded", "excluded.ftlh", model.excluded(links("excluded", lang)));
        page(lang, "routing", "routingindex.ftlh", model.routingIndex(links("routing", lang)));
        page(lang, "404", "notfound.ftlh", new NotFoundPage(links("404", lang).nav(), Messages.of(lang).get("notfound.this")));
        for (String slug : model.boardSlugs()) {
            model.board(slug, links("boards/" + slug, lang)).ifPresent(p -> page(lang, "boards/" + slug, "board.ftlh", p));
        }
        for (String w : model.routingWorkloads()) {
            model.routing(w, links("routing/" + w, lang)).ifPresent(p -> page(lang, "routing/" + w, "routing.ftlh", p));
        }
        for (String slug : model.modelSlugs()) {
            model.model(slug, links("models/" + slug, lang)).ifPresent(p -> page(lang, "models/" + slug, "model.ftlh", p));
        }
        for (RunEntry r : model.index().runs()) {
            String id = r.runId();
            model.run(id, links("runs/" + id, lang)).ifPresent(p -> page(lang, "runs/" + id, "run.ftlh", p));
        }
    }

    private static Links links(String self, Lang lang) {
        return Links.page(self, true, lang);
    }

    /** Writes the page {@code self} of {@code lang} ({@code zh/runs/ID.html}). */
    private void page(Lang lang, String self, String template, Object view) {
        text(lang.prefix() + self + ".html", Templates.get().render(template, view));
    }

    /**
     * A run's attempts in {@code lang}: one canonical page per attempt ({@code runs/ID/samples/TASK/ATTEMPT.html}), the
     * run's grid ({@code runs/ID/samples.html}) and, for a proof run, one page per problem
     * ({@code runs/ID/proofs/PROBLEM.html}); {@code samples} is the run's journal.
     */
    private void samples(SiteModel model, RunEntry r, List<Sample> samples, Lang lang) {
        String id = r.runId();
        String grid = "runs/" + id + "/samples";
        model.runGrid(id, links(grid, lang), x -> samples).ifPresent(g -> page(lang, grid, "grid.ftlh", g));
        Set<String> problems = new java.util.TreeSet<>();
        samples.forEach(s -> problems.add(SampleKey.segment(s.taskId())));
        for (String segment : problems) {
            String self = "runs/" + id + "/proofs/" + segment;
            model.proof(id, segment, links(self, lang), x -> samples).ifPresent(p -> page(lang, self, "proof.ftlh", p));
        }
        Set<String> written = new HashSet<>();
        for (Sample s : samples) {
            String path = SampleKey.path(s);
            if (written.add(path)) {
                String self = grid + "/" + path;
                SamplePageView.build(r, samples, SampleKey.segment(s.taskId()), s.attempt(), links(self, lang))
                        .ifPresent(p -> page(lang, self, "sample.ftlh", p));
            }
        }
    }

    static List<Sample> samplesOrNone(SiteModel model, String runId) {
        try {
            return model.samples(runId).orElse(List.of());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private void text(String rel, String content) {
        bytes(rel, content.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(String rel, byte[] content) {
        Path target = out.resolve(rel).normalize();
        if (!target.startsWith(out.normalize())) {
            throw new IllegalStateException("refusing to write outside " + out + ": " + rel);
        }
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        files++;
        bytes += content.length;
    }
}
