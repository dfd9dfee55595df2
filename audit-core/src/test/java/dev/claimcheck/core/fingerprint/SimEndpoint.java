package dev.claimcheck.core.fingerprint;

import dev.claimcheck.core.endpoint.ClientConfig;
import dev.claimcheck.core.endpoint.OpenAiChatEndpoint;
import dev.claimcheck.core.model.Fingerprint;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.sim.InMemoryOracle;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.sim.Simulator;
import java.time.Clock;

/** A simulator on a loopback port and the real client talking to it over HTTP, for the fingerprint tests. */
record SimEndpoint(Simulator simulator, OpenAiChatEndpoint client) implements AutoCloseable {
    static SimEndpoint start(String spec) {
        Simulator sim = Simulator.start(SimOptions.parse(spec, Lane.INSTANT, 0), new InMemoryOracle());
        return new SimEndpoint(sim, new OpenAiChatEndpoint(ClientConfig.builder(sim.baseUrl()).build()));
    }

    Fingerprint fingerprint() {
        return Fingerprinter.take(client, client.describe(), "sim", Clock.systemUTC());
    }

    @Override
    public void close() {
        client.close();
        simulator.close();
    }
}
