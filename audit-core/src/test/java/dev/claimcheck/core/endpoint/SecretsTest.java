package dev.claimcheck.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void redactsKnownValuesAndBearerTokensThenTruncates() {
        Secrets s = Secrets.of(List.of("abcd1234"));
        assertThat(s.redact("Authorization: Bearer xyz.123 and abcd1234")).isEqualTo(
                "Authorization: Bearer <redacted> and <redacted>");
        assertThat(s.snippet("x".repeat(500))).hasSize(Secrets.SNIPPET_CHARS + 1);
        assertThat(s.snippet("a\nb")).isEqualTo("a b");
        // redaction happens before the cut, so no prefix of the key survives at the edge
        assertThat(s.snippet("y".repeat(197) + "abcd1234")).doesNotContain("abc");
    }

    @Test
    void redactsSecretLookingHeaders() {
        assertThat(Secrets.redactHeaders(Map.of("Authorization", "Bearer x", "X-Api-Key", "k", "X-Auth-Token", "t",
                "Cookie", "c", "X-Team", "audit"))).containsExactly(Map.entry("Authorization", "<redacted>"),
                Map.entry("Cookie", "<redacted>"), Map.entry("X-Api-Key", "<redacted>"),
                Map.entry("X-Auth-Token", "<redacted>"), Map.entry("X-Team", "audit"));
    }
}
