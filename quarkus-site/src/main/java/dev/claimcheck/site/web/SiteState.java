package dev.claimcheck.site.web;

import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.index.IndexLoader;
import dev.claimcheck.site.render.LeaderboardCsv;
import dev.claimcheck.site.render.SafeJson;
import dev.claimcheck.site.render.Templates;
import dev.claimcheck.site.view.Links;
import dev.claimcheck.site.view.SiteModel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The results index held in memory: built at start-up, rebuilt when the root's files change (polled),
 * with the hottest responses (leaderboard HTML, JSON, CSV) rendered once per index.
 */
@ApplicationScoped
public class SiteState {
    private static final Logger LOG = Logger.getLogger(SiteState.class);

    /** One consistent view of the root. */
    public record Snapshot(SiteModel model, long fingerprint, byte[] leaderboardHtml, byte[] leaderboardJson,
                           byte[] leaderboardCsv) {
    }

    @ConfigProperty(name = "claimcheck.root", defaultValue = ".")
    String root;

    @ConfigProperty(name = "claimcheck.poll-ms", defaultValue = "2000")
    long pollMs;

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
        return Path.of(root).toAbsolutePath().normalize();
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
        SiteModel model = new SiteModel(IndexLoader.load(r, Instant.now()));
        byte[] html = Templates.get().render("index.ftlh", model.leaderboard(Links.at(0, false))).getBytes(StandardCharsets.UTF_8);
        byte[] json = SafeJson.write(model.leaderboardJson()).getBytes(StandardCharsets.UTF_8);
        byte[] csv = LeaderboardCsv.render(model.rows()).getBytes(StandardCharsets.UTF_8);
        snapshot = new Snapshot(model, fp, html, json, csv);
        synchronized (sampleCache) {
            sampleCache.clear();
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
