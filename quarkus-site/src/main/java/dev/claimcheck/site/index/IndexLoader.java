package dev.claimcheck.site.index;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.InvisibleCharacters;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RootWalk;
import dev.claimcheck.core.store.RunIds;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunManifestStore;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.store.ClaimsReader;
import dev.claimcheck.site.prices.PriceTable;
import dev.claimcheck.site.prices.PricesReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link ResultsIndex} from a root through the same {@link RootWalk} verify uses: every run folder the walk
 * finds is read; one that cannot be used is excluded with its reason, never fatal. A symbolic link (or special file)
 * anywhere under results/ or proofs/ is never followed: it is listed as excluded under its finding id, so a run
 * verify did not walk is never shown.
 */
public final class IndexLoader {
    /** How far a run id may lie ahead of the clock the index is built by (two machines' clocks disagree a little). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private IndexLoader() {
    }

    /** The root alone: its own claims ledger and recipes only. */
    public static ResultsIndex load(Root root, Instant at) {
        return load(root, Optional.empty(), at);
    }

    /**
     * The root, with the checkout's claims files (by file name) and recipes where the root has none of its own: a
     * simulator root then shows the checkout's claims and their one-command reproductions.
     */
    public static ResultsIndex load(Root root, Optional<Root> checkout, Instant at) {
        List<RunEntry> runs = new ArrayList<>();
        List<ExcludedRun> excluded = new ArrayList<>();
        TrustCheck trust = new TrustCheck(TrustCheck.signersOf(root.allowedSigners()), at);
        RootWalk walk = RootWalk.of(root);
        for (RootWalk.Unsafe u : walk.unsafe()) {
            excluded.add(new ExcludedRun(u.path(), u.id() + ": " + u.detail()));
        }
        for (Path dir : walk.runFolders()) {
            String rel = relative(root, dir);
            try {
                RunManifest m = RunManifestStore.read(new RunFolder(dir));
                String problem = problem(m, dir, at);
                if (problem != null) {
                    excluded.add(new ExcludedRun(rel, problem));
                    continue;
                }
                List<TrustBadge> badges = trust.badges(m, dir);
                String status = badges.get(badges.size() - 1).kind();
                runs.add(new RunEntry(m, new RunFolder(dir), rel, badges, status));
            } catch (RuntimeException e) {
                excluded.add(new ExcludedRun(rel, oneLine(e.getMessage(), root)));
            }
        }
        List<ClaimsFile> claims = new ArrayList<>(ClaimsReader.readAll(walk, problem ->
                excluded.add(new ExcludedRun(problem.path(), problem.reason()))));
        if (checkout.isPresent()) {
            Set<String> own = new HashSet<>();
            walk.claimsFiles().forEach(f -> own.add(f.getFileName().toString()));
            RootWalk theirs = RootWalk.of(checkout.get());
            ClaimsReader.readAll(theirs, problem -> excluded.add(new ExcludedRun("checkout " + problem.path(), problem.reason())))
                    .stream().filter(f -> !own.contains(Path.of(f.path()).getFileName().toString())).forEach(claims::add);
        }
        return ResultsIndex.of(root, runs, excluded, claims, checkout, prices(root, checkout, excluded));
    }

    /** The root's price table, else the checkout's; a bad one is excluded with its file and field, and not used. */
    static PriceTable prices(Root root, Optional<Root> checkout, List<ExcludedRun> excluded) {
        boolean own = PricesReader.present(root) || checkout.isEmpty();
        try {
            return PricesReader.read(own ? root : checkout.get());
        } catch (BadInputException e) {
            excluded.add(new ExcludedRun(own ? PricesReader.REL : "checkout " + PricesReader.REL, e.getMessage()));
            return PriceTable.NONE;
        }
    }

    /**
     * Why a readable manifest still cannot be shown, or null. A run id that is no instant, or one dated after the index
     * is built (beyond {@link #CLOCK_SKEW}), is refused here so that it can never hold a board's "latest run" slot.
     */
    static String problem(RunManifest m, Path dir, Instant at) {
        if (!m.runId().equals(dir.getFileName().toString())) {
            return "runId " + m.runId() + " does not match the folder name";
        }
        Optional<Instant> started = RunIds.instant(m.runId());
        if (started.isEmpty()) {
            return "runId " + m.runId() + " is not YYYYMMDDTHHMMSSZ-<8 hex> with a valid date and time";
        }
        if (started.get().isAfter(at.plus(CLOCK_SKEW))) {
            return "runId " + m.runId() + " is dated " + started.get() + ", after this index was built (" + at + ")";
        }
        if (m.status() == RunStatus.RUNNING) {
            return "incomplete: status running (still going, or killed; resume it)";
        }
        if (m.metrics() == null) {
            return "no metrics in run.json";
        }
        if (m.model().slug() == null || m.model().id() == null) {
            return "model id or slug missing";
        }
        if (InvisibleCharacters.firstIn(m.model().id()) != null) {
            // verify refuses it too (schema): a bidi override or zero-width character makes it read as another model.
            return "model.id holds " + InvisibleCharacters.firstIn(m.model().id()) + ", a control or invisible character";
        }
        return null;
    }

    static String relative(Root root, Path p) {
        return root.dir().toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Error messages name absolute paths; pages show them relative to the root. */
    static String oneLine(String message, Root root) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        String abs = root.dir().toAbsolutePath().normalize() + "/";
        return m.replace(abs, "");
    }
}
