package dev.claimcheck.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The site listens on loopback unless {@code --host} says otherwise. */
class SiteCommandTest {
    private static SiteCommand parse(String... args) {
        SiteCommand c = new SiteCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void everyProfileOfApplicationPropertiesBindsLoopback() throws Exception {
        Properties p = new Properties();
        try (InputStream in = SiteCommand.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        assertThat(p.getProperty("quarkus.http.host")).as("Quarkus alone binds 0.0.0.0 in prod mode").isNotNull();
        for (String name : p.stringPropertyNames()) {
            if (name.replaceFirst("^%[^.]+\\.", "").equals("quarkus.http.host")) {
                assertThat(InetAddress.getByName(p.getProperty(name)).isLoopbackAddress()).as(name).isTrue();
            }
        }
    }

    @Test
    void withoutOptionsNothingOverridesTheConfiguration() {
        assertThat(parse().serverProperties(Path.of("/r"))).isEmpty();
    }

    @Test
    void hostPortAndRootBecomeTheirProperties() {
        assertThat(parse("--host", "0.0.0.0", "--port", "9090", "--root", "/r").serverProperties(Path.of("/r")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("quarkus.http.host", "0.0.0.0", "quarkus.http.port", "9090",
                        "claimcheck.root", "/r"));
    }

    @Test
    void aBlankHostIsBadInput() {
        assertThatThrownBy(() -> parse("--host", " ").serverProperties(Path.of("/r")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--host");
    }
}
