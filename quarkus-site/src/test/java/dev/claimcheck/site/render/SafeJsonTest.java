package dev.claimcheck.site.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeJsonTest {
    @Test
    void escapesHtmlSignificantCharacters() {
        String json = SafeJson.write(Map.of("x", "</script><b>&amp;\u2028"));
        assertThat(json).isEqualTo("{\"x\":\"\\u003C/script\\u003E\\u003Cb\\u003E\\u0026amp;\\u2028\"}");
    }

    @Test
    void csvNeutralisesFormulas() {
        assertThat(LeaderboardCsv.text("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(LeaderboardCsv.text("model")).isEqualTo("model");
    }
}
