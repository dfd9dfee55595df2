package dev.claimcheck.site.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.site.SampleRoot;
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
        List<String> pages = List.of("/", "/index.html", "/claims", "/excluded", "/runs/" + SampleRoot.ACME_RUN,
                "/runs/" + SampleRoot.RING_RUN, "/models/acme--calc-b---one-", "/models/fixture--thinking-1t",
                "/models/fixture--instant-1t");
        for (String p : pages) {
            String html = page(p, 200);
            assertThat(html).as(p).startsWith("<!doctype html>").contains("</html>")
                    .doesNotContain(PLANTED).doesNotContain("<script>alert").doesNotContain("javascript:alert");
        }
    }

    @Test
    void leaderboardShowsLanesSideBySideSimulatedBadgesAndEscapedModelName() {
        String html = page("/", 200);
        assertThat(html).contains("instant lane").contains("thinking lane").contains("id=\"w-arith\"").contains("id=\"w-math\"");
        assertThat(html).contains("acme/Calc&lt;b&gt;&amp;&quot;One&quot;").doesNotContain(SampleRoot.ACME_MODEL);
        long rows = html.split("<tr data-hw=", -1).length - 1;
        long simRows = html.split("<tr data-hw=\"[^\"]*\" data-date=\"[^\"]*\" class=\"simulated\"", -1).length - 1;
        assertThat(rows).isGreaterThan(4);
        assertThat(simRows).as("every simulated row is marked").isEqualTo(rows);
        assertThat(html.split("badge-simulated\" title=", -1).length - 1).as("a SIM badge per row").isGreaterThanOrEqualTo((int) rows);
        assertThat(html).contains("verdict-settingsDiffer").contains("verdict-undisclosed");
        assertThat(html).contains("type=\"application/json\"").contains("class=\"fallback\"");
    }

    @Test
    void runPageHasProvenanceAndLoadsSamplesSeparately() {
        String html = page("/runs/" + SampleRoot.ACME_RUN, 200);
        assertThat(html).contains("claimcheck-sim").contains("arith-generated-p50-s4").contains("data-url=\"../api/runs/")
                .contains("Simulated run").contains("sha256");
        assertThat(html).as("transcripts are never inlined").doesNotContain("alert(1)");
    }

    @Test
    void claimsPageEscapesSourcesAndNeverLinksJavascriptUrls() {
        String html = page("/claims", 200);
        assertThat(html).contains("Fixture &lt;i&gt;cookbook&lt;/i&gt; &amp; &quot;friends&quot;")
                .contains("href=\"https://example.org/ring?a=1&amp;b=&lt;2&gt;\"")
                .doesNotContain("href=\"javascript:").contains("not reproduced").contains("./jbang fixture--thinking-1t-arith-fixture@.");
    }

    @Test
    void excludedPageListsCorruptRunsAndFiles() {
        String html = page("/excluded", 200);
        assertThat(html).contains("20261129T030000Z-deadbeef").contains("not valid JSON")
                .contains("20261129T030001Z-0badc0de").contains("claimcheck/run/v9").contains("results/claims/broken.json");
    }

    @Test
    void unknownRunOrModelIs404() {
        assertThat(page("/runs/nope", 404)).contains("Run nope");
        assertThat(page("/models/<x>", 404)).contains("Model &lt;x&gt;");
    }
}
