package dev.claimcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.cli.VerifyCommand;
import dev.claimcheck.core.provenance.Signer;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RootWalk;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-root corpus (issue 15, items 4 and 5): each row starts from a root holding one real signed run and its
 * proof, adds a symbolic link or special file somewhere under results/, proofs/ or the recipes, and runs {@code verify}
 * over the whole root as CI does. Every row must fail with its root finding id, and no run reached through a link may
 * be reported at all (let alone trusted).
 */
class HostileRootsTest {
    @TempDir
    static Path shared;
    static Path alice;
    static Path baseRoot;
    /** A second signed run outside any root, its score inflated before signing: only metrics recomputation catches it. */
    static Path forged;

    @FunctionalInterface
    interface Mutation {
        void apply(Path root, Path run) throws Exception;
    }

    record Case(String name, String expected, Mutation mutation) {
        @Override
        public String toString() {
            return name + " -> " + expected;
        }
    }

    record Result(int code, String out) {
    }

    @BeforeAll
    static void signedRoot() throws Exception {
        Evidence.requireSshKeygen();
        alice = Evidence.keygen(Files.createDirectories(shared.resolve("keys")), "alice", "alice@example.org");
        baseRoot = Files.createDirectories(shared.resolve("base"));
        Path run = Evidence.simRun(baseRoot);
        Evidence.addProof(baseRoot, run);
        Files.writeString(baseRoot.resolve("results/allowed_signers"), Evidence.signerLine("alice@example.org", "", alice));
        Signer.sign(run, alice, false);
        Path other = Files.createDirectories(shared.resolve("other"));
        forged = Evidence.simRun(other);
        ObjectNode json = Evidence.runJson(forged);
        ((ObjectNode) json.path("metrics")).put("score", 0.99);
        Evidence.writeRunJson(forged, json);
        Signer.sign(forged, alice, false);
    }

    static Result verify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = Cli.execute(new VerifyCommand(ps), new PrintWriter(ps, true), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }

    /** Moves {@code real} out of the root and leaves a link to it in its place. */
    static void replaceByLink(Path root, Path real) throws Exception {
        Path away = root.resolveSibling("away-" + real.getFileName());
        Files.move(real, away);
        Files.createSymbolicLink(real, away);
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("run folder is a link to a forged signed run", "symlinkInRoot", (root, run) -> {
            Path link = run.resolveSibling(forged.getFileName());
            Files.createSymbolicLink(link, forged);
        }));
        c.add(new Case("the run folder itself replaced by a link", "symlinkInRoot", (root, run) -> replaceByLink(root, run)));
        c.add(new Case("suite folder is a link", "symlinkInRoot", (root, run) -> replaceByLink(root, run.getParent())));
        c.add(new Case("workload folder is a link", "symlinkInRoot", (root, run) -> replaceByLink(root, run.getParent().getParent())));
        c.add(new Case("model folder results/runs/<model> is a link", "symlinkInRoot",
                (root, run) -> replaceByLink(root, run.getParent().getParent().getParent())));
        c.add(new Case("results/runs is a link", "symlinkInRoot", (root, run) -> replaceByLink(root, root.resolve("results/runs"))));
        c.add(new Case("results is a link", "symlinkInRoot", (root, run) -> replaceByLink(root, root.resolve("results"))));
        c.add(new Case("file inside a run is a link", "symlinkInRoot",
                (root, run) -> Files.createSymbolicLink(run.resolve("passwd"), Path.of("/etc/passwd"))));
        c.add(new Case("dangling link beside the runs", "symlinkInRoot",
                (root, run) -> Files.createSymbolicLink(root.resolve("results/runs/notes"), Path.of("/nonexistent"))));
        c.add(new Case("claims file is a link", "symlinkInRoot", (root, run) -> {
            Files.createDirectories(root.resolve("results/claims"));
            Files.createSymbolicLink(root.resolve("results/claims/sim.json"), Path.of("/etc/hostname"));
        }));
        c.add(new Case("allowed_signers is a link", "symlinkInRoot", (root, run) -> replaceByLink(root, root.resolve("results/allowed_signers"))));
        c.add(new Case("proof is a link", "symlinkInRoot", (root, run) -> {
            try (Stream<Path> s = Files.walk(root.resolve("proofs"))) {
                replaceByLink(root, s.filter(Files::isRegularFile).findFirst().orElseThrow());
            }
        }));
        c.add(new Case("proofs is a link", "symlinkInRoot", (root, run) -> replaceByLink(root, root.resolve("proofs"))));
        c.add(new Case("recipe is a link", "symlinkInRoot", (root, run) -> {
            Files.createDirectories(root.resolve("audit-scripts/recipes/sim"));
            Files.createSymbolicLink(root.resolve("audit-scripts/recipes/sim/x.json"), Path.of("/etc/hostname"));
        }));
        c.add(new Case("FIFO among the claims", "notRegularFileInRoot", (root, run) -> {
            Files.createDirectories(root.resolve("results/claims"));
            Evidence.exec(root.resolve("results/claims"), "mkfifo", "sim.json");
        }));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aLinkAnywhereInTheRootFailsVerifyWithItsRootFinding(Case c, @TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        Evidence.copyTree(baseRoot, root);
        Path run = Evidence.runs(root).get(0);
        Path signers = Files.copy(baseRoot.resolve("results/allowed_signers"), tmp.resolve("allowed_signers"));
        c.mutation().apply(root, run);

        RootWalk walk = RootWalk.of(new Root(root));
        assertThat(walk.unsafe()).as(c.name()).extracting(RootWalk.Unsafe::id).contains(c.expected());
        assertThat(walk.runFolders()).as("no run folder is reached through a link")
                .allSatisfy(r -> assertThat(RootWalk.throughLink(new Root(root), r)).isFalse());

        Result r = verify(root.toString(), "--allowed-signers", signers.toString(), "--report", tmp.resolve("report.md").toString());
        assertThat(r.code()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).as(r.out()).containsPattern("(?m)^FAIL " + c.expected() + ": ");
        assertThat(r.out().lines().filter(l -> l.startsWith("TRUSTED ") || l.startsWith("FAILED ")))
                .as("no run reached through a link is reported, let alone trusted")
                .allSatisfy(l -> assertThat(RootWalk.throughLink(new Root(root), Path.of(l.split(" ")[1]))).isFalse())
                .noneMatch(l -> l.contains(forged.getFileName().toString()));
        assertThat(Files.readString(tmp.resolve("report.md"))).contains("Root findings").contains(c.expected());
    }

    @Test
    void theUntouchedRootIsTrustedAndHasNoRootFinding(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        Evidence.copyTree(baseRoot, root);
        assertThat(RootWalk.of(new Root(root)).clean()).isTrue();
        Result r = verify(root.toString());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("1 trusted, 0 failed").doesNotContain("FAIL");
    }

    @Test
    void aRunFolderNamedDirectlyThroughALinkedParentIsRefused(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        Evidence.copyTree(baseRoot, root);
        Path run = Evidence.runs(root).get(0);
        replaceByLink(root, run.getParent().getParent().getParent());
        Result r = verify(run.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL symlink: a folder between the root and the run folder is a symbolic link");
    }

    /** Item 5: the whole root is verified, so an edit to another run's proof or a bad claims file fails too. */
    @Test
    void verifyingARootChecksEveryRunAndTheLedger(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        Evidence.copyTree(baseRoot, root);
        try (Stream<Path> s = Files.walk(root.resolve("proofs"))) {
            Files.writeString(s.filter(Files::isRegularFile).findFirst().orElseThrow(), "\\boxed{42}\n");
        }
        Files.createDirectories(root.resolve("results/claims"));
        Files.writeString(root.resolve("results/claims/broken.json"), "{\"schema\": \"other\"}");
        Result r = verify(root.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL proofHashMismatch").contains("FAIL claimsSchema: results/claims/broken.json");
    }

    /** Issue 22, part 6: {@code verify results} names the root whose results/ it is. */
    @Test
    void theResultsFolderOfARootStandsForTheRoot(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        Evidence.copyTree(baseRoot, root);
        Result r = verify(root.resolve("results").toString());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("1 trusted, 0 failed").doesNotContain("is not inside a root");
        Files.createSymbolicLink(root.resolve("results/claims-link"), Path.of("/etc"));
        Result linked = verify(root.resolve("results").toString());
        assertThat(linked.code()).isEqualTo(1);
        assertThat(linked.out()).contains("FAIL symlinkInRoot: results/claims-link: symbolic link to /etc");
    }
}
