package dev.claimcheck.core.provenance;

import dev.claimcheck.core.testing.Prerequisite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real OpenSSH {@code ssh-keygen}, the reference our SSHSIG code must interoperate with. */
final class SshKeygen {
    static final String BIN = "/usr/bin/ssh-keygen";

    /** The outcome of one run: exit code and combined output. */
    record Result(int exit, String output) {
    }

    private SshKeygen() {
    }

    static void requireInstalled() {
        Prerequisite.SSH_KEYGEN.requireExecutable(Path.of(BIN));
    }

    /** Generates an unencrypted key pair {@code dir/name} (+ .pub) of the given type. */
    static Path generate(Path dir, String name, String type, String comment) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        Result r = run(null, "-q", "-t", type, "-N", "", "-C", comment, "-f", key.toString());
        if (r.exit() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + r.output());
        }
        return key;
    }

    /** Runs ssh-keygen with optional stdin. */
    static Result run(Path stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(BIN));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        } else {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("ssh-keygen timed out");
        }
        return new Result(p.exitValue(), out);
    }

    /** {@code ssh-keygen -Y verify -f allowed -I principal -n namespace -s sig < message}. */
    static Result verify(Path allowedSigners, String principal, String namespace, Path sig, Path message)
            throws IOException, InterruptedException {
        return run(message, "-Y", "verify", "-f", allowedSigners.toString(), "-I", principal, "-n", namespace, "-s", sig.toString());
    }

    /** {@code ssh-keygen -Y sign -f key -n namespace file}: writes {@code file.sig}. */
    static Path sign(Path key, String namespace, Path file) throws IOException, InterruptedException {
        Result r = run(null, "-Y", "sign", "-f", key.toString(), "-n", namespace, file.toString());
        if (r.exit() != 0) {
            throw new IllegalStateException("ssh-keygen -Y sign failed: " + r.output());
        }
        return Path.of(file + ".sig");
    }

    /** Writes an allowed_signers file trusting {@code principal} with the key in {@code pubFile}. */
    static Path allowedSigners(Path dir, String principal, String options, Path pubFile) throws IOException {
        String pub = Files.readString(pubFile).strip();
        String line = principal + (options.isEmpty() ? "" : " " + options) + " " + pub + "\n";
        return Files.writeString(dir.resolve("allowed_signers"), line);
    }
}
