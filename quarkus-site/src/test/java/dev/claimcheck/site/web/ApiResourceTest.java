package dev.claimcheck.site.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;

import dev.claimcheck.site.SampleRoot;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiResourceTest {
    @Test
    void leaderboardJsonListsRowsAndEscapesHtmlCharacters() {
        String body = given().get("/api/leaderboard.json").then().statusCode(200).contentType("application/json")
                .body("schema", equalTo("claimcheck/leaderboard/v1"))
                .body("rows.size()", greaterThan(4))
                .body("rows.simulated", everyItem(equalTo(true)))
                .body("excluded", equalTo(3))
                .extract().asString();
        assertThat(body).contains("acme/Calc\\u003Cb\\u003E\\u0026\\\"One\\\"").doesNotContain("<").doesNotContain(">").doesNotContain("&");
    }

    @Test
    void leaderboardCsvHasASimulatedColumn() {
        String csv = given().get("/api/leaderboard.csv").then().statusCode(200).contentType("text/csv").extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("workload,suite,dataset,lane,band,model,modelSlug,runId,simulated,");
        assertThat(lines).hasSizeGreaterThan(5);
        assertThat(lines[1]).contains(",true,");
    }

    @Test
    void throughputHasItsOwnCsvAndJsonArrayNotScoreRows() {
        String csv = given().get("/api/throughput.csv").then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv).startsWith("lane,runId,model,modelSlug,simulated,trust,hardware,hardwareSource,");
        given().get("/api/leaderboard.json").then().statusCode(200).body("throughput.size()", equalTo(0))
                .body("rows.workload", everyItem(org.hamcrest.Matchers.not(equalTo("throughput"))));
    }

    @Test
    void runJsonAndSamplesPages() {
        given().get("/api/runs/" + SampleRoot.ACME_RUN + ".json").then().statusCode(200)
                .body("runId", equalTo(SampleRoot.ACME_RUN)).body("run.simulated", equalTo(true))
                .body("badges[0]", equalTo("simulated"));
        String body = given().get("/api/runs/" + SampleRoot.ACME_RUN + "/samples?page=1").then().statusCode(200)
                .body("page", equalTo(1)).body("total", equalTo(10)).body("samples.size()", equalTo(10))
                .extract().asString();
        assertThat(body).contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E").doesNotContain("<script>");
        given().get("/api/runs/" + SampleRoot.ACME_RUN + "/samples?page=1&verdict=correct&sort=tokens").then().statusCode(200)
                .body("samples.outcome", everyItem(equalTo("correct"))).body("verdict", equalTo("correct"));
        given().get("/api/runs/" + SampleRoot.ACME_RUN + "/samples?verdict=bogus").then().statusCode(400);
        given().get("/api/runs/nope.json").then().statusCode(404);
        given().get("/api/runs/nope/samples").then().statusCode(404);
        // the sample browser's short index: every attempt, its permalink, no transcript text
        String index = given().get("/api/runs/" + SampleRoot.ACME_RUN + "/samples.json").then().statusCode(200)
                .body("total", equalTo(10)).body("samples.size()", equalTo(10))
                .body("samples[0].path", equalTo("arith-0002/1")).extract().asString();
        assertThat(index).doesNotContain("alert(1)").doesNotContain("\"reasoning\"").doesNotContain("\"prompt\"");
        given().get("/api/runs/nope/samples.json").then().statusCode(404);
    }

    @Test
    void chartDataIsASeparateCachedResource() {
        var r = given().header("Accept-Encoding", "identity").get("/api/charts/w-arith.json").then().statusCode(200)
                .contentType("application/json").header("Vary", "Accept-Encoding").header("Cache-Control", "no-cache")
                .body("workload", equalTo("arith")).body("series.lane", org.hamcrest.Matchers.contains("instant", "thinking"))
                .extract();
        assertThat(r.asString()).doesNotContain("<").doesNotContain(">").doesNotContain("&").contains(SampleRoot.ACME_RUN);
        given().header("Accept-Encoding", "identity").header("If-None-Match", r.header("ETag")).get("/api/charts/w-arith.json")
                .then().statusCode(304);
        given().header("Accept-Encoding", "gzip").get("/api/charts/w-arith.json").then().statusCode(200)
                .header("Content-Encoding", "gzip");
        for (String b : SampleRoot.model().boardSlugs()) {
            given().get("/api/charts/b-" + b + ".json").then().statusCode(200).body("series.size()", equalTo(2));
        }
        given().get("/api/charts/nope.json").then().statusCode(404);
    }
}
