package dev.claimcheck.core.cli;

import static dev.claimcheck.core.cli.BenchCommandTest.bench;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --lower-bound X}: a claimed minimum ratio B/A judged per load from the A/B interval. */
class BenchLowerBoundTest {
    @Test
    void anAbRunJudgesEveryLoadAgainstTheClaimedBound(@TempDir Path root) {
        var r = bench("--base-url", "sim:tpotMs=3", "--base-url-b", "sim:tpotMs=1", "--model-b", "sim-fast",
                "--concurrency", "1", "--input-tokens", "16,32", "--output-tokens", "4", "--requests", "2",
                "--lower-bound", "3", "--root", root.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("claimed lower bound B/A >= 3.000:")
                .containsPattern("\\n\\s+16 c=1\\s+(consistent|refuted|undecided)\\s+ratio [0-9.]+ \\[[0-9.]+, [0-9.]+\\]")
                .containsPattern("\\n\\s+32 c=1\\s+(consistent|refuted|undecided)\\s+ratio ");
    }

    @Test
    void aBoundWithoutASecondArmOrNotARatioIsRefused(@TempDir Path root) {
        var sweep = bench("--base-url", "sim", "--lower-bound", "3", "--root", root.toString());
        assertThat(sweep.exitCode()).isEqualTo(2);
        assertThat(sweep.err()).contains("--lower-bound judges an A/B ratio: it needs --model-b or --base-url-b");
        var zero = bench("--base-url", "sim", "--model-b", "x", "--lower-bound", "0", "--root", root.toString());
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--lower-bound must be a positive ratio, got 0.0");
    }
}
