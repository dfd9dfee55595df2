package dev.claimcheck.site.web;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.nio.file.Path;

/**
 * Prints where the site can be opened once the HTTP server listens ({@code ./jbang site@.} then shows a URL to click,
 * not only Quarkus's log line). A wildcard address is printed as loopback, the address that opens it on this machine.
 */
@ApplicationScoped
public class ServingBanner {
    @Inject
    SiteConfig config;

    /** Quarkus fires the event asynchronously once the server listens; a random port (0, tests) has no URL to print. */
    void started(@ObservesAsync HttpServerStart e) {
        if (e.options().getPort() <= 0) {
            return;
        }
        System.out.println(line(e.options().getHost(), e.options().getPort(), Path.of(config.root()).toAbsolutePath().normalize()));
        System.out.flush();
    }

    /** {@code claimcheck site: http://127.0.0.1:8080/ (root /path)}, with a note when every interface listens. */
    static String line(String host, int port, Path root) {
        boolean wildcard = host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        String shown = wildcard ? "127.0.0.1" : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "claimcheck site: http://" + shown + ":" + port + "/ (root " + root + ")"
                + (wildcard ? "; listening on every interface (" + (host == null || host.isBlank() ? "0.0.0.0" : host) + ")" : "");
    }
}
