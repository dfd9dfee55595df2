package dev.claimcheck.core.cli;

import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.run.AuditSession;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunManifestStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs {@code audit} in-process the way the script does, capturing stdout, stderr and the exit code. */
public final class AuditRunner {
    public record Result(int exitCode, String out, String err) {
        public Path runDir() {
            Matcher m = Pattern.compile("run folder\\s+(\\S+)").matcher(out);
            if (!m.find()) {
                throw new AssertionError("no run folder in output:\n" + out + "\n" + err);
            }
            return Path.of(m.group(1));
        }

        public RunManifest manifest() {
            return RunManifestStore.read(new RunFolder(runDir()));
        }
    }

    public static Result audit(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        AuditSession session = new AuditSession(Clock.systemUTC(), env, Journal.DEFAULT_PART_LIMIT);
        int code = Cli.execute(new AuditCommand(session, o, e), new PrintWriter(e, true), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static Result audit(String... args) {
        return audit(Map.of(), args);
    }

    public static long journalLines(Path runDir) throws java.io.IOException {
        long n = 0;
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("samples(\\.\\d+)?\\.jsonl")).toList()) {
                n += Files.readAllLines(p).size();
            }
        }
        return n;
    }

    private AuditRunner() {
    }
}
