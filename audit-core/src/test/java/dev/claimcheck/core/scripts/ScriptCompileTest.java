package dev.claimcheck.core.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every script the catalog names compiles against audit-core as the Maven build sees it (the test
 * classpath: audit-core's classes and its managed dependencies). Fast and offline; the launcher test
 * checks the same scripts through JBang.
 */
class ScriptCompileTest {
    private final Repo repo = Repo.find();

    @TestFactory
    Stream<DynamicTest> everyCatalogScriptCompiles() {
        Map<String, String> aliases = repo.aliases();
        assertThat(aliases).isNotEmpty();
        return aliases.values().stream().distinct().map(ref -> DynamicTest.dynamicTest(ref, () -> compile(repo.script(ref))));
    }

    private void compile(Path script) throws IOException {
        assertThat(script).as("script").isRegularFile();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK (javax.tools compiler)").isNotNull();
        Path out = Files.createTempDirectory("claimcheck-script-compile");
        try {
            String release = repo.parentPom().properties().getOrDefault("maven.compiler.release", "17");
            List<String> options = new ArrayList<>(List.of(
                    "--release", release, "-proc:none", "-Xlint:all", "-Werror",
                    "-classpath", testClasspath(), "-d", out.toString()));
            StringWriter diagnostics = new StringWriter();
            try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
                Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(script.toFile());
                Boolean ok = javac.getTask(diagnostics, files, null, options, null, units).call();
                assertThat(ok).as("javac %s:%n%s", repo.root.relativize(script), diagnostics).isTrue();
            }
        } finally {
            try (Stream<Path> walk = Files.walk(out)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Surefire may hide the real classpath behind a manifest-only jar; it publishes it here. */
    static String testClasspath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }
}
