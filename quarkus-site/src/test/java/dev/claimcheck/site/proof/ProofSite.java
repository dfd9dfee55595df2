package dev.claimcheck.site.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.cli.AuditCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.provenance.SigningKeys;
import dev.claimcheck.core.provenance.SshSignature;
import dev.claimcheck.core.run.AuditSession;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.proofs.ProofReview;
import dev.claimcheck.site.export.StaticExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;

/**
 * A simulated import of vendor proofs (problem 1's solution made hostile) graded by two simulated judges, with two
 * human reviews (alice's signed by a key the root allows, mallory's by one it does not), exported as a static site.
 */
public record ProofSite(Path root, Path site, String runId) {
    static final Path FIXTURE = Path.of("../audit-core/src/test/resources/suites/proofs");
    static final Path KEYGEN = Path.of("/usr/bin/ssh-keygen");
    static final String HOSTILE = "\n\n<script>alert('x')</script> <img src=x onerror=alert(2)>\n\n[click](javascript:alert(1))\n";

    public static ProofSite build(Path tmp) throws Exception {
        if (!Files.isExecutable(KEYGEN)) {
            Assertions.fail(KEYGEN + " not found. Needs: apt-get install -y openssh-client");
        }
        Path root = tmp.resolve("root");
        copy(FIXTURE.resolve("set"), root.resolve("sets/toy25"));
        Path vendor = tmp.resolve("vendor");
        copy(FIXTURE.resolve("vendor"), vendor);
        Files.writeString(vendor.resolve("TOY25_Q1.md"), Files.readString(vendor.resolve("TOY25_Q1.md")) + HOSTILE);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        AuditSession session = new AuditSession(Clock.systemUTC(), Map.of(), Journal.DEFAULT_PART_LIMIT);
        int code = Cli.execute(new AuditCommand(session, new PrintStream(new ByteArrayOutputStream()), e), new PrintWriter(e, true),
                "proofs", "--base-url", "sim", "--model", "toy/toy-2", "--root", root.toString(),
                "--dataset", root.resolve("sets/toy25").toString(), "--import-solutions", vendor.toString(),
                "--judge", "sim:accuracy=1=judge-exact", "--judge", "sim:accuracy=0=judge-harsh");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path runDir;
        try (Stream<Path> s = Files.walk(root.resolve("results/runs"), 4)) {
            runDir = s.filter(p -> root.resolve("results/runs").relativize(p).getNameCount() == 4).findFirst().orElseThrow();
        }
        String runId = runDir.getFileName().toString();
        List<Sample> samples = Journal.readAll(new RunFolder(runDir));
        Path alice = keygen(tmp, "alice");
        Path mallory = keygen(tmp, "mallory");
        Files.writeString(root.resolve("results/allowed_signers"),
                "alice@example.org " + Files.readString(Path.of(alice + ".pub")).strip() + "\n");
        // alice gives every problem full marks with a hostile comment; mallory's review is signed by a key not allowed.
        review(root, runId, samples, "alice@example.org", alice, p -> p, "Correct: $x_1 + x_2$ <script>alert(3)</script>");
        review(root, runId, samples, "mallory@example.org", mallory, p -> 0.0, "nothing");
        Path site = tmp.resolve("site");
        StaticExporter.export(new Root(root), site);
        return new ProofSite(root, site, runId);
    }

    static void review(Path root, String runId, List<Sample> samples, String reviewer, Path key, java.util.function.DoubleUnaryOperator points, String comment)
            throws IOException {
        List<ProofReview.Grade> grades = samples.stream().sorted(java.util.Comparator.comparing(Sample::taskId))
                .map(s -> new ProofReview.Grade(s.taskId(), s.attempt(), points.applyAsDouble(max(s)),
                        "sha256:" + PromptHash.sha256Hex(s.response().content()), comment)).toList();
        Path file = root.resolve("reviews/" + runId + "/" + reviewer + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, new ProofReview(ProofReview.SCHEMA, runId, reviewer, grades).toJson());
        Files.writeString(file.resolveSibling(file.getFileName() + ".sig"),
                SshSignature.sign(Files.readAllBytes(file), SigningKeys.readFile(key)));
    }

    static double max(Sample s) {
        return dev.claimcheck.core.suite.proofs.ProofDetail.read(s.verdict().detail()).orElseThrow().maxPoints();
    }

    static Path keygen(Path tmp, String name) throws IOException, InterruptedException {
        Path key = tmp.resolve(name);
        Process p = new ProcessBuilder(KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        return key;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
