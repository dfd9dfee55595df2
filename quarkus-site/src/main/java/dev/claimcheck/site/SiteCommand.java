package dev.claimcheck.site;

import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.export.StaticExporter;
import dev.claimcheck.site.index.Checkout;
import io.quarkus.runtime.Quarkus;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./jbang site@. [--host 127.0.0.1] [--port 8080] [--root DIR] [--export DIR]}: serve the leaderboard or write the
 * static site. The server listens on loopback unless {@code --host} opens it (application.properties, docs/site.md).
 */
@Command(name = "site", mixinStandardHelpOptions = true,
        description = "Serve the claimcheck leaderboard from a root, or export it as a static site.")
public class SiteCommand implements Callable<Integer> {
    @Option(names = "--port", description = "HTTP port (default 8080, or quarkus.http.port)")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 opens the site to the network)")
    String host;

    @Option(names = "--root", description = "root holding results/ and proofs/ (default: claimcheck.root, else the current folder)")
    Path root;

    @Option(names = "--export", paramLabel = "DIR", description = "write the static site into DIR instead of serving")
    Path export;

    @Override
    public Integer call() {
        Path r = (root != null ? root : Path.of(System.getProperty("claimcheck.root", "."))).toAbsolutePath().normalize();
        if (export != null) {
            long t0 = System.nanoTime();
            Root root = new Root(r);
            StaticExporter.Result res = StaticExporter.export(root,
                    Checkout.of(System.getProperty("claimcheck.checkout", Checkout.AUTO), root, Path.of("")),
                    export.toAbsolutePath().normalize());
            System.out.printf(Locale.ROOT, "exported %d runs (%d excluded) to %s: %d files, %.1f MiB in %.1f s%n", res.runs(),
                    res.excluded(), res.dir(), res.files(), res.bytes() / 1048576.0, (System.nanoTime() - t0) / 1e9);
            return Cli.OK;
        }
        if (!java.nio.file.Files.isDirectory(r)) {
            throw new dev.claimcheck.core.BadInputException("--root " + r + " is not a folder");
        }
        serverProperties(r).forEach(System::setProperty);
        Quarkus.run();
        return Cli.OK;
    }

    /**
     * The configuration the given options set. Explicit options win over application.properties; without them the
     * configuration decides (dev mode), and it binds 127.0.0.1.
     */
    Map<String, String> serverProperties(Path resolvedRoot) {
        Map<String, String> out = new TreeMap<>();
        if (root != null) {
            out.put("claimcheck.root", resolvedRoot.toString());
        }
        if (port != null) {
            out.put("quarkus.http.port", Integer.toString(port));
        }
        if (host != null) {
            if (host.isBlank()) {
                throw new dev.claimcheck.core.BadInputException("--host needs an address, e.g. 127.0.0.1 or 0.0.0.0");
            }
            out.put("quarkus.http.host", host.strip());
        }
        return out;
    }
}
