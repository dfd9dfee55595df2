package dev.claimcheck.site.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.export.StaticExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported proof pages ({@link ProofSite}): a page per problem linked from the run page, every grader side by
 * side, hostile text escaped, and the claims page's verdict counting the trusted reviewer as a grader.
 */
class ProofPagesTest {
    @TempDir
    Path tmp;
    Path root;
    Path site;
    String runId;

    @BeforeEach
    void exportedImportWithReviews() throws Exception {
        ProofSite p = ProofSite.build(tmp);
        root = p.root();
        site = p.site();
        runId = p.runId();
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
    void theChineseProblemPageWordsItsStandingsAndSummaryInChinese() throws IOException {
        String page = Files.readString(site.resolve("zh/runs/" + runId + "/proofs/1.html"));
        assertThat(page).contains("厂商（自评：即受检的宣称）", "评分者平均 · 离散度", "human:mallory@example.org</td><td>不可信 (不计入)",
                        ".json</code>: 不可信: 由 SHA256:", "（不在 allowed_signers 中）")
                .doesNotContain("vendor (self-graded", "graders' mean", "graders&#39; mean", "<td>graded", "signed by",
                        "not in allowed_signers");
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
        String zh = Files.readString(site.resolve("zh/claims.html"));
        assertThat(zh).as("the note's parts are each worded in Chinese").contains("toy25-self-graded",
                        "只有模拟运行（评测工具自检，不能作为模型的证据）；评分者对其的判定：一致 · 3 名评分者（2 个评审模型，1 名人工评审）")
                .doesNotContain("human reviewers", "verdict on it");
    }
}
