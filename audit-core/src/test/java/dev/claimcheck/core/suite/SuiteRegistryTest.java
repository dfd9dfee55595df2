package dev.claimcheck.core.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every registered suite is complete: id, version, description, options, README and a fixture. */
class SuiteRegistryTest {
    @Test
    void everySuiteIsDocumentedAndHasAFixture() {
        Set<String> ids = new HashSet<>();
        for (Suite suite : SuiteRegistry.all()) {
            assertThat(ids.add(suite.id())).as("duplicate id %s", suite.id()).isTrue();
            assertThat(suite.id()).matches("[a-z][a-z0-9-]*");
            assertThat(suite.version()).isNotBlank();
            assertThat(suite.description()).isNotBlank();
            assertThat(suite.newOptions()).isNotNull();
            Path pkg = Path.of("src/main/java", suite.getClass().getPackageName().replace('.', '/'));
            assertThat(pkg.resolve("README.md")).as("README beside " + suite.getClass().getSimpleName()).isRegularFile();
            assertThat(Path.of("src/test/resources/suites", suite.id())).as("fixture folder of " + suite.id()).isDirectory();
        }
    }

    @Test
    void anUnknownSuiteNamesTheKnownOnes() {
        assertThatThrownBy(() -> SuiteRegistry.byId("nope")).isInstanceOf(BadInputException.class)
                .hasMessage("unknown suite 'nope' (known: " + SuiteRegistry.ids() + ")");
    }

    @Test
    void fixturesExist() throws Exception {
        try (var files = Files.list(Path.of("src/test/resources/suites/arith"))) {
            assertThat(files.count()).isPositive();
        }
    }
}
