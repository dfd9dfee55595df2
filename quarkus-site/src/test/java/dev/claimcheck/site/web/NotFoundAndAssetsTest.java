package dev.claimcheck.site.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.site.page.Assets;
import dev.claimcheck.site.page.Links;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Any unknown path gets the site's own 404 page (styled, its links relative to the path); static files are linked
 * under their content version, so caching them for a day under a fixed name is safe; every page has a favicon.
 */
@QuarkusTest
class NotFoundAndAssetsTest {
    @Test
    void anUnknownPathGetsTheThemed404WithLinksThatResolveFromItsDepth() {
        String html = given().when().get("/no/such/page").then().statusCode(404).contentType("text/html")
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'"))
                .extract().asString();
        assertThat(html).contains("<h1>Not found</h1>", "The page /no/such/page is not in this root")
                .contains("href=\"../../" + Assets.versioned(Assets.CSS) + "\"", "href=\"../../" + Assets.versioned(Assets.FAVICON) + "\"");
        assertThat(given().when().get("/nothing").then().statusCode(404).extract().asString())
                .contains("href=\"./" + Assets.versioned(Assets.CSS) + "\"");
    }

    @Test
    void pagesLinkVersionedAssetsThatTheServerAnswers() {
        String html = given().when().get("/claims").then().statusCode(200).extract().asString();
        String css = Assets.versioned(Assets.CSS);
        assertThat(css).matches("static/site\\.css\\?v=[0-9a-f]{12}");
        assertThat(html).contains("href=\"./" + css + "\"", "src=\"./" + Assets.versioned(Assets.JS) + "\"",
                "<link rel=\"icon\" href=\"./" + Assets.versioned(Assets.FAVICON) + "\" type=\"image/svg+xml\">");
        given().when().get("/" + css).then().statusCode(200).contentType("text/css");
        given().when().get("/" + Assets.versioned(Assets.FAVICON)).then().statusCode(200).contentType("image/svg+xml");
        assertThat(Links.at(0, false).nav().css()).isEqualTo("./" + css);
    }

    @Test
    void theVersionIsTheContentsHashSoAChangedFileGetsANewUrl() {
        String v = Assets.versioned(Assets.JS).substring(Assets.JS.length() + 3);
        assertThat(dev.claimcheck.core.model.PromptHash.sha256Hex(Assets.bytes(Assets.JS))).startsWith(v);
    }
}
