package dev.claimcheck.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.site.SampleRoot;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site in a real browser: Debian's chromium and chromedriver (never a Selenium Manager download).
 * Fails when they are missing, unless skipped on purpose ({@link Chromium#require()}).
 */
@QuarkusTest
class SiteBrowserTest {
    static final Path SHOTS = Path.of("target/screenshots");

    @TestHTTPResource("/")
    URL home;

    Chromium.Session browser;
    ChromeDriver driver;

    @BeforeEach
    void start() throws IOException {
        browser = Chromium.start(1400, 1000);
        driver = browser.driver();
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    WebDriverWait waiter() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void leaderboardTabsSortingChartRunPageAndSampleBrowser() throws IOException {
        driver.get(home.toString());
        WebDriverWait wait = waiter();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#w-arith .chart.drawn canvas")));
        assertThat(driver.findElement(By.cssSelector("#w-math")).isDisplayed()).isFalse();
        assertThat(driver.findElements(By.cssSelector("script")).stream().filter(s -> s.getAttribute("src") == null
                && !"application/json".equals(s.getAttribute("type")))).as("no inline scripts").isEmpty();
        assertThat(driver.getPageSource()).doesNotContain("<script>alert");
        shot("leaderboard-desktop");

        // sort the instant table by output tokens, ascending then descending
        WebElement table = driver.findElement(By.cssSelector("#w-arith .lane-instant table"));
        WebElement tokens = table.findElements(By.cssSelector("th")).get(4);
        assertThat(tokens.getText()).isEqualTo("output tokens / attempt");
        tokens.click();
        assertThat(tokens.getAttribute("aria-sort")).isEqualTo("descending");
        List<Double> values = table.findElements(By.cssSelector("tbody tr td:nth-child(5)")).stream()
                .map(td -> Double.parseDouble(td.getAttribute("data-key"))).toList();
        assertThat(values).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        // switch workload
        driver.findElement(By.cssSelector(".tab[data-tab='w-math']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#w-math")));
        assertThat(driver.findElement(By.cssSelector("#w-arith")).isDisplayed()).isFalse();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#w-math .chart.drawn canvas")));

        // phone width
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(home.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#w-arith .chart.drawn canvas")));
        Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no horizontal page scroll at 390 px").isLessThanOrEqualTo(0L);
        shot("leaderboard-390");
        driver.manage().window().setSize(new Dimension(1400, 1000));

        // the board's full page: every row, its own chart (data loaded from api/charts/), the points as a table without scripts
        driver.get(home.toString());
        driver.findElement(By.cssSelector("#w-arith .board-link a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".board-page .chart.drawn canvas")));
        assertThat(driver.getCurrentUrl()).contains("/boards/arith--");
        assertThat(driver.findElements(By.cssSelector(".board-page .lane-instant tbody tr"))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(driver.findElement(By.cssSelector(".board-page table.fallback")).isDisplayed()).as("table hidden once drawn").isFalse();
        assertThat(driver.findElements(By.cssSelector("script")).stream().filter(s -> s.getAttribute("src") == null))
                .as("no inline scripts on the board page").isEmpty();
        shot("board-desktop");
        driver.findElement(By.cssSelector(".crumbs a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#w-arith .chart.drawn canvas")));

        // open a run from the leaderboard and page through its samples
        driver.get(home.toString());
        driver.findElement(By.cssSelector("a[href='./runs/" + SampleRoot.ACME_RUN + "']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sample-list article.sample")));
        assertThat(driver.findElement(By.id("sample-pos")).getText()).contains("page 1 of 1").contains("10 samples");
        WebElement first = driver.findElement(By.cssSelector("#sample-list article.sample"));
        assertThat(first.findElements(By.tagName("pre"))).as("no transcript text before an attempt is opened").isEmpty();
        first.findElement(By.cssSelector("details.more > summary")).click();
        WebElement answer = wait.until(d -> first.findElements(By.cssSelector(".more-body details")).stream()
                .filter(x -> x.findElement(By.tagName("summary")).getText().equals("answer")).findFirst().orElse(null));
        assertThat(answer.getAttribute("open")).isNotNull();
        assertThat(answer.findElement(By.tagName("pre")).getText()).startsWith("<script>alert(1)</script>");
        assertThat((Boolean) driver.executeScript("return window.__xss === undefined && !document.querySelector('#sample-list script');")).isTrue();
        // task-id search
        driver.findElement(By.id("sample-task")).sendKeys("arith-0002");
        wait.until(d -> d.findElements(By.cssSelector("#sample-list article.sample")).stream()
                .allMatch(a -> a.findElement(By.cssSelector(".head a")).getText().startsWith("#arith-0002 ")));
        assertThat(driver.findElement(By.id("sample-pos")).getText()).doesNotContain("10 samples");
        driver.findElement(By.id("sample-task")).clear();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("sample-verdict"))).selectByValue("wrong");
        wait.until(d -> d.findElement(By.id("sample-pos")).getText().contains("samples") && d.findElements(By.cssSelector(".sample.outcome-correct")).isEmpty());
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("sample-sort"))).selectByValue("tokens");
        wait.until(d -> d.findElement(By.id("sample-pos")).getText().startsWith("page 1"));
        shot("run-desktop");
        driver.manage().window().setSize(new Dimension(390, 844));
        shot("run-390");
    }

    @Test
    void samplePagerMovesThroughPages() {
        // The fixture runs have 10 samples (one page); the API pager is checked in ApiResourceTest, here the buttons' state.
        driver.get(home.toString() + "runs/" + SampleRoot.RING_RUN);
        waiter().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sample-list article.sample")));
        assertThat(driver.findElement(By.id("sample-prev")).isEnabled()).isFalse();
        assertThat(driver.findElement(By.id("sample-next")).isEnabled()).isFalse();
        WebElement first = driver.findElement(By.cssSelector("#sample-list article.sample"));
        first.findElement(By.cssSelector("details.more > summary")).click();
        WebElement reasoning = waiter().until(d -> first.findElements(By.cssSelector(".more-body details")).stream()
                .filter(x -> x.findElement(By.tagName("summary")).getText().startsWith("reasoning")).findFirst().orElse(null));
        assertThat(reasoning.getAttribute("open")).as("reasoning, loaded when opened, starts collapsed").isNull();
        assertThat(reasoning.findElement(By.tagName("pre")).getAttribute("textContent")).isNotBlank();
    }

    @Test
    void theChinesePagesScriptSpeaksChinese() {
        // site.js holds no text of its own: its pager, outcome labels and the attempt's parts come from the zh bundle
        driver.get(home.toString() + "zh/runs/" + SampleRoot.RING_RUN);
        WebDriverWait wait = waiter();
        wait.until(d -> d.findElement(By.id("sample-pos")).getText().startsWith("第 1 / 1 页"));
        WebElement first = driver.findElement(By.cssSelector("#sample-list article.sample"));
        assertThat(first.findElement(By.cssSelector(".head")).getText()).contains("第 ").contains("次作答").doesNotContain("attempt");
        first.findElement(By.cssSelector("details.more > summary")).click();
        wait.until(d -> first.findElements(By.cssSelector(".more-body details > summary")).stream()
                .anyMatch(x -> x.getText().startsWith("推理过程")));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-Hans");
        driver.findElement(By.cssSelector("a.lang-switch")).click();
        wait.until(d -> d.findElement(By.id("sample-pos")).getText().startsWith("page 1 of 1"));
        assertThat(driver.getCurrentUrl()).isEqualTo(home.toString() + "runs/" + SampleRoot.RING_RUN);
    }
}
