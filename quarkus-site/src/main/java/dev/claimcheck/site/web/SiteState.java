package dev.claimcheck.site.web;

import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.SiteModel;
import dev.claimcheck.site.index.Checkout;
import dev.claimcheck.site.index.IndexLoader;
import dev.claimcheck.site.page.Lang;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.render.LeaderboardCsv;
import dev.claimcheck.site.render.SafeJson;
import dev.claimcheck.site.render.Templates;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The results index held in memory: built at start-up, rebuilt when the root's files change (polled),
 * with the hottest responses (leaderboard HTML, board pages, chart data, JSON, CSV) rendered and gzipped
 * once per index.
 */
@ApplicationScoped
public class SiteState {
    private static final Logger LOG = Logger.getLogger(SiteState.class);

    /** One consistent view of the root; the pages kept in memory are kept in every language. */
    public record Snapshot(SiteModel model, long fingerprint, Map<Lang, Cached> leaderboardHtml, Cached leaderboardJson,
                           Cached leaderboardCsv, Map<Lang, Map<String, Cached>> boards, Map<String, Cached> charts) {
    }

    @Inject
    SiteConfig config;

    private volatile Snapshot snapshot;
    private ScheduledExecutorService poller;
    private final Map<String, List<Sample>> sampleCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Sample>> e) {
            return size() > 16;
        }
    };

    void onStart(@Observes StartupEvent e) {
        long t0 = System.nanoTime();
        refresh();
        LOG.infof("claimcheck site: %d runs, %d excluded from %s in %d ms", snapshot.model().index().runs().size(),
                snapshot.model().index().excluded().size(), rootPath(), (System.nanoTime() - t0) / 1_000_000);
        long pollMs = config.pollMs();
        if (pollMs > 0) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "claimcheck-root-poll");
                t.setDaemon(true);
                return t;
            });
            poller.scheduleWithFixedDelay(this::refreshIfChanged, pollMs, pollMs, TimeUnit.MILLISECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent e) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    Path rootPath() {
        return Path.of(config.root()).toAbsolutePath().normalize();
    }

    public Snapshot snapshot() {
        if (snapshot == null) {
            refresh();
        }
        return snapshot;
    }

    void refreshIfChanged() {
        try {
            if (RootFingerprint.of(rootPath().resolve("results")) != snapshot.fingerprint()) {
                refresh();
                LOG.infof("claimcheck site: results changed, %d runs", snapshot.model().index().runs().size());
            }
        } catch (RuntimeException ex) {
            LOG.warn("claimcheck site: refresh failed, keeping the previous index", ex);
        }
    }

    /** Rebuilds the index; the fingerprint is taken first so that a change during the build triggers another. */
    public synchronized void refresh() {
        Root r = new Root(rootPath());
        long fp = RootFingerprint.of(r.dir().resolve("results"));
        SiteModel model = new SiteModel(IndexLoader.load(r, Checkout.of(config.checkout(), r, Path.of("")), Instant.now()));
        Templates t = Templates.get();
        Map<Lang, Cached> html = new EnumMap<>(Lang.class);
        Map<Lang, Map<String, Cached>> boards = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            html.put(lang, Cached.of(PageResource.HTML, t.render("index.ftlh", model.leaderboard(Links.page("", false, lang)))));
            Map<String, Cached> pages = new HashMap<>();
            for (String slug : model.boardSlugs()) {
                model.board(slug, Links.page("boards/" + slug, false, lang))
                        .ifPresent(p -> pages.put(slug, Cached.of(PageResource.HTML, t.render("board.ftlh", p))));
            }
            boards.put(lang, Map.copyOf(pages));
        }
        Cached json = Cached.of(ApiResource.JSON, SafeJson.write(model.leaderboardJson()));
        Cached csv = Cached.of(ApiResource.CSV, LeaderboardCsv.render(model.rows()));
        Map<String, Cached> charts = new HashMap<>();
        model.charts().forEach((id, data) -> charts.put(id, Cached.of(ApiResource.JSON, SafeJson.write(data))));
        snapshot = new Snapshot(model, fp, Map.copyOf(html), json, csv, Map.copyOf(boards), Map.copyOf(charts));
        synchronized (sampleCache) {
            sampleCache.clear();
        }
    }

    /** A run's samples, or none when the run is unknown or its journal cannot be read (a page then shows no attempts). */
    public List<Sample> samplesOrNone(String runId) {
        try {
            return samples(runId).orElse(List.of());
        } catch (RuntimeException e) {
            LOG.warnf("claimcheck site: cannot read the samples of %s: %s", runId, e.getMessage());
            return List.of();
        }
    }

    /** A run's samples, cached for the few runs being browsed. */
    public Optional<List<Sample>> samples(String runId) {
        SiteModel model = snapshot().model();
        synchronized (sampleCache) {
            List<Sample> hit = sampleCache.get(runId);
            if (hit != null) {
                return Optional.of(hit);
            }
        }
        Optional<List<Sample>> loaded = model.samples(runId);
        loaded.ifPresent(s -> {
            synchronized (sampleCache) {
                sampleCache.put(runId, s);
            }
        });
        return loaded;
    }
}
