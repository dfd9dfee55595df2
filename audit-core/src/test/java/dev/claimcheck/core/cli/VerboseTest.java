package dev.claimcheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.verify.Evidence;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -v/--verbose} (docs/architecture.md §3.1): JGit's and sshd's logging and a failure's cause on stderr; without
 * it, nothing from the libraries and errors stay one line. Each case is a fresh JVM, as a script run is.
 */
class VerboseTest {
    @TempDir
    static Path dir;
    static Path key;
    static Path run;

    @BeforeAll
    static void aCompleteRunAndAKey() throws Exception {
        Evidence.requireSshKeygen();
        key = Evidence.keygen(Files.createDirectories(dir.resolve("keys")), "alice", "alice@example.org");
        run = Evidence.simRun(dir.resolve("root"));
    }

    record Result(int exit, String stderr) {
    }

    static Result sign(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SignMain.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("SSH_AUTH_SOCK");
        Process p = pb.start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), err);
    }

    @Test
    void withoutVerboseTheLibrariesSayNothingAndAnErrorIsOneLine() throws Exception {
        Result ok = sign(run.toString(), "--key", key.toString(), "--force");
        assertThat(ok.exit()).as(ok.stderr()).isZero();
        assertThat(ok.stderr()).isEmpty();

        Result bad = sign(run.toString(), "--key", dir.resolve("missing").toString(), "--force");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.stderr().lines()).hasSize(1).first().asString().startsWith("sign: cannot read private key");
    }

    @Test
    void verboseShowsSshdsLoggingAndTheCauseOfAFailure() throws Exception {
        Result ok = sign("-v", run.toString(), "--key", key.toString(), "--force");
        assertThat(ok.exit()).as(ok.stderr()).isZero();
        assertThat(ok.stderr()).contains("org.apache.sshd");

        Result bad = sign(run.toString(), "--verbose", "--key", dir.resolve("missing").toString(), "--force");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.stderr().lines().findFirst().orElseThrow()).startsWith("sign: cannot read private key");
        assertThat(bad.stderr()).contains("BadInputException").contains("\tat dev.claimcheck.core.provenance.SigningKeys");
    }
}
