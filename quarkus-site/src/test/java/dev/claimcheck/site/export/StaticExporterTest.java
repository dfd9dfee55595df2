package dev.claimcheck.site.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.site.LanguageChecks;
import dev.claimcheck.site.SampleRoot;
import dev.claimcheck.site.page.Lang;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticExporterTest {
    @TempDir
    Path tmp;

    @Test
    void sameRootGivesByteIdenticalOutput() throws IOException {
        StaticExporter.Result a = StaticExporter.export(SampleRoot.root(), tmp.resolve("a"));
        StaticExporter.export(SampleRoot.root(), tmp.resolve("b"));
        Map<String, byte[]> fa = files(tmp.resolve("a"));
        Map<String, byte[]> fb = files(tmp.resolve("b"));
        assertThat(fa.keySet()).isEqualTo(fb.keySet()).hasSize(a.files());
        fa.forEach((k, v) -> assertThat(fb.get(k)).as(k).isEqualTo(v));
        // exporting again into the same folder replaces it, still identical
        StaticExporter.export(SampleRoot.root(), tmp.resolve("a"));
        assertThat(files(tmp.resolve("a")).keySet()).isEqualTo(fb.keySet());
    }

    @Test
    void writesPagesApiSamplesAndAssetsWithRelativeLinks() throws IOException {
        Path out = tmp.resolve("site");
        StaticExporter.export(SampleRoot.root(), out);
        Path run = out.resolve("runs/" + SampleRoot.ACME_RUN + ".html");
        assertThat(out.resolve("index.html")).exists();
        assertThat(out.resolve("claims.html")).exists();
        assertThat(out.resolve("excluded.html")).exists();
        assertThat(out.resolve("models/acme--calc-b---one-.html")).exists();
        assertThat(out.resolve("api/leaderboard.json")).exists();
        assertThat(out.resolve("api/leaderboard.csv")).exists();
        assertThat(out.resolve("api/runs/" + SampleRoot.ACME_RUN + ".json")).exists();
        assertThat(out.resolve("api/runs/" + SampleRoot.ACME_RUN + "/samples.json")).exists();
        assertThat(out.resolve("api/runs/" + SampleRoot.ACME_RUN + "/samples")).as("no page per verdict × sort").doesNotExist();
        assertThat(out.resolve("runs/" + SampleRoot.ACME_RUN + "/samples.html")).exists();
        assertThat(out.resolve("webjars/echarts/5.3.1/dist/echarts.min.js")).exists();
        assertThat(out.resolve("webjars/katex")).as("KaTeX only with a proofs run").doesNotExist();
        assertThat(out.resolve("static/site.js")).exists();
        String index = Files.readString(out.resolve("index.html"));
        assertThat(index).contains("href=\"./runs/" + SampleRoot.ACME_RUN + ".html\"").contains("src=\"./webjars/echarts/")
                .doesNotContain("href=\"/").doesNotContain("src=\"/").doesNotContain("http://localhost");
        for (String b : SampleRoot.model().boardSlugs()) {
            String board = Files.readString(out.resolve("boards/" + b + ".html"));
            assertThat(index).contains("href=\"./boards/" + b + ".html\"");
            assertThat(board).contains(b.startsWith("arith--") ? "href=\"../runs/" + SampleRoot.ACME_RUN + ".html\"" : "href=\"../runs/")
                    .contains("href=\"../index.html\"")
                    .contains("data-src=\"../api/charts/b-" + b + ".json\"").contains("data-run-href=\"../runs/{runId}.html\"")
                    .contains("<table class=\"fallback\"").doesNotContain("href=\"/").doesNotContain("src=\"/");
            assertThat(out.resolve("api/charts/b-" + b + ".json")).exists();
        }
        assertThat(out.resolve("api/charts/w-arith.json")).exists();
        assertThat(out.resolve("api/charts/w-math.json")).exists();
        assertThat(index).contains("data-src=\"./api/charts/w-arith.json\"").doesNotContain("type=\"application/json\"");
        assertThat(Files.readString(run)).contains("data-index=\"../api/runs/" + SampleRoot.ACME_RUN + "/samples.json\"")
                .contains("data-sample-href=\"../runs/" + SampleRoot.ACME_RUN + "/samples/{path}.html\"")
                .contains("href=\"../index.html\"");
    }

    @Test
    void writesEveryPageInBothLanguagesEachLinkingItsCounterpart() throws IOException {
        Path out = tmp.resolve("site");
        StaticExporter.export(SampleRoot.root(), out);
        Map<String, byte[]> all = files(out);
        List<String> english = all.keySet().stream().filter(f -> f.endsWith(".html") && !f.startsWith("zh/")).toList();
        List<String> chinese = all.keySet().stream().filter(f -> f.endsWith(".html") && f.startsWith("zh/")).toList();
        assertThat(english).contains("index.html", "claims.html", "excluded.html", "routing.html", "404.html",
                "runs/" + SampleRoot.ACME_RUN + ".html", "runs/" + SampleRoot.ACME_RUN + "/samples.html",
                "models/acme--calc-b---one-.html").anyMatch(f -> f.startsWith("boards/") && f.endsWith("/grid.html"))
                .anyMatch(f -> f.matches("runs/[^/]+/samples/[^/]+/[0-9]+\\.html"));
        assertThat(chinese).hasSameSizeAs(english);
        Map<String, List<String>> chrome = new TreeMap<>();
        for (String f : chinese) {
            List<String> found = LanguageChecks.englishChrome(new String(all.get(f), java.nio.charset.StandardCharsets.UTF_8));
            if (!found.isEmpty()) {
                chrome.put(f, found);
            }
        }
        assertThat(chrome).as("English UI text on Chinese pages").isEmpty();
        for (Lang lang : Lang.values()) {
            for (String f : lang == Lang.EN ? english : chinese) {
                String html = new String(all.get(f), java.nio.charset.StandardCharsets.UTF_8);
                String other = LanguageChecks.checkPage(f, html, lang);
                Path target = out.resolve(f).getParent().resolve(other).normalize();
                String expected = lang == Lang.EN ? "zh/" + f : f.substring(3);
                assertThat(out.relativize(target).toString().replace('\\', '/')).as(f + ": switch").isEqualTo(expected);
                assertThat(target).exists();
            }
        }
        String zhRun = new String(all.get("zh/runs/" + SampleRoot.ACME_RUN + ".html"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(zhRun).as("links inside a Chinese page stay Chinese; data and assets are shared")
                .contains("href=\"../../zh/index.html\"").contains("href=\"../../zh/models/acme--calc-b---one-.html\"")
                .contains("data-index=\"../../api/runs/" + SampleRoot.ACME_RUN + "/samples.json\"")
                .contains("href=\"../../static/site.css?v=").contains("即时赛道").contains("data-text=\"");
        assertThat(all.keySet()).as("the data is written once").noneMatch(f -> f.startsWith("zh/api/") || f.startsWith("zh/static/"));
    }

    @Test
    void refusesToOverwriteAFolderItDidNotWrite() throws IOException {
        Path out = tmp.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("precious.txt"), "keep");
        assertThatThrownBy(() -> StaticExporter.export(SampleRoot.root(), out)).isInstanceOf(BadInputException.class);
        assertThat(out.resolve("precious.txt")).exists();
    }

    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }
}
