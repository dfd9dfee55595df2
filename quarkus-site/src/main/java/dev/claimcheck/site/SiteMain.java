package dev.claimcheck.site;

import dev.claimcheck.core.cli.Cli;
import io.quarkus.runtime.annotations.QuarkusMain;

/** The packaged application's entry point: the {@code site} command (serve, or export without starting a server). */
@QuarkusMain
public class SiteMain {
    public static void main(String... args) {
        int code = Cli.execute(new SiteCommand(), args);
        System.exit(code);
    }
}
