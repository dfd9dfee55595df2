package dev.claimcheck.site.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every claimcheck.* key reaches the site through {@link SiteConfig}: its defaults, its names, its refusal of a bad value. */
class SiteConfigTest {
    private static SiteConfig load(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(SiteConfig.class)
                .build();
        return config.getConfigMapping(SiteConfig.class);
    }

    @Test
    void withNothingSetTheSiteReadsTheCurrentFolderAndPollsEveryTwoSeconds() {
        SiteConfig c = load(Map.of());
        assertThat(c.root()).isEqualTo(".");
        assertThat(c.pollMs()).isEqualTo(2000);
        assertThat(c.checkout()).as("claims and recipes the root lacks come from the nearest checkout").isEqualTo("auto");
    }

    @Test
    void theKeysAreTheDocumentedOnes() {
        SiteConfig c = load(Map.of("claimcheck.root", "/srv/root", "claimcheck.poll-ms", "0", "claimcheck.checkout", "none"));
        assertThat(c.root()).isEqualTo("/srv/root");
        assertThat(c.checkout()).isEqualTo("none");
        assertThat(c.pollMs()).isZero();
    }

    @Test
    void aPollIntervalThatIsNotANumberStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> load(Map.of("claimcheck.poll-ms", "soon")))
                .hasStackTraceContaining("claimcheck.poll-ms");
    }
}
