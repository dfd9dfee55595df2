package dev.claimcheck.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.net.InetAddress;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The address the running site resolves from its configuration is loopback (application.properties). */
@QuarkusTest
class BindAddressTest {
    @ConfigProperty(name = "quarkus.http.host")
    String host;

    @Test
    void theConfiguredHostIsLoopback() throws Exception {
        assertThat(InetAddress.getByName(host).isLoopbackAddress()).as(host).isTrue();
    }
}
