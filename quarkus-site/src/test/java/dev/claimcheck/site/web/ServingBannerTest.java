package dev.claimcheck.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ./jbang site@.} prints a URL that opens the site on this machine, whatever address it listens on. */
class ServingBannerTest {
    @ParameterizedTest(name = "{0}:{1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1 | 8080 | claimcheck site: http://127.0.0.1:8080/ (root /srv/r)
            0.0.0.0   | 8081 | claimcheck site: http://127.0.0.1:8081/ (root /srv/r); listening on every interface (0.0.0.0)
            ::1       | 8080 | claimcheck site: http://[::1]:8080/ (root /srv/r)
            10.0.0.5  | 9000 | claimcheck site: http://10.0.0.5:9000/ (root /srv/r)
            """)
    void theLineNamesAUrlToOpen(String host, int port, String expected) {
        assertThat(ServingBanner.line(host, port, Path.of("/srv/r"))).isEqualTo(expected);
    }
}
