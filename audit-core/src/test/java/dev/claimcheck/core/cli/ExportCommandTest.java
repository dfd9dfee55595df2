package dev.claimcheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.verify.Evidence;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export} in-process, as its script runs it: what it writes, what it prints, its exit codes. */
class ExportCommandTest {
    record Result(int exitCode, String out, String err) {
    }

    static Result export(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
        int code = Cli.execute(new ExportCommand(new PrintStream(out, true, StandardCharsets.UTF_8), clock),
                new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void bothFormatsWriteTheirFilesAndSayTheRunIsSimulated(@TempDir Path dir) throws Exception {
        Path run = Evidence.simRun(dir.resolve("root"));
        String runId = run.getFileName().toString();

        Result eee = export("--format", "eee", run.toString(), "--out", dir.resolve("eee").toString());
        assertThat(eee.exitCode()).as(eee.err()).isZero();
        assertThat(eee.out()).contains("(simulated run)");
        assertThat(dir.resolve("eee/data/arith/unknown/sim/" + runId + ".json")).isRegularFile();
        assertThat(dir.resolve("eee/data/arith/unknown/sim/" + runId + ".samples.jsonl")).isRegularFile();

        Result inspect = export("--format", "inspect", run.toString(), "--out", dir.resolve("logs").toString());
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(dir.resolve("logs/" + runId + "_arith.json")).isRegularFile();
    }

    @Test
    void badInputIsOneLineWithExitTwoAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path run = Evidence.simRun(dir.resolve("root"));
        Result format = export("--format", "csv", run.toString(), "--out", dir.resolve("x").toString());
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("--format").contains("'csv' is not a format");

        Result notARun = export("--format", "eee", run.toString(), dir.toString(), "--out", dir.resolve("y").toString());
        assertThat(notARun.exitCode()).isEqualTo(2);
        assertThat(notARun.err().strip().lines()).hasSize(1).first().asString().contains("not a run folder");
        assertThat(Files.exists(dir.resolve("y"))).as("every run is read before anything is written").isFalse();
    }
}
