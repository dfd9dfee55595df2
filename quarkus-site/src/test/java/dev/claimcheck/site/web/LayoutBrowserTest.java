package dev.claimcheck.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.cli.AuditCommand;
import dev.claimcheck.core.cli.BenchCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.run.AuditSession;
import dev.claimcheck.core.serving.ServingBench;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.SampleRoot;
import dev.claimcheck.site.SiteModel;
import dev.claimcheck.site.export.StaticExporter;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every page type in real Chromium at 390 px (a phone) and 1440 px: the page itself never scrolls sideways, wide
 * tables scroll inside their own box, every lane row shows its score and its claim on screen, each page has exactly
 * one {@code <h1>}, the two-column run grid becomes one column on a phone, no request leaves the host, and the
 * dark colour scheme applies. Pages of the sample root are served; longctx, docs and throughput runs (which the
 * sample root lacks) are made against the simulator and checked in the static export.
 */
@QuarkusTest
class LayoutBrowserTest {
    static final int[] WIDTHS = {390, 1440};

    @TestHTTPResource("/")
    URL home;
    @TempDir
    Path tmp;

    Chromium.Session browser;
    ChromeDriver driver;
    final List<String> problems = new ArrayList<>();

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

    /** The served sample root: leaderboard, every board, run, model and routing page, claims, compare, excluded and a 404. */
    static List<String> servedPages() {
        SiteModel m = SampleRoot.model();
        List<String> pages = new ArrayList<>(List.of("", "claims", "routing", "excluded", "no/such/page"));
        m.boardSlugs().forEach(b -> pages.add("boards/" + b));
        m.boardSlugs().forEach(b -> pages.add("boards/" + b + "/grid"));
        pages.add("runs/" + SampleRoot.ACME_RUN + "/samples");
        pages.add("runs/" + SampleRoot.ACME_RUN + "/samples/arith-0002/1");
        m.index().runs().stream().filter(r -> r.manifest().workload().id().equals("agent")).findFirst()
                .ifPresent(r -> pages.add("runs/" + r.runId() + "/samples/"
                        + dev.claimcheck.site.answers.SampleKey.path(m.samples(r.runId()).orElseThrow().get(0))));
        m.index().runs().forEach(r -> pages.add("runs/" + r.runId()));
        m.modelSlugs().forEach(s -> pages.add("models/" + s));
        m.routingWorkloads().forEach(w -> pages.add("routing/" + w));
        pages.add("compare");
        var runs = m.index().runs();
        if (runs.size() > 1) {
            pages.add("compare?a=" + runs.get(0).runId() + "&b=" + runs.get(1).runId());
        }
        return pages;
    }

    @Test
    void everyServedPageFitsAPhoneAndADesktop() {
        List<String> pages = servedPages();
        for (int width : WIDTHS) {
            for (String p : pages) {
                check(home + p, width);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(pages).as("page types covered").hasSizeGreaterThan(15);
    }

    @Test
    void longctxDocsAndThroughputRunPagesOfTheExportFitToo() throws IOException {
        Path root = tmp.resolve("root");
        audit("longctx", "--base-url", "sim:depthDecay=0.5", "--lengths", "1k,2k,4k", "--depths", "0,50,100",
                "--kinds", "single,qa", "--root", root.toString());
        audit("docs", "--base-url", "sim", "--per-kind", "2", "--root", root.toString());
        bench("--base-url", "sim", "--model", "alpha", "--hardware", "8xH200,tp=8,dtype=fp8", "--concurrency", "1,2",
                "--input-tokens", "16,32", "--output-tokens", "4", "--requests", "4", "--root", root.toString());
        Path out = tmp.resolve("site");
        StaticExporter.export(new Root(root), out);
        List<Path> pages = new ArrayList<>(List.of(out.resolve("index.html"), out.resolve("404.html")));
        try (Stream<Path> s = Files.list(out.resolve("runs"))) {
            s.filter(p -> p.toString().endsWith(".html")).sorted().forEach(pages::add);
        }
        assertThat(pages).hasSize(5);
        // a long-context attempt's page (long prompt) and a docs board's grid
        try (Stream<Path> s = Files.walk(out.resolve("runs"))) {
            s.filter(p -> p.toString().contains("/samples/") && p.toString().endsWith(".html")).sorted().findFirst().ifPresent(pages::add);
        }
        try (Stream<Path> s = Files.walk(out.resolve("boards"))) {
            s.filter(p -> p.getFileName().toString().equals("grid.html")).sorted().forEach(pages::add);
        }
        for (int width : WIDTHS) {
            for (Path p : pages) {
                check(p.toUri().toString(), width);
            }
        }
        driver.get(pages.get(2).toUri().toString());
        assertThat(problems).isEmpty();
    }

    @Test
    void aWideTableKeepsItsKeyColumnInViewWhileItScrolls() {
        viewport(390);
        driver.get(home + "claims");
        WebElement box = driver.findElement(By.cssSelector(".scroll"));
        WebElement key = driver.findElement(By.cssSelector("table.claims tbody td"));
        double before = x(key);
        driver.executeScript("arguments[0].scrollLeft = 400;", box);
        assertThat((Long) driver.executeScript("return arguments[0].scrollLeft;", box)).as("the table scrolls in its box").isPositive();
        assertThat(x(key)).as("sticky first column").isEqualTo(before);
        assertThat((Long) driver.executeScript("return document.documentElement.scrollWidth;")).isLessThanOrEqualTo(390L);
    }

    @Test
    void theExportFiltersItsRowsInTheBrowserFromTheQuery() throws IOException {
        Path out = tmp.resolve("site");
        StaticExporter.export(SampleRoot.root(), out);
        viewport(1440);
        driver.get(out.resolve("index.html").toUri() + "?model=tiny&lane=thinking#w-arith");
        WebElement form = driver.findElement(By.cssSelector("form.filters"));
        assertThat(form.isDisplayed()).as("the script shows the export's form").isTrue();
        assertThat(driver.findElement(By.name("model")).getAttribute("value")).isEqualTo("tiny");
        List<WebElement> shown = driver.findElements(By.cssSelector("#w-arith table.board-table tbody tr")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(shown).isNotEmpty().allSatisfy(tr -> {
            assertThat(tr.getAttribute("data-model")).contains("tiny");
            assertThat(tr.getAttribute("data-lane")).isEqualTo("thinking");
        });
        driver.findElement(By.name("model")).clear();
        driver.findElement(By.name("model")).sendKeys("faulty");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.name("lane"))).selectByValue("");
        assertThat(driver.getCurrentUrl()).contains("?model=faulty").doesNotContain("lane=");
        assertThat(driver.findElements(By.cssSelector("#w-arith table.board-table tbody tr")).stream().filter(WebElement::isDisplayed)
                .map(tr -> tr.getAttribute("data-model")).distinct().toList()).containsExactly("flaky/faulty-7b");
    }

    @Test
    void withoutScriptsTheControlsThatNeedThemStayHidden() throws IOException {
        Path out = tmp.resolve("site");
        StaticExporter.export(SampleRoot.root(), out);
        browser.close();
        browser = Chromium.start(1440, 900, "--blink-settings=scriptEnabled=false");
        driver = browser.driver();
        driver.get(out.resolve("index.html").toUri().toString());
        assertThat(driver.findElement(By.cssSelector("form.filters")).isDisplayed()).as("the export's filters need the script").isFalse();
        driver.get(home + "runs/" + SampleRoot.ACME_RUN);
        assertThat(driver.findElement(By.cssSelector(".sample-controls")).isDisplayed()).isFalse();
        driver.findElement(By.linkText("Every attempt as a task × attempt grid")).click();
        driver.findElement(By.cssSelector("table.answers a.mark")).click();
        assertThat(driver.findElement(By.id("answer")).isDisplayed()).as("an attempt is reachable without scripts").isTrue();
        driver.get(home + "?model=tiny");
        assertThat(driver.findElement(By.cssSelector("form.filters")).isDisplayed()).as("the server's form needs no script").isTrue();
        assertThat(driver.findElements(By.cssSelector("table.board-table tbody tr")).stream().map(tr -> tr.getAttribute("data-model"))
                .distinct().toList()).containsExactly("small/tiny-1b");
    }

    @Test
    void darkModeFollowsTheSystemSetting() {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        driver.get(home + "claims");
        assertThat(driver.executeScript("return getComputedStyle(document.body).backgroundColor;")).isEqualTo("rgb(13, 17, 23)");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
        driver.get(home + "claims");
        assertThat(driver.executeScript("return getComputedStyle(document.body).backgroundColor;")).isEqualTo("rgb(255, 255, 255)");
    }

    double x(WebElement e) {
        return ((Number) driver.executeScript("return arguments[0].getBoundingClientRect().left;", e)).doubleValue();
    }

    void viewport(int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", width < 600 ? 844 : 900, "deviceScaleFactor", 1, "mobile", false));
    }

    /**
     * Loads the page at the width and records each broken rule. On the leaderboard every workload tab is shown in turn,
     * so the rows of every lane are checked, not only the first tab's.
     */
    @SuppressWarnings("unchecked")
    void check(String url, int width) {
        viewport(width);
        driver.get(url);
        // the sample browser fills in after load (from file:// it says it cannot fetch): check the page as it ends up
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> (Boolean) driver.executeScript(
                "const l = document.getElementById('sample-list'); return !l || l.childElementCount > 0;"));
        String at = url.replace(home.toString(), "/") + " @" + width + "px: ";
        List<String> tabs = (List<String>) driver.executeScript(
                "return Array.from(document.querySelectorAll('.tab[data-tab]')).map(t => t.dataset.tab);");
        List<String> views = tabs.isEmpty() ? List.of("") : tabs;
        for (String tab : views) {
            if (!tab.isEmpty()) {
                driver.findElement(By.cssSelector(".tab[data-tab='" + tab + "']")).click();
            }
            List<String> found = (List<String>) driver.executeScript(LAYOUT_RULES);
            found.forEach(f -> problems.add(at + (tab.isEmpty() ? "" : "#" + tab + " ") + f));
        }
    }

    /** The rules, run in the page; each returns what it found wrong. */
    static final String LAYOUT_RULES = """
            const out = [];
            const vw = window.innerWidth;
            const doc = document.documentElement;
            if (doc.scrollWidth > vw) {
              // what sticks out: elements, and text that overflows its element (a text node has no box of its own)
              const wide = [];
              const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
              for (let n = walk.nextNode(); n && wide.length < 3; n = walk.nextNode()) {
                const el = n.nodeType === 1 ? n : n.parentElement;
                if (el.parentElement && el.parentElement.closest('.scroll, pre')) continue;
                let right;
                if (n.nodeType === 1) { right = n.getBoundingClientRect().right; }
                else { const r = document.createRange(); r.selectNodeContents(n); right = r.getBoundingClientRect().right; }
                if (right > vw + 1) wide.push((n.nodeType === 1 ? '' : 'text in ') + el.tagName.toLowerCase()
                    + (el.className ? '.' + el.className : '') + ' "' + (n.textContent || '').trim().slice(0, 40) + '" to ' + Math.round(right) + 'px');
              }
              out.push('page is ' + doc.scrollWidth + ' px wide: ' + wide.join(', '));
            }
            const h1 = document.querySelectorAll('h1').length;
            if (h1 !== 1) out.push(h1 + ' h1 elements');
            const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
            const onScreen = (cell, what, row) => {
              const r = cell.getBoundingClientRect();
              const box = cell.closest('.scroll');
              const right = Math.min(vw, box ? box.getBoundingClientRect().right : vw);
              const left = Math.max(0, box ? box.getBoundingClientRect().left : 0);
              if (r.width === 0 || r.left < left - 1 || r.right > right + 1)
                out.push(what + ' of ' + row + ' at ' + Math.round(r.left) + '-' + Math.round(r.right) + ' px, visible ' + Math.round(left) + '-' + Math.round(right));
            };
            document.querySelectorAll('.board-table tbody tr').forEach(tr => {
              if (!shown(tr)) return;
              const model = tr.querySelector('[data-label=model]');
              const row = model ? model.textContent.trim() : '?';
              const score = tr.querySelector('[data-label=score]');
              const claim = tr.querySelector('[data-label=claim]');
              if (!score || !claim) { out.push('lane row ' + row + ' lacks a score or claim cell'); return; }
              onScreen(score, 'score', row);
              onScreen(claim, 'claim', row);
            });
            if (vw < 900) document.querySelectorAll('.two > *, .lanes > *').forEach(c => {
              const main = document.querySelector('main').clientWidth;
              if (shown(c) && c.getBoundingClientRect().width < 0.8 * (main - 24)) out.push('grid column only ' + Math.round(c.getBoundingClientRect().width) + ' px of ' + main);
            });
            const origin = location.protocol === 'file:' ? 'file:' : location.origin;
            performance.getEntriesByType('resource').forEach(e => { if (!e.name.startsWith(origin)) out.push('request to ' + e.name); });
            return out;
            """;

    static void audit(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        AuditSession session = new AuditSession(Clock.systemUTC(), Map.of(), Journal.DEFAULT_PART_LIMIT);
        int code = Cli.execute(new AuditCommand(session, new PrintStream(new ByteArrayOutputStream()), e),
                new PrintWriter(e, true), args);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    static void bench(String... args) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(log, true, StandardCharsets.UTF_8);
        int code = Cli.execute(new BenchCommand(new ServingBench(Clock.systemUTC(), null), Map.of(), p, p), new PrintWriter(p, true), args);
        assertThat(code).as(log.toString(StandardCharsets.UTF_8)).isZero();
    }
}
