package dev.claimcheck.site.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.site.web.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * An exported proof page in real Chromium, under the page's Content-Security-Policy: KaTeX (from the export's own copy
 * of the webjar) typesets the math, the hostile solution runs no script of its own, and at 390 px the page does not
 * scroll sideways (a screenshot at 1440 px in
 * {@code quarkus-site/target/screenshots/proof-1440.png}).
 */
class ProofPageBrowserTest {
    static final Path SHOTS = Path.of("target/screenshots");

    @TempDir
    Path tmp;
    Chromium.Session browser;
    ChromeDriver driver;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void katexTypesetsTheMathAndNoInjectedScriptRuns() throws Exception {
        ProofSite s = ProofSite.build(tmp);
        browser = Chromium.start(1440, 900);
        driver = browser.driver();
        driver.get(s.site().resolve("runs/" + s.runId() + "/proofs/1.html").toUri().toString());
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.cssSelector("span.math .katex")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("span.math .katex-html"))).isNotEmpty();
        // Only the page's own two scripts exist; the solution's <script> and onerror handler are text.
        List<String> scripts = driver.findElements(By.tagName("script")).stream().map(e -> e.getAttribute("src")).toList();
        assertThat(scripts).hasSize(2).allSatisfy(src -> assertThat(src).startsWith("file:"));
        assertThat(driver.findElements(By.cssSelector(".proof-md img"))).isEmpty();
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("<script>alert('x')</script>");
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve("proof-1440.png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        // On a phone the page never scrolls sideways: the graders' table scrolls in its own box.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", false));
        driver.navigate().refresh();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.cssSelector("span.math .katex")).isEmpty());
        Object wide = driver.executeScript("var out=[];var w=document.createTreeWalker(document.body,NodeFilter.SHOW_TEXT);"
                + "while(w.nextNode()){var n=w.currentNode;var rg=document.createRange();rg.selectNodeContents(n);"
                + "var r=rg.getBoundingClientRect();if(r.right>window.innerWidth+1&&!n.parentElement.closest('.scroll')){"
                + "out.push(n.parentElement.tagName+'.'+n.parentElement.className+' '+Math.round(r.right)+' '+n.textContent.slice(0,30));}}"
                + "return out.slice(0,10).join(' | ');");
        assertThat((Long) driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth;"))
                .as("sticks out: " + wide).isLessThanOrEqualTo(0L);
    }
}
