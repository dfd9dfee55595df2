package dev.claimcheck.core.cli;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.GradeFiles;
import dev.claimcheck.core.grade.Graders;
import dev.claimcheck.core.run.AuditMerge;
import dev.claimcheck.core.run.AuditOutcome;
import dev.claimcheck.core.run.RunRegrade;
import dev.claimcheck.core.run.Shard;
import dev.claimcheck.core.store.Journal;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code grade <grader> --input pairs.jsonl --output verdicts.jsonl}: the grading path audits use,
 * over a file. Exit 0 when every input line got a verdict line, failing ones included.
 */
@Command(name = "grade", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Grade prepared inputs with a registered grader and write one verdict line per input line.",
            "math: input lines {\"id\",\"gold\",\"pred\"}; output lines {\"id\",\"equal\",\"extracted\",\"goldNormalized\",\"detail\"}.",
            "code: input lines {\"id\",\"language\",\"program\",\"tests\":[{\"input\",\"output\",\"kind\",\"fn\"?}],\"timeLimitMs\"?,\"memoryLimitMb\"?};",
            "      output lines {\"id\",\"passed\",\"verdict\",\"tests\":[{\"passed\",\"verdict\",\"timeMs\"}],\"detail\"} (programs run in the bubblewrap sandbox)."},
        footer = {"", "Example:", "  ./jbang grade@. math --input pairs.jsonl --output verdicts.jsonl",
            "  ./jbang grade@. code --input programs.jsonl --output verdicts.jsonl",
            "  ./jbang grade@. --run RUN_DIR --shard 0/4      # re-grade a recorded run's samples (docs/scale-out.md)",
            "  ./jbang grade@. --merge SHARD_DIR...          # the re-graded shards as one run",
            "Exit codes: 0 every line graded, 1 could not finish, 2 bad usage or unreadable input."})
public final class GradeCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "<grader>", completionCandidates = GraderIds.class,
            description = "Grader id: ${COMPLETION-CANDIDATES}.")
    String grader;

    @Option(names = "--input", paramLabel = "FILE", description = "JSON Lines to grade (with <grader>).")
    Path input;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write the verdict lines (with <grader>).")
    Path output;

    @Option(names = "--run", paramLabel = "RUN_DIR",
            description = "Re-grade a complete run's recorded responses with this harness's graders into a new run folder.")
    Path run;

    @Option(names = "--shard", paramLabel = "i/n", description = "With --run: only shard i of n of its (task, attempt) pairs.")
    String shard;

    @Option(names = "--merge", arity = "1..*", paramLabel = "RUN_DIR", description = "Merge the re-graded shards of one run into one run.")
    List<Path> merge;

    @Option(names = "--root", paramLabel = "DIR", description = "With --run or --merge: where the new run goes (default: the recorded run's root).")
    Path root;

    private final PrintStream err;

    public GradeCommand() {
        this(System.err);
    }

    GradeCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() {
        if (run != null || merge != null) {
            return runs();
        }
        if (grader == null || input == null || output == null) {
            throw new BadInputException("give <grader> --input FILE --output FILE, --run RUN_DIR or --merge RUN_DIR...");
        }
        var g = Graders.byId(grader);
        int lines = GradeFiles.gradeFile(grader, input, output);
        err.printf("graded %d lines with %s (version %s): %s%n", lines, g.id(), g.version(), output);
        return Cli.OK;
    }

    /** {@code --run} or {@code --merge}: a run folder out, like {@code audit}'s. */
    private int runs() {
        if (grader != null || input != null || output != null || (run != null && merge != null)) {
            throw new BadInputException("--run and --merge take no <grader>, --input or --output, and not each other");
        }
        if (merge != null && shard != null) {
            throw new BadInputException("--shard goes with --run");
        }
        AuditOutcome outcome = merge != null
                ? new AuditMerge(Clock.systemUTC(), Journal.DEFAULT_PART_LIMIT).merge(merge, root)
                : new RunRegrade(Clock.systemUTC(), Journal.DEFAULT_PART_LIMIT).regrade(run, shard == null ? null : Shard.parse(shard), root);
        err.println((merge != null ? "merged " + merge.size() + " re-graded shards: " : "re-graded: ") + outcome.folder().dir());
        return Cli.OK;
    }

    /** The registered grader ids, for help text and shell completion. */
    static final class GraderIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Graders.all().stream().map(g -> g.id()).iterator();
        }
    }
}
