package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.model.AttemptError;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.RetryRecord;
import dev.claimcheck.core.model.Timing;
import dev.claimcheck.core.model.Usage;
import java.util.List;

/** The end of one request after retries: a response to grade, or a counted error. */
public sealed interface ChatOutcome {
    List<RetryRecord> retries();

    Usage usage();

    Timing timing();

    /** A complete response. */
    record Success(Response response, Usage usage, Timing timing, List<RetryRecord> retries) implements ChatOutcome {
        public Success {
            retries = List.copyOf(retries);
        }
    }

    /** No gradable response; {@code partial} holds whatever arrived before the failure (may be null). */
    record Failure(AttemptError error, Response partial, Usage usage, Timing timing, List<RetryRecord> retries)
            implements ChatOutcome {
        public Failure {
            retries = List.copyOf(retries);
        }
    }
}
