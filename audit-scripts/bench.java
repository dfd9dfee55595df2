///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.claimcheck:audit-core:0.1.0-SNAPSHOT
// The bench chooses its JVM (docs/throughput.md "The bench's JVM and warm-up"): a fixed heap, so no resize runs
// inside a point, and a collector whose pauses stay under a millisecond, so none shows as receive lag.
//JAVA_OPTIONS -Xms2g -Xmx2g -XX:+UseZGC

import dev.claimcheck.core.cli.BenchCommand;
import dev.claimcheck.core.cli.Cli;

/** `./jbang bench@. --help`: thin entry point, all behaviour lives in audit-core. */
class bench {
    public static void main(String... args) {
        System.exit(Cli.execute(new BenchCommand(), args));
    }
}
