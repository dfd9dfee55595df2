package dev.claimcheck.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.export.StaticExporter;
import dev.claimcheck.site.proof.ProofSite;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core ({@link Axe}: WCAG 2.0/2.1 A and AA and best practices) finds no serious or critical violation on any
 * page type, in English and Chinese, at 390×844 and 1440×900, in real Chromium. The served sample root gives every
 * page type but a few: throughput (the leaderboard's Throughput tab), long-context and docs runs and a proof page
 * are checked in exports.
 * On a page with workload tabs each tab is shown and checked in turn (axe skips what is hidden). The dark colour
 * scheme is checked at 1440 px (contrast does not depend on the width).
 */
@QuarkusTest
class AccessibilityBrowserTest {
    static final List<String> LANGUAGES = List.of("", "zh/");

    @TestHTTPResource("/")
    URL home;
    @TempDir
    Path tmp;

    Chromium.Session browser;
    ChromeDriver driver;
    final List<String> problems = new ArrayList<>();
    String scheme = "light";

    @BeforeEach
    void start() throws IOException {
        browser = Chromium.start(1440, 900);
        driver = browser.driver();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void noServedPageHasASeriousOrCriticalViolationInEitherLanguage() {
        List<String> pages = LayoutBrowserTest.servedPages();
        for (int width : LayoutBrowserTest.WIDTHS) {
            for (String lang : LANGUAGES) {
                for (String p : pages) {
                    check(home + lang + p, width);
                }
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
        assertThat(pages).as("page types covered").hasSizeGreaterThan(15);
    }

    @Test
    void noServedPageHasOneInTheDarkColourSchemeEither() {
        dark();
        for (String lang : LANGUAGES) {
            for (String p : LayoutBrowserTest.servedPages()) {
                check(home + lang + p, 1440);
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void axeReportsAViolationWhereThereIsOne() {
        // what makes the checks above able to fail: an image without text alternative is a critical violation
        driver.get("data:text/html,<html lang=en><title>t</title><main><h1>t</h1><img src=x.png></main></html>");
        assertThat(Axe.seriousOrCritical(driver)).extracting(Axe.Violation::rule).contains("image-alt");
    }

    @Test
    void throughputLongContextDocsAndProofPagesOfTheExportHaveNoneEither() throws Exception {
        Path root = tmp.resolve("root");
        LayoutBrowserTest.audit("longctx", "--base-url", "sim:depthDecay=0.5", "--lengths", "1k,2k", "--depths", "0,100",
                "--kinds", "single,qa", "--root", root.toString());
        LayoutBrowserTest.audit("docs", "--base-url", "sim", "--per-kind", "2", "--root", root.toString());
        LayoutBrowserTest.bench("--base-url", "sim", "--model", "alpha", "--hardware", "8xH200,tp=8,dtype=fp8",
                "--concurrency", "1,2", "--input-tokens", "16,32", "--output-tokens", "4", "--requests", "4",
                "--root", root.toString());
        Path out = tmp.resolve("site");
        StaticExporter.export(new Root(root), out);
        ProofSite proofs = ProofSite.build(tmp.resolve("proofs"));
        List<Path> pages = new ArrayList<>();
        for (String lang : LANGUAGES) {
            pages.add(out.resolve(lang + "index.html"));
            try (Stream<Path> s = Files.list(out.resolve(lang + "runs"))) {
                s.filter(p -> p.toString().endsWith(".html")).sorted().forEach(pages::add);
            }
            pages.add(proofs.site().resolve(lang + "runs/" + proofs.runId() + "/proofs/1.html"));
        }
        assertThat(pages).allSatisfy(p -> assertThat(p).exists());
        for (int width : LayoutBrowserTest.WIDTHS) {
            for (Path p : pages) {
                check(p.toUri().toString(), width);
            }
        }
        dark();
        for (Path p : pages) {
            check(p.toUri().toString(), 1440);
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    void dark() {
        scheme = "dark";
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    }

    /** Loads the page at the width, shows each of its tabs in turn, and records every violation axe reports. */
    @SuppressWarnings("unchecked")
    void check(String url, int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", width < 600 ? 844 : 900, "deviceScaleFactor", 1, "mobile", false));
        driver.get(url);
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> (Boolean) driver.executeScript(
                "const l = document.getElementById('sample-list'); return !l || l.childElementCount > 0;"));
        String at = url.replace(home.toString(), "/").replaceFirst("^file:.*?/(site|proofs)/", "export:") + " @" + width + "px " + scheme;
        List<String> tabs = (List<String>) driver.executeScript(
                "return Array.from(document.querySelectorAll('.tab[data-tab]')).map(t => t.dataset.tab);");
        for (String tab : tabs.isEmpty() ? List.of("") : tabs) {
            if (!tab.isEmpty()) {
                driver.findElement(By.cssSelector(".tab[data-tab='" + tab + "']")).click();
            }
            String where = at + (tab.isEmpty() ? "" : " #" + tab);
            Axe.seriousOrCritical(driver).forEach(v -> problems.add(where + ": " + v));
        }
    }
}
