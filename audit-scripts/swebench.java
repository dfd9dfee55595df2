///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.claimcheck:audit-core:0.1.0-SNAPSHOT

import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.cli.SwebenchCommand;

/** `./jbang swebench@. --help`: thin entry point, all behaviour lives in audit-core. */
class swebench {
    public static void main(String... args) {
        System.exit(Cli.execute(new SwebenchCommand(), args));
    }
}
