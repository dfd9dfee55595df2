package dev.claimcheck.core.sim;

import java.util.Optional;

/**
 * What the simulator should answer, keyed by the prompt hash ({@link dev.claimcheck.core.model.PromptHash}).
 * Filled in-process by the harness before sending, so no expected answer is ever on the wire.
 */
public interface SimOracle {
    Optional<OracleEntry> lookup(String promptSha256);
}
