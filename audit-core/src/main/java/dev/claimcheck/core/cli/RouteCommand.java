package dev.claimcheck.core.cli;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.RoutingAnalysis;
import dev.claimcheck.core.stats.RoutingRow;
import dev.claimcheck.core.stats.RoutingSentence;
import dev.claimcheck.core.stats.ScoreInterval;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RoutingFiles;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunManifestStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code route --instant RUN_DIR --thinking RUN_DIR [--out FILE.json]}: the instant → thinking cascade on two runs
 * over the same tasks (docs/architecture.md §3.5, docs/routing.md). Prints a table; {@code --out} writes JSON and CSV.
 */
@Command(name = "route", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Routing analysis: accuracy, output tokens and latency of escalation strategies from an instant run",
            "and a thinking run on the same suite, dataset and tasks."},
        footer = {"", "Example:",
            "  ./jbang route@. --instant results/runs/<ling>/math/math/<run> --thinking results/runs/<ring>/math/math/<run> --out route.json",
            "Exit codes: 0 done, 2 bad usage or runs that do not pair."})
public final class RouteCommand implements Callable<Integer> {
    @Option(names = "--instant", required = true, paramLabel = "RUN_DIR", description = "The instant lane's run folder.")
    Path instant;

    @Option(names = "--thinking", required = true, paramLabel = "RUN_DIR", description = "The thinking lane's run folder.")
    Path thinking;

    @Option(names = "--out", paramLabel = "FILE.json",
            description = "Write the report as JSON, and as CSV beside it (FILE.csv); naming FILE.csv writes FILE.json beside it.")
    Path outFile;

    private final PrintStream out;

    public RouteCommand() {
        this(System.out);
    }

    public RouteCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        RunManifest i = manifest(instant, "--instant");
        RunManifest t = manifest(thinking, "--thinking");
        RoutingAnalysis.Report report;
        try {
            report = RoutingAnalysis.of(i, samples(instant), t, samples(thinking));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        if (outFile != null) {
            Path other = RoutingFiles.write(report, outFile);
            out.println("wrote " + outFile + " and " + other);
        } else {
            print(out, report);
        }
        return Cli.OK;
    }

    private static RunManifest manifest(Path dir, String option) {
        if (!Files.isRegularFile(dir.resolve("run.json"))) {
            throw new BadInputException(option + " " + dir + " is not a run folder (no run.json)");
        }
        return RunManifestStore.read(new RunFolder(dir));
    }

    private static List<Sample> samples(Path dir) {
        return Journal.readAll(new RunFolder(dir));
    }

    static void print(PrintStream out, RoutingAnalysis.Report r) {
        out.printf(Locale.ROOT, "%srouting · suite %s · dataset %s · %d tasks · instant %s → thinking %s%n",
                r.simulated() ? "[SIMULATED] " : "", r.suite(), r.dataset(), r.tasks(), r.instantRun(), r.thinkingRun());
        out.printf(Locale.ROOT, "  %-26s %7s  %-22s %-26s %-26s %s%n", "strategy", "budget", "accuracy (95% CI)",
                "output tokens (95% CI)", "latency ms (95% CI)", "escalated");
        for (RoutingRow row : r.rows()) {
            out.printf(Locale.ROOT, "  %-26s %7s  %-22s %-26s %-26s %.1f%%%n", row.strategy().id(),
                    row.budget() == null ? "" : row.budget().toString(), fmt(row.accuracy(), 100, "%.1f%%"),
                    fmt(row.tokens(), 1, "%.0f"), fmt(row.latencyMs(), 1, "%.0f"), 100 * row.escalated());
        }
        out.println(RoutingSentence.of(r));
    }

    private static String fmt(ScoreInterval i, double scale, String f) {
        if (i == null) {
            return "—";
        }
        String v = String.format(Locale.ROOT, f, scale * i.estimate());
        if (i.low() == null) {
            return v;
        }
        return v + " [" + String.format(Locale.ROOT, f, scale * i.low()) + ", " + String.format(Locale.ROOT, f, scale * i.high()) + "]";
    }
}
