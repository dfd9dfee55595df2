package dev.claimcheck.site.index;

import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunManifestStore;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.store.ClaimsReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds a {@link ResultsIndex} from a root: every folder at results/runs/&lt;slug&gt;/&lt;workload&gt;/&lt;suite&gt;/&lt;id&gt;/
 * is read; one that cannot be used is excluded with its reason, never fatal.
 */
public final class IndexLoader {
    private IndexLoader() {
    }

    public static ResultsIndex load(Root root, Instant at) {
        List<RunEntry> runs = new ArrayList<>();
        List<ExcludedRun> excluded = new ArrayList<>();
        TrustCheck trust = new TrustCheck(TrustCheck.signersOf(root.allowedSigners()), at);
        for (Path dir : runFolders(root.runsDir())) {
            String rel = relative(root, dir);
            try {
                RunManifest m = RunManifestStore.read(new RunFolder(dir));
                String problem = problem(m, dir);
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
        List<ClaimsFile> claims = ClaimsReader.readAll(root, problem ->
                excluded.add(new ExcludedRun(problem.path(), problem.reason())));
        return ResultsIndex.of(root, runs, excluded, claims);
    }

    /** Why a readable manifest still cannot be shown, or null. */
    static String problem(RunManifest m, Path dir) {
        if (!m.runId().equals(dir.getFileName().toString())) {
            return "runId " + m.runId() + " does not match the folder name";
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
        return null;
    }

    /** Folders four levels below results/runs, sorted by path so that iteration is deterministic. */
    static List<Path> runFolders(Path runsDir) {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(runsDir, 4)) {
            return s.filter(p -> runsDir.relativize(p).getNameCount() == 4 && Files.isDirectory(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runsDir, e);
        }
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
