package dev.claimcheck.site.answers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.site.SampleRoot;
import dev.claimcheck.site.SiteModel;
import dev.claimcheck.site.export.StaticExporter;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.render.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drill-down to every answer: a board's problem × model grid links each attempt to its one page, which shows the raw
 * output and the grader's reasoning; the export writes exactly one page per attempt.
 */
class AnswerPagesTest {
    static final SiteModel MODEL = SampleRoot.model();

    @TempDir
    Path tmp;

    static List<Sample> samples(String runId) {
        return MODEL.samples(runId).orElseThrow();
    }

    @Test
    void aSafeTaskIdIsItsOwnSegmentAndAnyOtherIdGetsAUniqueStableOne() {
        assertThat(SampleKey.segment("arith-0003")).isEqualTo("arith-0003");
        assertThat(SampleKey.segment("gsm8k/12")).matches("gsm8k-12-[0-9a-f]{8}").isEqualTo(SampleKey.segment("gsm8k/12"));
        assertThat(SampleKey.segment("gsm8k/12")).isNotEqualTo(SampleKey.segment("gsm8k:12"));
        assertThat(SampleKey.segment("..")).doesNotContain("..");
        assertThat(SampleKey.segment(".hidden")).doesNotStartWith(".");
        assertThat(SampleKey.segment("x".repeat(300))).hasSizeLessThan(80);
    }

    @Test
    void theSamplePageShowsTheRawOutputAndTheGradersReasoningAsText() {
        Sample planted = samples(SampleRoot.ACME_RUN).get(0);
        SamplePage p = MODEL.sample(SampleRoot.ACME_RUN, SampleKey.segment(planted.taskId()), planted.attempt(),
                Links.at(4, false), SiteModelSamples::of).orElseThrow();
        String html = Templates.get().render("sample.ftlh", p);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert")
                .contains("id=\"answer\"").contains("id=\"reasoning\"").contains("id=\"grading\"")
                .contains("grader&#39;s reasoning").contains(escape(planted.verdict().detail()))
                .contains("href=\"../../../../runs/" + SampleRoot.ACME_RUN + "\"");
        assertThat(p.attempts()).extracting(SamplePage.Attempt::attempt).containsExactly(0, 1);
        assertThat(p.attempts()).filteredOn(SamplePage.Attempt::current).hasSize(1);
        assertThat(MODEL.sample(SampleRoot.ACME_RUN, "arith-0000", 7, Links.at(4, false), SiteModelSamples::of)).isEmpty();
    }

    @Test
    void aBoardsGridHasARowPerTaskAColumnPerRunAndAMarkPerAttempt() {
        String slug = MODEL.boardSlugs().stream().filter(s -> s.startsWith("arith--")).findFirst().orElseThrow();
        AnswerGrid g = MODEL.grid(slug, Links.at(2, false), SiteModelSamples::of).orElseThrow();
        Set<String> tasks = new HashSet<>();
        int attempts = 0;
        for (AnswerGrid.Column c : g.columns()) {
            for (Sample s : samples(c.runId())) {
                tasks.add(s.taskId());
                attempts++;
            }
        }
        assertThat(g.columns()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(g.rows()).extracting(AnswerGrid.Row::taskId).containsExactlyElementsOf(new java.util.TreeSet<>(tasks));
        assertThat(g.samples()).isEqualTo(attempts);
        assertThat(g.rows()).allSatisfy(r -> assertThat(r.cells()).hasSameSizeAs(g.columns()));
        AnswerGrid.Cell cell = g.rows().get(0).cells().get(0);
        assertThat(cell.shade()).isEqualTo("heat" + Math.round(10.0 * cell.correct() / cell.total()));
        assertThat(cell.attempts().get(0).href()).startsWith("../../runs/" + g.columns().get(0).runId() + "/samples/" + g.rows().get(0).taskId() + "/");
        String html = Templates.get().render("grid.ftlh", g);
        assertThat(html.split("class=\"mark\"", -1).length - 1).isEqualTo(attempts);
        assertThat(html).doesNotContain("<script>alert");
    }

    @Test
    void theExportWritesExactlyOnePagePerAttemptAndEveryGridLinkResolves() throws IOException {
        Path out = tmp.resolve("site");
        StaticExporter.export(SampleRoot.root(), out);
        for (RunEntry r : MODEL.index().runs()) {
            List<Sample> samples = Journal.readAll(r.folder());
            Path dir = out.resolve("runs/" + r.runId() + "/samples");
            long pages;
            try (Stream<Path> s = Files.walk(dir)) {
                pages = s.filter(f -> f.toString().endsWith(".html")).count();
            }
            assertThat(pages).as(r.runId()).isEqualTo(samples.size());
            for (Sample s : samples) {
                assertThat(dir.resolve(SampleKey.path(s) + ".html")).exists();
            }
        }
        try (Stream<Path> s = Files.walk(out.resolve("api/runs"))) {
            assertThat(s.filter(f -> f.getFileName().toString().matches("(all|correct|wrong|error)-.*\\.json")))
                    .as("no copy per verdict × sort").isEmpty();
        }
        for (String slug : MODEL.boardSlugs()) {
            Path grid = out.resolve("boards/" + slug + "/grid.html");
            Matcher m = Pattern.compile("href=\"([^\"#?]+)[^\"]*\"").matcher(Files.readString(grid));
            int links = 0;
            while (m.find()) {
                assertThat(grid.getParent().resolve(m.group(1)).normalize()).as(m.group(1)).exists();
                links++;
            }
            assertThat(links).isGreaterThan(10);
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** The model's journals, read straight from the fixture. */
    static final class SiteModelSamples {
        static List<Sample> of(String runId) {
            return MODEL.samples(runId).orElse(List.of());
        }
    }
}
