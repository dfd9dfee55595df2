package dev.claimcheck.core.cli;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.export.EeeExport;
import dev.claimcheck.core.export.ExportFormat;
import dev.claimcheck.core.export.ExportedRun;
import dev.claimcheck.core.export.InspectLog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export --format eee|inspect RUN_DIR... --out DIR}: run folders in other tools' formats (docs/exports.md). */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Export complete run folders for other tools: Every Eval Ever (--format eee: aggregate record and instance rows",
            "under DIR/data/<benchmark>/<developer>/<model>/) or inspect_ai (--format inspect: one EvalLog JSON per run, for inspect view).",
            "A simulated run is exported with its simulated flag in every record. The export does not verify signatures: run verify."},
        footer = {"", "Examples:",
            "  ./jbang export@. --format eee results/runs/<model>/<workload>/<suite>/<run-id> --out build/eee",
            "  ./jbang export@. --format inspect <run-dir> --out build/inspect-logs && inspect view --log-dir build/inspect-logs",
            "Exit codes: 0 exported, 1 could not write, 2 bad usage or input (not a complete run, a run with no score for eee)."})
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--format", required = true, paramLabel = "eee|inspect", converter = FormatConverter.class,
            description = "eee (Every Eval Ever) or inspect (inspect_ai EvalLog).")
    ExportFormat format;

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Complete run folders.")
    List<Path> runs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write.")
    Path out;

    private final PrintStream stdout;
    private final Clock clock;

    public ExportCommand() {
        this(System.out, Clock.systemUTC());
    }

    /** {@code clock}: the record's retrieved_timestamp (eee). */
    public ExportCommand(PrintStream stdout, Clock clock) {
        this.stdout = stdout;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        // Every run is read (and refused) before anything is written.
        List<ExportedRun> read = runs.stream().map(ExportedRun::read).toList();
        for (ExportedRun run : read) {
            switch (format) {
                case EEE -> {
                    EeeExport.Written w = EeeExport.write(run, out, clock.instant());
                    stdout.println("wrote " + w.aggregate() + " and " + w.instances().getFileName()
                            + (run.manifest().simulated() ? " (simulated run)" : ""));
                }
                case INSPECT -> stdout.println("wrote " + InspectLog.write(run, out) + (run.manifest().simulated() ? " (simulated run)" : ""));
            }
        }
        return Cli.OK;
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            return Arrays.stream(ExportFormat.values()).filter(f -> f.id().equals(value)).findFirst()
                    .orElseThrow(() -> new BadInputException("'" + value + "' is not a format (eee, inspect)"));
        }
    }
}
