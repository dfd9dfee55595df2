package dev.claimcheck.core.suite.tau2.airline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.tau2.port.PortFixture;
import java.nio.file.Path;

/** The upstream-layout airline fixture's db.json, and calls on a fresh copy of it through the port. */
final class AirlineFixture extends PortFixture {
    static final Path DB = Path.of("src/test/resources/suites/tau2/upstream/domains/airline/db.json");
    static final AirlineDomain PORT = new AirlineDomain();

    AirlineFixture() {
        super(PORT, DB);
    }

    static ObjectNode fresh() {
        return read(DB);
    }
}
