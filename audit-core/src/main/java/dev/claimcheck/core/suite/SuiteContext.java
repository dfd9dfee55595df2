package dev.claimcheck.core.suite;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a suite needs to produce its tasks.
 *
 * @param seed the run's seed: the same seed gives the same tasks and prompts
 * @param options the suite's options object (from {@link Suite#newOptions()}), already populated
 * @param root the root the run writes to (datasets are recorded relative to it)
 */
public record SuiteContext(long seed, Object options, Path root) {
    public SuiteContext {
        Objects.requireNonNull(options, "options");
    }

    /** The options object as the suite's own type. */
    public <T> T options(Class<T> type) {
        return type.cast(options);
    }
}
