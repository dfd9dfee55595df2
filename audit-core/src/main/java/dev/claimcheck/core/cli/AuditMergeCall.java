package dev.claimcheck.core.cli;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.run.AuditMerge;
import dev.claimcheck.core.run.AuditOutcome;
import dev.claimcheck.core.store.Journal;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** {@code audit --merge RUN_DIR...}: the shards' union as one run, its table, and signing when asked (docs/scale-out.md). */
final class AuditMergeCall {
    private AuditMergeCall() {
    }

    static int run(AuditCommand command, List<Path> shards, Path root, boolean otherMode, PrintStream out, PrintStream err) {
        if (otherMode) {
            throw new BadInputException("--merge takes only shard run folders (and --root, --sign, --commit)");
        }
        command.checkSigning();
        AuditOutcome outcome = new AuditMerge(Clock.systemUTC(), Journal.DEFAULT_PART_LIMIT).merge(shards, root);
        ResultTable.print(out, outcome);
        err.println("merged " + shards.size() + " shards: " + outcome.folder().dir());
        return command.signAndCommit(outcome, Cli.OK);
    }
}
