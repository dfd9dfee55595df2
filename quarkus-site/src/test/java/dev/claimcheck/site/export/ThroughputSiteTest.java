package dev.claimcheck.site.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.cli.BenchCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.serving.ServingBench;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.index.IndexLoader;
import dev.claimcheck.site.index.ResultsIndex;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.throughput.ThroughputLaneKey;
import dev.claimcheck.site.throughput.ThroughputView;
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

/**
 * The throughput section from real bench runs against the simulator: two declared hardware lanes, an A/B pair,
 * a hostile hardware setting and engine version, and a client-bound point; rendered by the static export.
 */
class ThroughputSiteTest {
    static final String HOSTILE_IMAGE = "<script>alert(1)</script>";
    static final String HOSTILE_ENGINE = "\"><img src=x onerror=alert(2)>";

    @TempDir
    static Path root;
    @TempDir
    static Path out;
    static String index;

    @BeforeAll
    static void benchTwoLanesAndAnAbPairThenExport() throws Exception {
        bench("--base-url", "sim", "--model", "alpha", "--hardware", "8xH200,tp=8,dtype=fp8", "--concurrency", "1,2",
                "--input-tokens", "16,32", "--output-tokens", "4", "--requests", "6");
        bench("--base-url", "sim", "--model", "beta", "--hardware", "2xL4,image=" + HOSTILE_IMAGE, "--concurrency", "1,2",
                "--input-tokens", "16", "--output-tokens", "4", "--requests", "4");
        bench("--base-url", "sim:tpotMs=2", "--base-url-b", "sim:tpotMs=1", "--model-b", "gamma-b",
                "--hardware", "8xH200,tp=8,dtype=fp8", "--concurrency", "1", "--input-tokens", "16", "--output-tokens", "4",
                "--requests", "4", "--repeats", "3");
        // The site renders whatever a run folder says: a hostile engine version, and a point the client marked
        // client-bound (which a 2-core test machine cannot be made to produce on demand).
        Path beta = onlyRun("beta").resolve("run.json");
        ObjectNode json = (ObjectNode) Json.mapper().readTree(beta.toFile());
        ((ObjectNode) json.path("endpoint")).put("engineVersion", HOSTILE_ENGINE);
        ObjectNode p1 = (ObjectNode) json.path("metrics").path("points").get(1);
        p1.put("clientBound", true).put("valid", false).put("clientCpuShare", 0.97);
        Files.write(beta, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        StaticExporter.export(new Root(root), out);
        index = Files.readString(out.resolve("index.html"));
    }

    @Test
    void runsAreGroupedByHardwareLaneWithEngineAndSettingsInTheKey() {
        ResultsIndex idx = IndexLoader.load(new Root(root), Instant.now());
        Map<ThroughputLaneKey, List<RunEntry>> lanes = ThroughputView.lanes(idx);
        assertThat(lanes).hasSize(2);
        assertThat(lanes.keySet()).extracting(ThroughputLaneKey::title).containsExactly(
                "2×L4 · image=" + HOSTILE_IMAGE + " · declared · claimcheck-sim " + HOSTILE_ENGINE + " · simulated",
                "8×H200 · dtype=fp8 · tp=8 · declared · " + engine(idx, "alpha") + " · simulated");
        assertThat(lanes.values()).extracting(l -> l.stream().map(r -> r.manifest().model().id()).toList())
                .containsExactly(List.of("beta"), List.of("alpha", "gamma-b", "sim"));
    }

    @Test
    void theThroughputTabShowsLanesNotScoreTables() throws IOException {
        assertThat(index).contains("data-tab=\"w-throughput\"").contains("<section class=\"workload throughput\" id=\"w-throughput\">")
                .contains("<h3>8×H200 <span class=\"badge badge-simulated\">SIM</span></h3>")
                .contains("<h3>2×L4 <span class=\"badge badge-simulated\">SIM</span></h3>")
                .contains("TTFT p99").contains("goodput req/s").contains("early-ended")
                .contains("<svg class=\"throughput-chart\"").doesNotContain("boards/throughput--");
        String section = index.substring(index.indexOf("id=\"w-throughput\""));
        assertThat(section).doesNotContain("band").doesNotContain("board-table").doesNotContain("Token efficiency");
        try (Stream<Path> boards = Files.list(out.resolve("boards")).filter(f -> f.getFileName().toString().startsWith("throughput"))) {
            assertThat(boards).isEmpty();
        } catch (java.nio.file.NoSuchFileException e) {
            // no board at all: there are only throughput runs
        }
    }

    @Test
    void aClientBoundPointIsMarkedInTheTableAndDrawnOffTheLine() throws IOException {
        assertThat(index).contains("<tr class=\"invalid client-bound\"><td>1</td><td>concurrency 2</td>")
                .contains("client-bound: not the model&#39;s number")
                .contains("<g class=\"invalid\">").contains("(invalid: the client's limit, not the model's number)");
        // every invalid point is a marked row and at most one cross per chart; beta's point 1 at least (on a busy
        // machine real points may be client-bound too)
        long invalid = invalidPoints();
        assertThat(invalid).isGreaterThanOrEqualTo(1);
        assertThat(java.util.regex.Pattern.compile("<tr class=\"invalid( client-bound)?\"><td>\\d").matcher(index).results().count())
                .isEqualTo(invalid);
        assertThat(index.split("<g class=\"invalid\">", -1).length - 1).isBetween(2, (int) (2 * invalid));
    }

    @Test
    void hostileHardwareAndEngineStringsAreEscaped() {
        assertThat(index).doesNotContain(HOSTILE_IMAGE).doesNotContain("<img src=x")
                .contains("image=&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void theAbComparisonIsShownWithItsIntervalAndTheMemoryAccessNote() {
        assertThat(index).contains("Context-length A/B").contains("Memory access: not measurable from the client")
                .containsPattern("A <a href=\"[^\"]+\">sim</a> vs B <a href=\"[^\"]+\">gamma-b</a> · 3 repeats")
                .containsPattern("<td class=\"num\">\\d+\\.\\d{3}</td><td>95% CI \\d+\\.\\d{3}–\\d+\\.\\d{3}</td>");
        assertThat(index.split("Context-length A/B", -1)).hasSize(2); // once, from arm A, though both arms hold the file
    }

    @Test
    void bothArmsRunPagesNameTheLaneAndShowTheComparison() throws IOException {
        for (String slug : List.of("sim", "gamma-b")) {
            String page = Files.readString(out.resolve("runs/" + onlyRun(slug).getFileName() + ".html"));
            assertThat(page).contains("throughput lane").contains("8×H200 · dtype=fp8 · tp=8 · declared")
                    .contains("A/B comparison").contains("3 interleaved repeats · memory access: not measurable from the client")
                    .containsPattern("<dt>ratio B/A · 16 in · concurrency 1</dt><dd class=\"num\">\\d+\\.\\d{3} \\(95% CI");
        }
        String alpha = Files.readString(out.resolve("runs/" + onlyRun("alpha").getFileName() + ".html"));
        assertThat(alpha).contains("throughput lane").doesNotContain("A/B comparison");
    }

    @Test
    void theChinesePagesWordTheLanesPointsAndAbLinesKeepingTheSettingsAndTerms() throws IOException {
        String zh = Files.readString(out.resolve("zh/index.html"));
        assertThat(zh).contains("8×H200 · dtype=fp8 · tp=8 · 自行声明 · ").contains("<td>并发 2</td>")
                .contains("受限于客户端：不是模型本身的数值")
                .containsPattern("<td>95% 置信区间 \\d+\\.\\d{3}–\\d+\\.\\d{3}</td>")
                .doesNotContain("<td>concurrency 2</td>", " · simulated", "client-bound: not");
        String page = Files.readString(out.resolve("zh/runs/" + onlyRun("sim").getFileName() + ".html"));
        assertThat(page).contains("8×H200 · dtype=fp8 · tp=8 · 自行声明 · ").contains(" · 模拟（")
                .contains("交替重复 3 次 · 显存访问：无法从客户端测量")
                .containsPattern("<dt>比值 B/A · 输入 16 · 并发 1</dt><dd class=\"num\">\\d+\\.\\d{3}（95% 置信区间")
                .contains("<dt>负载点 0 · 并发 1 · 输入 16 / 输出 4</dt>")
                .doesNotContain("interleaved repeats", "ended early", "A/B comparison");
    }

    @Test
    void theApiGivesThroughputItsOwnRowsAndCsv() throws IOException {
        JsonNode api = Json.mapper().readTree(out.resolve("api/leaderboard.json").toFile());
        assertThat(api.path("rows")).isEmpty(); // only throughput runs here: no score rows with null scores
        JsonNode tp = api.path("throughput");
        assertThat(tp).hasSize(4 + 2 + 3 + 3); // alpha 2×2 points, beta 2, each A/B arm 3 repeats of 1
        assertThat(tp).allSatisfy(r -> assertThat(r.path("simulated").asBoolean()).isTrue());
        assertThat(tp.get(1).path("valid").asBoolean()).isFalse();
        assertThat(tp.get(1).path("clientBound").asBoolean()).isTrue();
        assertThat(tp.get(0).path("settings").path("image").asText()).isEqualTo(HOSTILE_IMAGE);
        // each entry has exactly the fields the published schema requires, nulls included
        JsonNode schema = Json.mapper().readTree(Path.of("../docs/schemas/leaderboard-v1.schema.json").toFile());
        List<String> required = Json.mapper().convertValue(schema.path("$defs").path("throughputPoint").path("required"),
                new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { });
        assertThat(schema.path("required").toString()).contains("\"throughput\"");
        assertThat(tp).allSatisfy(r -> assertThat(iterable(r.fieldNames())).containsExactlyInAnyOrderElementsOf(required));
        String raw = Files.readString(out.resolve("api/leaderboard.json"));
        assertThat(raw).doesNotContain("<").doesNotContain(">");
        List<String> csv = Files.readAllLines(out.resolve("api/throughput.csv"));
        assertThat(csv.get(0)).startsWith("lane,runId,model,modelSlug,simulated,trust,hardware,");
        assertThat(csv).hasSize(1 + 12);
        assertThat(csv.get(2)).contains(",beta,beta,true,");
    }

    @Test
    void theNavLinksTheRoutingIndexAndTheExportHasIt() throws IOException {
        assertThat(index).contains("<a href=\"./claims.html\">Claims</a>\n<a href=\"./routing.html\">Routing</a>");
        assertThat(Files.readString(out.resolve("routing.html"))).contains("No workload has a pair of instant and thinking runs yet.");
    }

    /** The exported page in headless Chromium over loopback HTTP (CSP unchanged): the tab shows the lanes and the SVGs draw. */
    @Test
    void theExportedSectionRendersInHeadlessChromium() throws Exception {
        dev.claimcheck.site.web.Chromium.require();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            Path f = out.resolve(x.getRequestURI().getPath().substring(1)).normalize();
            byte[] body = f.startsWith(out) && Files.isRegularFile(f) ? Files.readAllBytes(f) : new byte[0];
            String name = f.getFileName() == null ? "" : f.getFileName().toString();
            x.getResponseHeaders().set("Content-Type", name.endsWith(".html") ? "text/html;charset=utf-8"
                    : name.endsWith(".css") ? "text/css" : name.endsWith(".js") ? "text/javascript" : "application/octet-stream");
            x.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            try (var o = x.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        Path profile = Files.createTempDirectory("claimcheck-chromium");
        org.openqa.selenium.chrome.ChromeOptions options = new org.openqa.selenium.chrome.ChromeOptions();
        options.setBinary(dev.claimcheck.site.web.Chromium.BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--user-data-dir=" + profile, "--window-size=1400,1000");
        org.openqa.selenium.chrome.ChromeDriver driver = new org.openqa.selenium.chrome.ChromeDriver(
                new org.openqa.selenium.chrome.ChromeDriverService.Builder()
                        .usingDriverExecutable(dev.claimcheck.site.web.Chromium.DRIVER.toFile()).usingAnyFreePort().build(), options);
        try {
            driver.get("http://127.0.0.1:" + server.getAddress().getPort() + "/index.html#w-throughput");
            var section = new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
                            org.openqa.selenium.By.id("w-throughput")));
            var charts = section.findElements(org.openqa.selenium.By.cssSelector("svg.throughput-chart"));
            assertThat(charts).hasSize(4).allSatisfy(c -> assertThat(c.getSize().getWidth()).isGreaterThan(300));
            assertThat(section.findElements(org.openqa.selenium.By.cssSelector("g.invalid"))).hasSizeGreaterThanOrEqualTo(2);
            assertThat(driver.findElements(org.openqa.selenium.By.tagName("img"))).isEmpty(); // the hostile engine stays text
            Files.createDirectories(Path.of("target/screenshots"));
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 4200)); // the whole section
            Files.write(Path.of("target/screenshots/throughput.png"),
                    driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } finally {
            driver.quit();
            server.stop(0);
        }
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    private static long invalidPoints() throws IOException {
        JsonNode tp = Json.mapper().readTree(out.resolve("api/leaderboard.json").toFile()).path("throughput");
        return java.util.stream.StreamSupport.stream(tp.spliterator(), false).filter(r -> !r.path("valid").asBoolean()).count();
    }

    private static String engine(ResultsIndex idx, String model) {
        RunEntry r = idx.runs().stream().filter(x -> x.manifest().model().id().equals(model)).findFirst().orElseThrow();
        return r.manifest().endpoint().engine() + " " + r.manifest().endpoint().engineVersion();
    }

    private static void bench(String... args) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(log, true, StandardCharsets.UTF_8);
        String[] all = Stream.concat(Stream.of(args), Stream.of("--root", root.toString())).toArray(String[]::new);
        int code = Cli.execute(new BenchCommand(new ServingBench(Clock.systemUTC(), null), Map.of(), p, p), new PrintWriter(p, true), all);
        assertThat(code).as(log.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static Path onlyRun(String slug) throws IOException {
        try (Stream<Path> s = Files.list(root.resolve("results/runs/" + slug + "/throughput/serving"))) {
            return s.findFirst().orElseThrow();
        }
    }
}
