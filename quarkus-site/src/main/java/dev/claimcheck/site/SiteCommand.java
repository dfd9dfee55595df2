package dev.claimcheck.site;

import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.export.StaticExporter;
import io.quarkus.runtime.Quarkus;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./jbang site@. [--port 8080] [--root DIR] [--export DIR]}: serve the leaderboard or write the static site. */
@Command(name = "site", mixinStandardHelpOptions = true,
        description = "Serve the claimcheck leaderboard from a root, or export it as a static site.")
public class SiteCommand implements Callable<Integer> {
    @Option(names = "--port", description = "HTTP port (default 8080, or quarkus.http.port)")
    Integer port;

    @Option(names = "--root", description = "root holding results/ and proofs/ (default: claimcheck.root, else the current folder)")
    Path root;

    @Option(names = "--export", paramLabel = "DIR", description = "write the static site into DIR instead of serving")
    Path export;

    @Override
    public Integer call() {
        Path r = (root != null ? root : Path.of(System.getProperty("claimcheck.root", "."))).toAbsolutePath().normalize();
        if (export != null) {
            long t0 = System.nanoTime();
            StaticExporter.Result res = StaticExporter.export(new Root(r), export.toAbsolutePath().normalize());
            System.out.printf(Locale.ROOT, "exported %d runs (%d excluded) to %s: %d files, %.1f MiB in %.1f s%n", res.runs(),
                    res.excluded(), res.dir(), res.files(), res.bytes() / 1048576.0, (System.nanoTime() - t0) / 1e9);
            return Cli.OK;
        }
        if (!java.nio.file.Files.isDirectory(r)) {
            throw new dev.claimcheck.core.BadInputException("--root " + r + " is not a folder");
        }
        // Explicit options win over application.properties; without them the configuration decides (dev mode).
        if (root != null) {
            System.setProperty("claimcheck.root", r.toString());
        }
        if (port != null) {
            System.setProperty("quarkus.http.port", Integer.toString(port));
        }
        Quarkus.run();
        return Cli.OK;
    }
}
