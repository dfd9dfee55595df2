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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated import of vendor proofs (one solution hostile), two judges and two human reviews (one signed by an
 * allowed key, one not): the export writes a page per problem with every grader side by side, the run page links
 * them, and the claims page's verdict counts the trusted reviewer as a grader.
 */
class ProofPagesTest {
    static final Path FIXTURE = Path.of("../audit-core/src/test/resources/suites/proofs");
    static final Path KEYGEN = Path.of("/usr/bin/ssh-keygen");
    static final String HOSTILE = "\n\n<script>alert('x')</script> <img src=x onerror=alert(2)>\n\n[click](javascript:alert(1))\n";

    @TempDir
    Path tmp;
    Path root;
    Path site;
    String runId;
    Path runDir;

    @BeforeEach
    void exportedImportWithReviews() throws Exception {
        if (!Files.isExecutable(KEYGEN)) {
            Assertions.fail(KEYGEN + " not found. Needs: apt-get install -y openssh-client");
        }
        root = tmp.resolve("root");
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
        try (Stream<Path> s = Files.walk(root.resolve("results/runs"), 4)) {
            runDir = s.filter(p -> root.resolve("results/runs").relativize(p).getNameCount() == 4).findFirst().orElseThrow();
        }
        runId = runDir.getFileName().toString();
        List<Sample> samples = Journal.readAll(new RunFolder(runDir));
        Path alice = keygen("alice");
        Path mallory = keygen("mallory");
        Files.writeString(root.resolve("results/allowed_signers"),
                "alice@example.org " + Files.readString(Path.of(alice + ".pub")).strip() + "\n");
        // alice gives every problem full marks with a hostile comment; mallory's review is signed by a key not allowed.
        review(samples, "alice@example.org", alice, p -> p, "Correct: $x_1 + x_2$ <script>alert(3)</script>");
        review(samples, "mallory@example.org", mallory, p -> 0.0, "nothing");
        site = tmp.resolve("site");
        StaticExporter.export(new Root(root), site);
    }

    @Test
    void everyProblemHasAPageLinkedFromTheRunPage() throws IOException {
        String run = Files.readString(site.resolve("runs/" + runId + ".html"));
        for (String p : List.of("1", "2", "3")) {
            assertThat(site.resolve("runs/" + runId + "/proofs/" + p + ".html")).exists();
            assertThat(run).contains("href=\"../runs/" + runId + "/proofs/" + p + ".html\">problem " + p + "</a>");
        }
        assertThat(site.resolve("webjars/katex/0.18.11/dist/katex.min.js")).exists();
        assertThat(site.resolve("webjars/katex/0.18.11/dist/fonts/KaTeX_Main-Regular.woff2")).exists();
    }

    @Test
    void aProblemPageShowsStatementSolutionAndEveryGraderSideBySide() throws IOException {
        String page = Files.readString(site.resolve("runs/" + runId + "/proofs/1.html"));
        assertThat(page).contains("<h2>Statement</h2>", "problems/1.tex · sha256:", "<span class=\"math\">",
                "sim:accuracy=1=judge-exact", "sim:accuracy=0=judge-harsh", "human:alice@example.org",
                "vendor (self-graded: the claim under test)", "README_en.md:",
                "human:mallory@example.org</td><td>untrusted (not counted)",
                "reviews/" + runId + "/mallory@example.org.json</code>: untrusted: signed by SHA256:",
                "../../../webjars/katex/0.18.11/dist/katex.min.js");
        assertThat(page).contains("<span class=\"math\">x_1 + x_2</span>");
    }

    @Test
    void hostileSolutionsAndCommentsAreEscaped() throws IOException {
        String page = Files.readString(site.resolve("runs/" + runId + "/proofs/1.html"));
        assertThat(page).doesNotContain("<script>alert", "javascript:alert", "<img src=x")
                .contains("&lt;script&gt;alert('x')&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;",
                        "&lt;script&gt;alert(3)&lt;/script&gt;", "<a rel=\"nofollow noopener noreferrer\" href=\"\">click</a>");
    }

    @Test
    void theClaimsPageCountsTheTrustedReviewerAmongTheGraders() throws Exception {
        Files.createDirectories(root.resolve("results/claims"));
        Files.writeString(root.resolve("results/claims/toy--toy-2.json"), """
                {"schema": "claimcheck/claims/v1", "model": {"id": "toy/toy-2", "slug": "toy--toy-2"}, "lane": "instant",
                 "claims": [{"id": "toy25-self-graded", "workload": "proofs", "dataset": "toy25", "metric": "competitionPoints",
                   "value": 14, "unit": "points of 21", "settings": "undisclosed",
                   "source": {"url": "https://example.org/toy", "date": "2026-11-29", "dateKind": "retrieved", "title": "toy"}}]}
                """);
        StaticExporter.export(new Root(root), site);
        String claims = Files.readString(site.resolve("claims.html"));
        assertThat(claims).contains("toy25-self-graded", "3 graders (2 judges, 1 human reviewers)",
                "the graders&#39; verdict on it: consistent");
    }

    void review(List<Sample> samples, String reviewer, Path key, java.util.function.DoubleUnaryOperator points, String comment)
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

    Path keygen(String name) throws IOException, InterruptedException {
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
