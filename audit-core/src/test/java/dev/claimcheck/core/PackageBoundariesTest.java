package dev.claimcheck.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The package boundaries of docs/architecture.md §2.2 and §2.3, read from the sources: the real client in
 * {@code endpoint/} knows nothing of the simulator, and {@code suite/} holds suites only, no load generator.
 */
class PackageBoundariesTest {
    private static final Path MAIN = Path.of("src/main/java/dev/claimcheck/core");

    record Rule(String pkg, Pattern forbidden, String why) {
        @Override
        public String toString() {
            return pkg + " must not match " + forbidden;
        }
    }

    static List<Rule> rules() {
        return List.of(
                new Rule("endpoint", Pattern.compile("dev\\.claimcheck\\.core\\.sim\\b"), "imports the simulator"),
                new Rule("endpoint", Pattern.compile("\\b(Sim[A-Z]\\w*|Simulator|InMemoryOracle|OracleEntry)\\b"),
                        "names a simulator class"),
                new Rule("endpoint", Pattern.compile("(?i)simulat|claimcheck-sim|\"sim[\":]"), "knows the simulator"),
                new Rule("suite", Pattern.compile("dev\\.claimcheck\\.core\\.serving\\b"), "uses the load generator"),
                new Rule("suite", Pattern.compile("(?i)\\b(LoadRunner|StreamLoop|Arrivals|ServingBench)\\b"),
                        "holds load-generator code"),
                new Rule("sim", Pattern.compile("dev\\.claimcheck\\.core\\.(run|serving|cli|verify)\\b"),
                        "depends on a layer above the simulator"),
                // The fingerprint probes any endpoint through the client: it sits on endpoint/ and tokens/, below run/.
                new Rule("fingerprint", Pattern.compile("dev\\.claimcheck\\.core\\.(sim|suite|store|run|serving|cli|verify)\\b"),
                        "depends on a layer above the endpoint client"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void noSourceOfThePackageCrossesTheBoundary(Rule rule) throws IOException {
        Path dir = MAIN.resolve(rule.pkg());
        assertThat(dir).isDirectory();
        List<String> offending;
        try (Stream<Path> files = Files.walk(dir)) {
            offending = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> lines(f).stream().filter(l -> rule.forbidden().matcher(l).find())
                            .map(l -> MAIN.relativize(f) + ": " + l.strip()))
                    .toList();
        }
        assertThat(offending).as(rule.pkg() + "/ " + rule.why()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theRuleCatchesWhatItForbids(Rule rule) {
        // A rule that can never match proves nothing: each must flag a line of the kind it names.
        String sample = switch (rule.why()) {
            case "imports the simulator" -> "import dev.claimcheck.core.sim.SimOptions;";
            case "names a simulator class" -> "if (SimOptions.isSim(url)) {";
            case "knows the simulator" -> "engine = \"claimcheck-sim\"; // the Simulator";
            case "uses the load generator" -> "import dev.claimcheck.core.serving.LoadRunner;";
            case "holds load-generator code" -> "final class StreamLoop {";
            default -> "import dev.claimcheck.core.run.Endpoints;";
        };
        assertThat(rule.forbidden().matcher(sample).find()).isTrue();
    }

    @Test
    void suiteHasNoThroughputPackage() throws IOException {
        Path old = MAIN.resolve("suite/throughput");
        if (Files.isDirectory(old)) { // an emptied folder may outlive the move in a working tree; sources may not
            try (Stream<Path> files = Files.walk(old)) {
                assertThat(files.filter(Files::isRegularFile)).as("the load generator lives in serving/").isEmpty();
            }
        }
    }

    @Test
    void thePackagesImportEachOtherWithoutACycle() throws IOException {
        assertThat(PackageCycles.find(MAIN, "dev.claimcheck.core")).as("a cycle between packages (§2.3)").isEmpty();
    }

    @Test
    void theSitesFeaturePackagesImportEachOtherWithoutACycle() throws IOException {
        // The site's sources sit beside this module in the checkout; its feature packages follow the same rule (§2.2).
        Path site = Path.of("../quarkus-site/src/main/java/dev/claimcheck/site");
        assertThat(site).isDirectory();
        assertThat(PackageCycles.find(site, "dev.claimcheck.site")).as("a cycle between the site's packages").isEmpty();
    }

    @Test
    void theCycleCheckFindsACycle(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("a/A.java"), "package x.a;\nimport x.b.B;\nclass A {}\n");
        Files.writeString(dir.resolve("b/B.java"), "package x.b;\nimport x.a.A;\nclass B {}\n");
        assertThat(PackageCycles.find(dir, "x")).containsExactly("a -> b -> a");
    }

    private static List<String> lines(Path f) {
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
