package dev.claimcheck.core.sim;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The oracle the harness fills before sending; thread-safe. */
public final class InMemoryOracle implements SimOracle {
    private final Map<String, OracleEntry> entries = new ConcurrentHashMap<>();

    public void put(String promptSha256, OracleEntry entry) {
        entries.put(promptSha256, entry);
    }

    @Override
    public Optional<OracleEntry> lookup(String promptSha256) {
        return Optional.ofNullable(entries.get(promptSha256));
    }
}
