package dev.claimcheck.site.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.site.LanguageChecks;
import dev.claimcheck.site.SampleRoot;
import dev.claimcheck.site.page.Lang;
import java.net.URI;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every page renders from the sample root, and untrusted text appears only as escaped text. */
@QuarkusTest
class PageResourceTest {
    static final String PLANTED = "<script>alert(1)</script>";

    static String page(String path, int status) {
        return given().when().get(path).then().statusCode(status).contentType("text/html").extract().asString();
    }

    @Test
    void everyPageRenders() {
        List<String> pages = new java.util.ArrayList<>(List.of("/", "/index.html", "/claims", "/excluded", "/routing",
                "/runs/" + SampleRoot.ACME_RUN, "/runs/" + SampleRoot.RING_RUN, "/models/acme--calc-b---one-",
                "/models/fixture--thinking-1t", "/models/fixture--instant-1t"));
        List<String> boards = SampleRoot.model().boardSlugs();
        assertThat(boards).hasSizeGreaterThanOrEqualTo(2);
        boards.forEach(b -> pages.add("/boards/" + b));
        SampleRoot.model().routingWorkloads().forEach(w -> pages.add("/routing/" + w));
        pages.add("/boards/" + boards.get(0) + ".html");
        boards.forEach(b -> pages.add("/boards/" + b + "/grid"));
        pages.add("/runs/" + SampleRoot.ACME_RUN + "/samples");
        pages.add("/runs/" + SampleRoot.ACME_RUN + "/samples/arith-0000/1");
        pages.add("/runs/" + SampleRoot.ACME_RUN + "/samples/arith-0000/0.html");
        pages.add("/compare");
        pages.add("/compare?a=20261129T025748Z-5d289d7a&b=20261129T025753Z-257f28ac");
        for (Lang lang : Lang.values()) {
            for (String en : pages) {
                String p = "/" + lang.prefix() + en.substring(1);
                String html = page(p, 200);
                assertThat(html).as(p).startsWith("<!doctype html>").contains("</html>")
                        .doesNotContain(PLANTED).doesNotContain("<script>alert").doesNotContain("javascript:alert");
                assertThat(html.split("<h1[ >]", -1).length - 1).as(p + ": exactly one h1").isEqualTo(1);
                String other = LanguageChecks.checkPage(p, html, lang);
                String there = URI.create(p).resolve(other).toString();
                // the server answers "x" and "x.html" (and "/" and "/index.html") alike; the switch names the short form
                String same = en.replace("index.html", "").replace(".html", "");
                assertThat(there).as(p + ": the switch leads to the same page in the other language")
                        .isEqualTo(lang == Lang.EN ? "/zh" + same : same);
            }
        }
        assertThat(page("/no/such/page", 404).split("<h1[ >]", -1).length - 1).as("404: exactly one h1").isEqualTo(1);
        String zh404 = page("/zh/no/such/page", 404);
        LanguageChecks.checkPage("/zh/no/such/page", zh404, Lang.ZH);
        assertThat(zh404).contains("页面不存在").contains("href=\"../../../zh/\"");
        assertThat(given().redirects().follow(false).when().get("/zh").then().statusCode(301).extract().header("Location"))
                .isEqualTo("/zh/");
    }

    @Test
    void leaderboardShowsLanesSideBySideSimulatedBadgesAndEscapedModelName() {
        String html = page("/", 200);
        assertThat(html).contains("instant lane").contains("thinking lane").contains("id=\"w-arith\"").contains("id=\"w-math\"");
        assertThat(html).contains("acme/Calc&lt;b&gt;&amp;&quot;One&quot;").doesNotContain(SampleRoot.ACME_MODEL);
        long rows = html.split("<tr data-hw=", -1).length - 1;
        long simRows = html.split("<tr data-hw=\"[^\"]*\"[^>]* class=\"simulated\"", -1).length - 1;
        assertThat(rows).isGreaterThan(4);
        assertThat(simRows).as("every simulated row is marked").isEqualTo(rows);
        assertThat(html.split("badge-simulated\" title=", -1).length - 1).as("a SIM badge per row").isGreaterThanOrEqualTo((int) rows);
        // Every fixture run is simulated: a self-test never yields a verdict about the model (docs/architecture.md §8.1).
        assertThat(html).contains("verdict-notReproduced").doesNotContain("verdict-settingsDiffer", "verdict-undisclosed");
        // chart data is a separate resource; the points as a table live on the boards' full pages
        assertThat(html).doesNotContain("type=\"application/json\"").doesNotContain("<table class=\"fallback\"")
                .contains("data-src=\"./api/charts/w-arith.json\"").contains("data-run-href=\"./runs/{runId}\"");
        for (String b : SampleRoot.model().boardSlugs()) {
            assertThat(html).contains("href=\"./boards/" + b + "\"");
        }
    }

    @Test
    void boardPageHasEveryRowAndTheChartPointsAsATable() {
        String slug = SampleRoot.model().boardSlugs().stream().filter(s -> s.startsWith("arith--")).findFirst().orElseThrow();
        String html = page("/boards/" + slug, 200);
        assertThat(html).contains("instant lane").contains("thinking lane").contains("<table class=\"fallback\"")
                .contains("data-src=\"../api/charts/b-" + slug + ".json\"").contains("href=\"../runs/" + SampleRoot.ACME_RUN + "\"")
                .contains("acme/Calc&lt;b&gt;&amp;&quot;One&quot;").doesNotContain(SampleRoot.ACME_MODEL)
                .doesNotContain("type=\"application/json\"");
        assertThat(page("/boards/nope", 404)).contains("Board nope");
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URI home;

    /** Plain HTTP (rest-assured adds its own Accept-Encoding and inflates). */
    java.net.http.HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return get(java.net.http.HttpClient.Version.HTTP_1_1, path, headers);
    }

    java.net.http.HttpResponse<byte[]> get(java.net.http.HttpClient.Version v, String path, String... headers) throws Exception {
        var b = java.net.http.HttpRequest.newBuilder(home.resolve(path)).version(v);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return java.net.http.HttpClient.newHttpClient().send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void pagesAreGzippedWhenAcceptedAndRevalidatedByEtag() throws Exception {
        var plain = get("/");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding").orElse("identity")).isEqualTo("identity");
        assertThat(plain.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String etag = plain.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        var gz = get("/", "Accept-Encoding", "gzip, deflate, br");
        assertThat(gz.statusCode()).isEqualTo(200);
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gz.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        String gzTag = gz.headers().firstValue("ETag").orElseThrow();
        assertThat(gzTag).isNotEqualTo(etag).endsWith("-gz\"");
        assertThat(gz.body().length).isLessThan(plain.body().length);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(get("/", "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding").orElse("identity")).isEqualTo("identity");
        var notModified = get("/", "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
        assertThat(notModified.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(get("/", "Accept-Encoding", "gzip", "If-None-Match", gzTag).statusCode()).isEqualTo(304);
        assertThat(get("/", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        String slug = SampleRoot.model().boardSlugs().get(0);
        String boardTag = get("/boards/" + slug).headers().firstValue("ETag").orElseThrow();
        assertThat(get("/boards/" + slug, "If-None-Match", boardTag).statusCode()).isEqualTo(304);
        // HTTP/2 (h2c upgrade): never compressed twice
        var h2 = get(java.net.http.HttpClient.Version.HTTP_2, "/", "Accept-Encoding", "gzip");
        h2 = get(java.net.http.HttpClient.Version.HTTP_2, "/", "Accept-Encoding", "gzip");
        byte[] h2body = h2.body();
        if (h2.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(h2body))) {
                h2body = in.readAllBytes();
            }
        }
        assertThat(h2body).isEqualTo(plain.body());
        var csv = get("/api/leaderboard.csv", "Accept-Encoding", "gzip");
        assertThat(csv.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"leaderboard.csv\"");
    }

    @Test
    void proofPagesExistOnlyForProofRunsAndKatexIsServedFromItsWebjar() {
        assertThat(page("/runs/" + SampleRoot.ACME_RUN + "/proofs/1", 404)).contains("Problem 1 of run " + SampleRoot.ACME_RUN);
        assertThat(given().when().get("/webjars/katex/0.18.11/dist/katex.min.js").then().statusCode(200).extract().asString())
                .contains("katex");
    }

    @Test
    void runPageHasProvenanceAndLoadsSamplesSeparately() {
        String html = page("/runs/" + SampleRoot.ACME_RUN, 200);
        assertThat(html).contains("claimcheck-sim").contains("arith-generated-p50-s4").contains("data-index=\"../api/runs/")
                .contains("Simulated run").contains("sha256");
        assertThat(html).as("transcripts are never inlined").doesNotContain("alert(1)");
    }

    @Test
    void claimsPageEscapesSourcesAndNeverLinksJavascriptUrls() {
        String html = page("/claims", 200);
        assertThat(html).contains("Fixture &lt;i&gt;cookbook&lt;/i&gt; &amp; &quot;friends&quot;")
                .contains("href=\"https://example.org/ring?a=1&amp;b=&lt;2&gt;\"")
                .doesNotContain("href=\"javascript:").contains("not reproduced").contains("no recipe yet")
                .contains("only simulated runs (a harness self-test, not evidence about the model)")
                .contains("badge badge-simulated\">SIM</span>");
    }

    @Test
    void theNavigationLinksTheRoutingIndex() {
        assertThat(page("/claims", 200)).contains("<a href=\"./routing\">Routing</a>");
        String index = page("/routing", 200);
        assertThat(index).contains("<a href=\"./routing\" aria-current=\"page\">Routing</a>");
        assertThat(SampleRoot.model().routingWorkloads()).isEmpty(); // the sample root has no instant/thinking pair
        assertThat(index).contains("No workload has a pair of instant and thinking runs yet.");
    }

    @Test
    void excludedPageListsCorruptRunsAndFiles() {
        String html = page("/excluded", 200);
        assertThat(html).contains("20261129T030000Z-deadbeef").contains("not valid JSON")
                .contains("20261129T030001Z-0badc0de").contains("claimcheck/run/v9").contains("results/claims/broken.json");
    }

    @Test
    void theLeaderboardAndBoardsFilterOnTheServerFromTheQuery() {
        String tiny = page("/?model=tiny&lane=", 200);
        assertThat(tiny).contains("data-model=\"small/tiny-1b\"").doesNotContain("data-model=\"flaky/faulty-7b\"")
                .contains("value=\"tiny\"");
        assertThat(page("/index.html?lane=thinking", 200)).doesNotContain("data-lane=\"instant\"").contains("data-lane=\"thinking\"");
        assertThat(page("/?since=soon", 200)).contains("Ignored since=<code>soon</code>");
        String slug = SampleRoot.model().boardSlugs().stream().filter(b -> b.startsWith("arith--")).findFirst().orElseThrow();
        assertThat(page("/boards/" + slug + "?model=faulty", 200)).contains("data-model=\"flaky/faulty-7b\"")
                .doesNotContain("data-model=\"small/tiny-1b\"");
        assertThat(page("/", 200)).as("unfiltered, from memory").contains("data-model=\"small/tiny-1b\"").contains("data-model=\"flaky/faulty-7b\"");
    }

    @Test
    void unknownRunOrModelIs404() {
        assertThat(page("/runs/nope", 404)).contains("Run nope");
        assertThat(page("/runs/" + SampleRoot.ACME_RUN + "/samples/arith-0000/9", 404)).contains("Attempt 9");
        assertThat(page("/runs/nope/samples", 404)).contains("Run nope");
        assertThat(page("/boards/nope/grid", 404)).contains("Board nope");
        assertThat(page("/routing/nope", 404)).contains("Routing for nope");
        assertThat(page("/models/<x>", 404)).contains("Model &lt;x&gt;");
    }
}
