package dev.claimcheck.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientConfigTest {
    @Test
    void defaultsAndHiddenKey() {
        ClientConfig c = ClientConfig.builder("http://h:8000/v1/").apiKey("sk-very-secret").header("X-Team:audit")
                .header("Cookie: sid=abc").build();
        assertThat(c.baseUrl()).isEqualTo("http://h:8000/v1");
        assertThat(c.serverRoot()).isEqualTo("http://h:8000");
        assertThat(c.apiFlavor()).isEqualTo("openai");
        assertThat(c.apiKeyEnv()).isEqualTo("OPENAI_API_KEY");
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(c.requestTimeout()).isNull();
        assertThat(c.retry()).isEqualTo(RetryPolicy.defaults());
        assertThat(c.circuitBreakerThreshold()).isEqualTo(20);
        assertThat(c.headers()).containsEntry("X-Team", "audit");
        assertThat(c.toString()).doesNotContain("sk-very-secret").doesNotContain("sid=abc").contains("X-Team=audit");
        assertThat(c.secrets().redact("key sk-very-secret cookie sid=abc")).isEqualTo("key <redacted> cookie <redacted>");
    }

    @Test
    void badInputs() {
        assertThatThrownBy(() -> ClientConfig.builder("ftp://h/v1").build()).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> ClientConfig.builder("http://h/v1").apiFlavor("anthropic").build())
                .isInstanceOf(BadInputException.class).hasMessageContaining("known: openai");
        assertThatThrownBy(() -> ClientConfig.builder("http://h/v1").header("no-colon")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> ClientConfig.builder("http://h/v1").header("Host:x").build())
                .isInstanceOf(BadInputException.class);
    }
}
