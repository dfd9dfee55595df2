///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.claimcheck:audit-core:0.1.0-SNAPSHOT
// The simulator chooses its JVM as the bench does (docs/throughput.md "The bench's JVM and warm-up"): a fixed heap and a
// collector whose pauses stay under a millisecond, since a pause would hold every stream's next token at once.
//JAVA_OPTIONS -Xms1g -Xmx1g -XX:+UseZGC

import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.cli.SimCommand;

/** `./jbang sim@. --help`: thin entry point, all behaviour lives in audit-core. */
class sim {
    public static void main(String... args) {
        System.exit(Cli.execute(new SimCommand(), args));
    }
}
