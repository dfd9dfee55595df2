///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.claimcheck:audit-core:0.1.0-SNAPSHOT

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * `./jbang site@. [--host 127.0.0.1] [--port 8080] [--root DIR] [--export DIR]`: runs the packaged site
 * (quarkus-site/target/quarkus-app/quarkus-run.jar, a Quarkus application that cannot run from a plain
 * classpath), which prints its URL once it listens. The ./jbang launcher builds it with the Maven wrapper when
 * quarkus-site or audit-core changed, so the site always matches the sources (docs/site.md, "Running").
 */
class site {
    public static void main(String... args) throws Exception {
        Path home = home();
        Path jar = home.resolve("quarkus-site/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            System.err.println("site: " + jar + " is missing; run through ./jbang (it builds it) or: ./mvnw -q package -DskipTests -pl quarkus-site -am");
            System.exit(1);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
        System.exit(p.waitFor());
    }

    /** The checkout: CLAIMCHECK_HOME (set by ./jbang), else the nearest folder above the current one with jbang-catalog.json. */
    static Path home() {
        String env = System.getenv("CLAIMCHECK_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("jbang-catalog.json")) && Files.isDirectory(p.resolve("quarkus-site"))) {
                return p;
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
