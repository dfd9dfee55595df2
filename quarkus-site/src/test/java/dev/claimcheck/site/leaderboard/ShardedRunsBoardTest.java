package dev.claimcheck.site.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.cli.AuditCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.index.IndexLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One shard of an audit is part of a run, not a score: the board shows its merged run (audit --merge), never a shard (docs/scale-out.md). */
class ShardedRunsBoardTest {
    @TempDir
    Path root;

    private String audit(String... args) {
        StringWriter err = new StringWriter();
        int code = Cli.execute(new AuditCommand(), new PrintWriter(err, true), args);
        assertThat(code).as(err.toString()).isZero();
        return err.toString();
    }

    private List<LeaderboardRow> rows() {
        return Boards.build(IndexLoader.load(new Root(root), Instant.now()), List.of(), java.util.Map.of()).stream()
                .flatMap(b -> b.lanes().values().stream().flatMap(List::stream)).toList();
    }

    @Test
    void theShardsOfAnAuditAreNoRowsOfTheBoard() {
        for (int i = 0; i < 2; i++) {
            audit("arith", "--base-url", "sim", "--problems", "6", "--shard", i + "/2", "--root", root.toString());
        }
        assertThat(rows()).as("shards alone").isEmpty();
    }
}
