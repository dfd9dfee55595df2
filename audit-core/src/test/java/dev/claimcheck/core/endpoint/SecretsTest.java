package dev.claimcheck.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.ToolCall;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {
    static final String KEY = "sk-live/Q+r=0123456789abcdef";
    static final Secrets S = Secrets.of(List.of(KEY));

    @Test
    void redactsKnownValuesAndBearerTokensThenTruncates() {
        Secrets s = Secrets.of(List.of("abcd1234"));
        assertThat(s.redact("Authorization: Bearer xyz.123 and abcd1234")).isEqualTo(
                "Authorization: Bearer <redacted> and <redacted>");
        assertThat(s.redactions()).as("one value, one bearer token").isEqualTo(2);
        assertThat(s.snippet("x".repeat(500))).hasSize(Secrets.SNIPPET_CHARS + 1);
        assertThat(s.snippet("a\nb")).isEqualTo("a b");
        // redaction happens before the cut, so no prefix of the key survives at the edge
        assertThat(s.snippet("y".repeat(197) + "abcd1234")).doesNotContain("abc");
    }

    /** Each line is a way a hostile server may echo the key; none may survive. */
    @ParameterizedTest
    @ValueSource(strings = {
        "raw:", "upper:", "lower:", "url:", "url20:", "json:", "jsonSlash:", "hex:", "b64:", "b64url:", "b64nopad:",
        "basic:user:", "basic:u:", "basic:ab:", "bearer:", "query:?api_key="})
    void aKeyIsRecognisedInItsCommonEncodings(String form) {
        String kind = form.substring(0, form.indexOf(':'));
        String arg = form.substring(form.indexOf(':') + 1);
        String echoed = switch (kind) {
            case "raw" -> KEY;
            case "upper" -> KEY.toUpperCase();
            case "lower" -> KEY.toLowerCase();
            case "url" -> URLEncoder.encode(KEY, StandardCharsets.UTF_8);
            case "url20" -> URLEncoder.encode(KEY, StandardCharsets.UTF_8).replace("+", "%20");
            case "json" -> KEY.replace("\\", "\\\\");
            case "jsonSlash" -> KEY.replace("/", "\\/");
            case "hex" -> java.util.HexFormat.of().formatHex(KEY.getBytes(StandardCharsets.UTF_8)).toUpperCase();
            case "b64" -> Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8));
            case "b64url" -> Base64.getUrlEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8));
            case "b64nopad" -> Base64.getEncoder().withoutPadding().encodeToString(KEY.getBytes(StandardCharsets.UTF_8));
            case "basic" -> "Basic " + Base64.getEncoder().encodeToString((arg + KEY).getBytes(StandardCharsets.UTF_8));
            case "bearer" -> "Bearer " + KEY;
            case "query" -> "https://x.invalid/v1" + arg + URLEncoder.encode(KEY, StandardCharsets.UTF_8) + "&x=1";
            default -> throw new AssertionError(kind);
        };
        String out = S.redact("said: " + echoed + " (end)");
        assertThat(out).contains("<redacted>").doesNotContainIgnoringCase("0123456789abcdef");
        if (kind.startsWith("b64") || kind.equals("basic")) {
            String b64 = Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8));
            assertThat(out).doesNotContain(b64.substring(4, b64.length() - 4));
        }
        assertThat(out).startsWith("said: ").endsWith(" (end)");
    }

    @Test
    void modelOutputLosesOnlyKnownValuesInEveryFieldTheServerWrote() {
        Secrets s = Secrets.of(List.of(KEY));
        Response r = s.redact(new Response("The bearer bonds; key " + KEY, "think " + KEY,
                List.of(new ToolCall("id-" + KEY, "fn" + KEY, "{\"q\":\"" + KEY.replace("/", "\\/") + "\"}")), "stop" + KEY));
        assertThat(r.content()).isEqualTo("The bearer bonds; key <redacted>");
        assertThat(r.reasoning()).isEqualTo("think <redacted>");
        assertThat(r.toolCalls().get(0)).isEqualTo(new ToolCall("id-<redacted>", "fn<redacted>", "{\"q\":\"<redacted>\"}"));
        assertThat(r.finishReason()).isEqualTo("stop<redacted>");
        assertThat(s.redactions()).as("one per field").isEqualTo(6);
        Response clean = new Response("nothing here", null, List.of(), "stop");
        assertThat(s.redact(clean)).isEqualTo(clean);
        assertThat(s.redactions()).as("nothing replaced, nothing counted").isEqualTo(6);
    }

    @Test
    void jsonTreesLoseTheKeyInNamesAndValues() throws Exception {
        var tree = new ObjectMapper().readTree("{\"" + KEY + "\":{\"v\":[\"a " + KEY + "\",1,true,null]}}");
        assertThat(S.redact(tree).toString()).isEqualTo("{\"<redacted>\":{\"v\":[\"a <redacted>\",1,true,null]}}");
    }

    /** {@code --header "Authorization: <scheme> <credential>"}: an echo of the bare credential is caught too. */
    @ParameterizedTest
    @ValueSource(strings = {"Bearer tok-0123456789", "token tok-0123456789", "ApiKey tok-0123456789",
        "Basic dXNlcjp0b2stMDEyMzQ1Njc4OQ=="})
    void theCredentialInsideAnAuthorizationValueIsASecretOfItsOwn(String headerValue) {
        Secrets s = Secrets.of(List.of(headerValue));
        assertThat(s.redactKnown("echo tok-0123456789 end")).isEqualTo("echo <redacted> end");
        assertThat(Secrets.of(List.of("X-Team hello-world")).redactKnown("hello-world")).as("no scheme word, no split")
                .isEqualTo("hello-world");
    }

    @Test
    void shortOrAbsentValuesAreNoSecrets() {
        assertThat(Secrets.of(java.util.Arrays.asList(null, "abc", " ")).redactKnown("abc")).isEqualTo("abc");
        assertThat(Secrets.none().redact("Bearer x1")).isEqualTo("Bearer <redacted>");
    }

    @Test
    void redactsSecretLookingHeaders() {
        assertThat(Secrets.redactHeaders(Map.of("Authorization", "Bearer x", "X-Api-Key", "k", "X-Auth-Token", "t",
                "Cookie", "c", "X-Team", "audit", "X-Custom", "long-enough-value"))).containsExactly(
                Map.entry("Authorization", "<redacted>"), Map.entry("Cookie", "<redacted>"),
                Map.entry("X-Api-Key", "<redacted>"), Map.entry("X-Auth-Token", "<redacted>"),
                Map.entry("X-Custom", "<redacted>"), Map.entry("X-Team", "audit"));
    }
}
