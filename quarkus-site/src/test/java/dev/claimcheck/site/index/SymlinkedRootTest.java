package dev.claimcheck.site.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.cli.AuditCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.provenance.Signer;
import dev.claimcheck.core.run.AuditSession;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.Root;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The site indexes only what verify walks (issue 15, item 4): a real run signed by a trusted key, its score edited
 * before signing (so signature and hashes check, and only verify's recomputation would catch it), reached through a
 * symbolic link at each level of results/runs, is never a run of the index and never ✓; it is listed as excluded
 * with the finding id.
 */
class SymlinkedRootTest {
    static final String KEYGEN = "/usr/bin/ssh-keygen";

    @TempDir
    static Path shared;
    static Path key;

    @BeforeAll
    static void key() throws Exception {
        key = newKey(shared);
    }

    /** A new ed25519 key "alice" in {@code dir} (ssh-keygen writes it and its .pub). */
    static Path newKey(Path dir) throws Exception {
        assertThat(Files.isExecutable(Path.of(KEYGEN))).as(KEYGEN + " not found. Needs: apt-get install -y openssh-client (./test installs it)").isTrue();
        Path key = dir.resolve("alice");
        Process p = new ProcessBuilder(KEYGEN, "-q", "-t", "ed25519", "-N", "", "-C", "alice@example.org", "-f", key.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor()).isZero();
        return key;
    }

    /** A signed real-looking run of its own root, the score inflated before signing; returns the run folder. */
    static Path signedRunWithEditedScore(Path root) throws IOException {
        return signedRunWithEditedScore(root, key);
    }

    /** As {@link #signedRunWithEditedScore(Path)}, signed with {@code key}, which the root's allowed_signers lists. */
    static Path signedRunWithEditedScore(Path root, Path key) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = Cli.execute(new AuditCommand(new AuditSession(Clock.systemUTC(), Map.of(), Journal.DEFAULT_PART_LIMIT), ps, ps),
                new PrintWriter(ps, true), "arith", "--base-url", "sim:accuracy=0.5", "--k", "1", "--problems", "4",
                "--root", root.toString());
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        Path run;
        try (Stream<Path> s = Files.find(root.resolve("results/runs"), 4,
                (p, a) -> a.isDirectory() && root.resolve("results/runs").relativize(p).getNameCount() == 4)) {
            run = s.findFirst().orElseThrow();
        }
        ObjectNode json = (ObjectNode) Json.mapper().readTree(run.resolve("run.json").toFile());
        ((ObjectNode) json.path("metrics")).put("score", 0.99);
        Files.write(run.resolve("run.json"), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        Signer.sign(run, key, false);
        Files.writeString(root.resolve("results/allowed_signers"),
                "alice@example.org " + Files.readString(Path.of(key + ".pub")).strip() + "\n");
        return run;
    }

    @Test
    void theSameRunInPlaceIsShownVerifiedSoTheLinkIsWhatExcludesIt(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve("root");
        signedRunWithEditedScore(root);
        ResultsIndex index = IndexLoader.load(new Root(root), Instant.now());
        assertThat(index.runs()).singleElement().satisfies(r -> assertThat(r.trust()).isEqualTo("verified"));
    }

    /** @param level how many names of results/runs/slug/workload/suite/id the link replaces, from the run folder up */
    @ParameterizedTest(name = "symlinked at level {0} below the run folder")
    @ValueSource(ints = {0, 1, 2, 3})
    void aRunReachedThroughASymlinkIsNeverIndexed(int level, @TempDir Path tmp) throws IOException {
        Path outside = tmp.resolve("outside");
        Path run = signedRunWithEditedScore(outside);
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("results"));
        Files.copy(outside.resolve("results/allowed_signers"), root.resolve("results/allowed_signers"));
        Path real = run;
        for (int i = 0; i < level; i++) {
            real = real.getParent();
        }
        Path link = root.resolve(outside.relativize(real).toString());
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, real);

        ResultsIndex index = IndexLoader.load(new Root(root), Instant.now());
        assertThat(index.runs()).as("runs reached through a link").isEmpty();
        assertThat(index.excluded()).extracting(ExcludedRun::path).contains(root.relativize(link).toString());
        assertThat(index.excluded()).filteredOn(e -> e.path().equals(root.relativize(link).toString()))
                .singleElement().satisfies(e -> assertThat(e.reason()).startsWith("symlinkInRoot"));
    }

    @Test
    void aSymlinkedClaimsFileIsNotReadAndIsListedAsExcluded(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("results/claims"));
        Path elsewhere = Files.writeString(tmp.resolve("claims.json"), """
                {"schema": "claimcheck/claims/v1", "model": {"id": "t/M-1", "slug": "t--m-1"}, "lane": "instant", "claims": []}
                """);
        Files.createSymbolicLink(root.resolve("results/claims/t--m-1.json"), elsewhere);
        ResultsIndex index = IndexLoader.load(new Root(root), Instant.now());
        assertThat(index.claims()).isEmpty();
        assertThat(index.excluded()).extracting(ExcludedRun::path, e -> e.reason().split(":")[0])
                .containsExactly(org.assertj.core.groups.Tuple.tuple("results/claims/t--m-1.json", "symlinkInRoot"));
    }

    @Test
    void aRunWhoseFileIsASymlinkIsNotVerifiedAndTheLinkIsListed(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve("root");
        Path run = signedRunWithEditedScore(root);
        Path csv = Files.move(run.resolve("summary.csv"), tmp.resolve("summary.csv"));
        Files.createSymbolicLink(run.resolve("summary.csv"), csv);
        ResultsIndex index = IndexLoader.load(new Root(root), Instant.now());
        assertThat(index.runs()).singleElement().satisfies(r -> assertThat(r.trust()).isEqualTo("invalid"));
        assertThat(index.excluded()).extracting(ExcludedRun::path).containsExactly(root.relativize(run.resolve("summary.csv")).toString());
        List<String> reasons = index.excluded().stream().map(ExcludedRun::reason).toList();
        assertThat(reasons).allMatch(r -> r.startsWith("symlinkInRoot"));
    }
}
