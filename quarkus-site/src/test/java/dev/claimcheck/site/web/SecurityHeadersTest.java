package dev.claimcheck.site.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** application.properties sets the headers for every response, pages, API and static files alike. */
@QuarkusTest
class SecurityHeadersTest {
    @ParameterizedTest
    @ValueSource(strings = {"/", "/claims", "/api/leaderboard.json", "/api/leaderboard.csv", "/static/site.js",
            "/webjars/echarts/5.3.1/dist/echarts.min.js", "/runs/missing", "/index.html", "/boards/missing",
            "/api/charts/w-arith.json", "/api/charts/missing.json"})
    void everyResponseCarriesTheHeaders(String path) {
        given().get(path).then()
                .header("Content-Security-Policy", allOf(containsString("script-src 'self'"), not(containsString("unsafe-inline")),
                        containsString("object-src 'none'")))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"));
    }
}
