///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.claimcheck:audit-core:0.1.0-SNAPSHOT

import dev.claimcheck.core.cli.AuditCommand;
import dev.claimcheck.core.cli.Cli;

/** `./jbang audit@. --help`: thin entry point, all behaviour lives in audit-core. */
class audit {
    public static void main(String... args) {
        System.exit(Cli.execute(new AuditCommand(), args));
    }
}
