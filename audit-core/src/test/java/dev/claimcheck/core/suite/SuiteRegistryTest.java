package dev.claimcheck.core.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.TokenSummary;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.Figures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every registered suite is complete: id, version, description, options, figures, re-grade, README and a fixture. */
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
    void everyWorkloadHasOneSetOfFiguresWithATitleAndWhatItMeasures() {
        for (Workload w : Workload.values()) {
            Figures f = SuiteRegistry.figures(w);
            assertThat(f.title()).as("title of %s", w).isNotBlank();
            assertThat(f.measured()).as("sentence of %s", w).isNotBlank();
        }
        // run.json's layout is the workload's: every suite of one workload declares the same figures.
        for (Suite suite : SuiteRegistry.all()) {
            assertThat(suite.figures()).as(suite.id()).isSameAs(SuiteRegistry.figures(suite.workload()));
            assertThat(suite.regrade()).as("how verify re-grades %s", suite.id()).isNotNull();
        }
    }

    @Test
    void aWorkloadWithoutItsBlockListsNoRows() {
        Metrics shared = Metrics.shared(null, null, null, 0, 0, 0, Map.of(), 0, TokenSummary.EMPTY, TokenSummary.EMPTY, null);
        for (Workload w : Workload.values()) {
            assertThat(SuiteRegistry.figures(w).rows(shared)).as(w.id()).isEmpty();
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
