package dev.claimcheck.core.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalog, the scripts and the README agree with each other and with the Maven build
 * (docs/design/one-classpath.md): every alias names an existing script, every script depends on
 * audit-core at the project's version, any other dependency a script declares carries the version
 * the build manages, and the README's alias table lists exactly the catalog's aliases.
 */
class ScriptCatalogTest {
    static final String SHEBANG = "///usr/bin/env jbang \"$0\" \"$@\" ; exit $?";

    private final Repo repo = Repo.find();

    @Test
    void everyAliasPointsToAnExistingScriptInTheRepository() {
        Map<String, String> aliases = repo.aliases();
        assertThat(aliases).as("aliases in %s", Repo.CATALOG).isNotEmpty().containsKeys("audit", "grade");
        List<String> problems = new ArrayList<>();
        aliases.forEach((name, ref) -> {
            if (ref == null || ref.isBlank()) {
                problems.add("alias '" + name + "' has no script-ref");
                return;
            }
            if (ref.contains("://") || Path.of(ref).isAbsolute()) {
                problems.add("alias '" + name + "': script-ref '" + ref + "' must be a path relative to " + Repo.CATALOG);
                return;
            }
            Path script = repo.script(ref);
            if (!script.startsWith(repo.root)) {
                problems.add("alias '" + name + "': script-ref '" + ref + "' points outside the repository");
            } else if (!Files.isRegularFile(script)) {
                problems.add("alias '" + name + "': script-ref '" + ref + "' does not exist (" + script + ")");
            }
            if (repo.catalogAlias(name).path("description").asText("").isBlank()) {
                problems.add("alias '" + name + "' has no description");
            }
        });
        assertThat(problems).as("problems in %s", Repo.CATALOG).isEmpty();
    }

    @Test
    void everyScriptDependsOnAuditCoreAtTheProjectVersionOnly() throws IOException {
        Repo.Pom parent = repo.parentPom();
        String projectVersion = parent.version();
        assertThat(projectVersion).as("project version in pom.xml").isNotBlank();
        String expected = Repo.CORE_GROUP + ":" + Repo.CORE_ARTIFACT + ":" + projectVersion;

        List<String> problems = new ArrayList<>();
        for (Path script : scripts()) {
            String where = repo.root.relativize(script).toString();
            List<String> deps = Repo.deps(script);
            boolean hasCore = false;
            for (String dep : deps) {
                String[] parts = dep.split("@", 2)[0].split(":");
                if (parts.length < 2) {
                    problems.add(where + ": //DEPS '" + dep + "' is not groupId:artifactId[:version]");
                    continue;
                }
                String ga = parts[0] + ":" + parts[1];
                String version = parts.length >= 3 ? parts[parts.length - 1] : null;
                if (ga.equals(Repo.CORE_GROUP + ":" + Repo.CORE_ARTIFACT)) {
                    hasCore = true;
                    if (!projectVersion.equals(version)) {
                        problems.add(where + ": //DEPS " + dep + " declares audit-core version " + version
                                + " but pom.xml's project version is " + projectVersion + " (use //DEPS " + expected + ")");
                    }
                    continue;
                }
                Optional<String> managed = parent.managedVersion(ga);
                if (managed.isEmpty()) {
                    problems.add(where + ": //DEPS " + dep + " is not managed by pom.xml's dependencyManagement;"
                            + " add it to audit-core's pom instead, so scripts and tests share one classpath");
                } else if (version != null && !managed.get().equals(version)) {
                    problems.add(where + ": //DEPS " + dep + " declares version " + version
                            + " but pom.xml's dependencyManagement has " + ga + ":" + managed.get());
                }
            }
            if (!hasCore) {
                problems.add(where + ": no //DEPS " + expected);
            }
        }
        assertThat(problems).as("script dependencies").isEmpty();
    }

    @Test
    void everyScriptIsAJBangScriptForTheBuildsJavaRelease() throws IOException {
        String release = repo.parentPom().properties().get("maven.compiler.release");
        List<String> problems = new ArrayList<>();
        for (Path script : scripts()) {
            String where = repo.root.relativize(script).toString();
            List<String> lines = Repo.lines(script);
            if (lines.isEmpty() || !lines.get(0).equals(SHEBANG)) {
                problems.add(where + ": first line must be " + SHEBANG);
            }
            Optional<String> java = Repo.directive(script, "JAVA");
            if (!java.equals(Optional.of(release + "+"))) {
                problems.add(where + ": //JAVA is " + java.orElse("missing") + ", expected " + release + "+ (pom.xml maven.compiler.release)");
            }
        }
        assertThat(problems).as("script headers").isEmpty();
    }

    @Test
    void auditCoreInheritsTheProjectVersion() {
        Repo.Pom core = Repo.Pom.read(repo.root.resolve("audit-core/pom.xml"), Map.of());
        assertThat(core.parentVersion()).as("audit-core/pom.xml parent version").isEqualTo(repo.parentPom().version());
        assertThat(core.version()).as("audit-core version (must be inherited)").isEqualTo(repo.parentPom().version());
    }

    static final String MAIN_JOB = "./jbang audit@. arith --base-url sim --k 4";
    static final String TEST_COMMAND = "./test";

    /** docs/architecture.md §2.1: the README opens with the two set-up commands, and CI runs the README's test command. */
    @Test
    void readmeStartsWithTheTwoSetUpCommandsAndCiRunsTheTestCommand() {
        List<String> lines = Repo.lines(repo.root.resolve("README.md"));
        assertThat(lines).as("README.md").hasSizeGreaterThan(4);
        assertThat(lines.subList(0, 4)).as("README.md's first lines")
                .containsExactly("```sh", MAIN_JOB, TEST_COMMAND, "```");
        Path ci = repo.root.resolve(".ci/run");
        assertThat(ci).as(".ci/run").isRegularFile().isExecutable();
        assertThat(Repo.lines(ci).stream().map(String::trim))
                .as(".ci/run must run the README's test command exactly").contains(TEST_COMMAND);
    }

    /** README's alias table: rows "| `name` | `script-ref` | description |". */
    @Test
    void readmeAliasTableMatchesTheCatalog() {
        Path readme = repo.root.resolve("README.md");
        assertThat(readme).exists();
        Pattern row = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*`([^`]+)`\\s*\\|.*$");
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : Repo.lines(readme)) {
            Matcher m = row.matcher(line.trim());
            if (m.matches()) {
                documented.put(m.group(1), m.group(2));
            }
        }
        Map<String, String> catalog = repo.aliases();
        assertThat(new TreeSet<>(documented.keySet()))
                .as("aliases in README.md's table (rows \"| `alias` | `script` | … |\") vs %s", Repo.CATALOG)
                .isEqualTo(new TreeSet<>(catalog.keySet()));
        catalog.forEach((name, ref) -> assertThat(documented.get(name))
                .as("README.md's script for alias '%s'", name).isEqualTo(ref));
    }

    /** The catalog's scripts plus every .java file directly in audit-scripts/. */
    private List<Path> scripts() throws IOException {
        TreeSet<Path> all = new TreeSet<>();
        repo.aliases().values().stream().filter(r -> r != null && !r.isBlank()).map(repo::script)
                .filter(Files::isRegularFile).forEach(all::add);
        Path dir = repo.root.resolve("audit-scripts");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(all::add);
            }
        }
        assertThat(all).as("JBang scripts").isNotEmpty();
        return new ArrayList<>(all);
    }
}
