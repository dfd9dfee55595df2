package dev.claimcheck.core.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.cli.AuditCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.provenance.SigningKeys;
import dev.claimcheck.core.provenance.SshSignature;
import dev.claimcheck.core.run.AuditSession;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.testing.Prerequisite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Builds real simulated run folders, keys and signatures for verifier tests. */
public final class Evidence {
    public static final String KEYGEN = "/usr/bin/ssh-keygen";

    private Evidence() {
    }

    public static void requireSshKeygen() {
        Prerequisite.SSH_KEYGEN.requireExecutable(Path.of(KEYGEN));
    }

    /** A fresh unencrypted ed25519 key {@code dir/name} (+ .pub). */
    public static Path keygen(Path dir, String name, String comment) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        exec(dir, KEYGEN, "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", key.toString());
        return key;
    }

    /** An allowed_signers line for a key: principal, options (may be empty), public key. */
    public static String signerLine(String principal, String options, Path key) throws IOException {
        String pub = Files.readString(Path.of(key + ".pub")).strip();
        return principal + (options.isEmpty() ? "" : " " + options) + " " + pub + "\n";
    }

    /** Runs {@code audit} in-process against the simulator; returns the run folder it wrote under {@code root}. */
    public static Path simRun(Path root, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("arith", "--base-url", "sim:accuracy=0.5", "--k", "2", "--problems", "8",
                "--concurrency", "4", "--root", root.toString()));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        AuditSession session = new AuditSession(Clock.systemUTC(), Map.of(), Journal.DEFAULT_PART_LIMIT);
        int code = Cli.execute(new AuditCommand(session, ps, ps), new PrintWriter(ps, true), args.toArray(String[]::new));
        if (code != 0) {
            throw new AssertionError("audit exited " + code + ":\n" + out.toString(StandardCharsets.UTF_8));
        }
        List<Path> runs = runs(root);
        return runs.get(runs.size() - 1);
    }

    /** The run folders of a root, sorted. */
    public static List<Path> runs(Path root) throws IOException {
        Path runsDir = root.resolve("results/runs");
        try (Stream<Path> s = Files.find(runsDir, 4, (p, a) -> a.isDirectory() && runsDir.relativize(p).getNameCount() == 4)) {
            return s.sorted().toList();
        }
    }

    /** The root's one run folder; fails when there is none or more than one. */
    public static Path onlyRun(Path root) throws IOException {
        List<Path> runs = runs(root);
        if (runs.size() != 1) {
            throw new AssertionError("expected one run under " + root + ", found " + runs);
        }
        return runs.get(0);
    }

    /** Writes a proof for the run's first task under the root's proofs/ and lists it in run.json. */
    public static Path addProof(Path root, Path run) throws IOException {
        ObjectNode json = runJson(run);
        String runId = json.path("runId").asText();
        String rel = "proofs/" + json.path("model").path("slug").asText() + "/arith/" + runId + "/arith-0000-0.md";
        Path proof = root.resolve(rel);
        Files.createDirectories(proof.getParent());
        Files.writeString(proof, "# arith-0000, attempt 0\n\nA readable transcript.\n");
        var proofs = json.putArray("proofs");
        proofs.addObject().put("path", rel).put("sha256", Manifest.sha256(proof)).put("taskId", "arith-0000")
                .put("attempt", 0).put("why", "first");
        writeRunJson(run, json);
        return proof;
    }

    public static ObjectNode runJson(Path run) throws IOException {
        return (ObjectNode) Json.mapper().readTree(run.resolve("run.json").toFile());
    }

    public static void writeRunJson(Path run, Object json) throws IOException {
        Files.write(run.resolve("run.json"), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
    }

    /** Writes MANIFEST over the folder as it is and signs it, bypassing sign's refusals (a hostile submitter can). */
    public static void resign(Path run, Path key) throws IOException {
        Files.deleteIfExists(run.resolve(Manifest.SIGNATURE));
        Files.deleteIfExists(run.resolve(Manifest.FILE));
        Files.writeString(run.resolve(Manifest.FILE), Manifest.compute(run).toText());
        signManifestAsIs(run, key, SshSignature.NAMESPACE);
    }

    /** Signs whatever MANIFEST now holds. */
    public static void signManifestAsIs(Path run, Path key, String namespace) throws IOException {
        byte[] manifest = Files.readAllBytes(run.resolve(Manifest.FILE));
        Files.writeString(run.resolve(Manifest.SIGNATURE), SshSignature.sign(manifest, SigningKeys.readFile(key), namespace));
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    public static String exec(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + out);
        }
        return out;
    }
}
