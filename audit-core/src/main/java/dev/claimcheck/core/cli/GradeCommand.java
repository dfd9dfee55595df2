package dev.claimcheck.core.cli;

import dev.claimcheck.core.grade.GradeFiles;
import dev.claimcheck.core.grade.Graders;
import java.io.PrintStream;
import java.nio.file.Path;
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
            "Exit codes: 0 every line graded, 1 could not finish, 2 bad usage or unreadable input."})
public final class GradeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<grader>", completionCandidates = GraderIds.class,
            description = "Grader id: ${COMPLETION-CANDIDATES}.")
    String grader;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "JSON Lines to grade.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Where to write the verdict lines.")
    Path output;

    private final PrintStream err;

    public GradeCommand() {
        this(System.err);
    }

    GradeCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() {
        var g = Graders.byId(grader);
        int lines = GradeFiles.gradeFile(grader, input, output);
        err.printf("graded %d lines with %s (version %s): %s%n", lines, g.id(), g.version(), output);
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
