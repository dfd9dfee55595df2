package dev.claimcheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.ClientLoad;
import dev.claimcheck.core.model.LoadPoint;
import dev.claimcheck.core.serving.LiveCounts;
import dev.claimcheck.core.serving.LoadRunner;
import dev.claimcheck.core.serving.ServingBench;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench's progress: one plain line per point off a terminal; on one, a redrawn status line cleared before it. */
class BenchConsoleTest {
    static final LoadPoint POINT = new LoadPoint(0, 4, null, null, null, 64, 12, null, null, null);

    @Test
    void offATerminalEachPointPrintsExactlyOneLineAndNothingElse(@TempDir Path root) {
        BenchCommandTest.Result r = BenchCommandTest.bench("--base-url", "sim:tpotMs=1", "--concurrency", "2,4",
                "--input-tokens", "64", "--output-tokens", "12", "--requests", "20", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("\r");
        assertThat(r.err().lines().filter(l -> l.startsWith("point ")).toList()).hasSize(2)
                .allMatch(l -> l.contains(": 20 requests, 0 errors,"));
    }

    @Test
    void theStatusLineNamesDoneErrorsAndRates() {
        assertThat(BenchConsole.status(POINT, new LiveCounts.Snapshot(10, 1, 500, 2.0)))
                .isEqualTo("point 0 (concurrency 4): 10 done, 1 errors, 5.0 req/s, 250 tok/s, 2 s");
        assertThat(BenchConsole.status(POINT, new LiveCounts.Snapshot(0, 0, 0, 0)))
                .isEqualTo("point 0 (concurrency 4): 0 done, 0 errors, 0.0 req/s, 0 tok/s, 0 s");
    }

    @Test
    void onATerminalTheStatusLineIsRedrawnThenClearedBeforeThePointLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (BenchConsole console = new BenchConsole(err, true)) {
            console.pointStarted(POINT, new LiveCounts());
            while (!bytes.toString(StandardCharsets.UTF_8).contains("\rpoint 0 (concurrency 4): 0 done")) {
                Thread.sleep(50); // waits for the first redraw (an event, not a duration under test)
            }
            console.pointDone(new ServingBench.PointDone(POINT,
                    new LoadRunner.PointResult(POINT, List.of(), new ClientLoad(0.1, 100), 1.0, 0)));
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        String last = "point 0 (concurrency 4, input 64, output 12): 0 requests, 0 errors, 1.0 s, client cpu 10%, loop lag p99 0.10 ms";
        assertThat(out).endsWith("\r" + last + System.lineSeparator());
        assertThat(out.substring(0, out.length() - last.length() - 1)).matches("(?s)\\rpoint 0 .*\\r *\\r");
        assertThat(out).doesNotContain("\u001b");
    }
}
