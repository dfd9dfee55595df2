package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.WireProfile;

/** An OpenAI-compatible chat endpoint as the run engine sees it. Thread-safe. */
public interface ChatEndpoint extends AutoCloseable {

    /**
     * Sends one request, retrying retryable failures as the policy allows; per-attempt failures come
     * back as {@link ChatOutcome.Failure}, never as exceptions.
     *
     * @throws EndpointAbortedException on 401/403 or when the circuit breaker is open
     */
    ChatOutcome complete(ChatRequest request);

    /**
     * The redactor for this endpoint's credentials: everything it returns has already passed it, and its count of
     * replacements becomes run.json's {@code secretsRedacted}.
     */
    default Secrets secrets() {
        return Secrets.none();
    }

    /**
     * The wire profile of the complete responses so far (run.json {@code endpoint.wireProfile}); {@link WireProfile#NONE}
     * before any.
     */
    default WireProfile wireProfile() {
        return WireProfile.NONE;
    }

    /** What the endpoint says about itself (/v1/models, /version, server info), secrets redacted; absent parts are null. */
    RunManifest.EndpointRef describe();

    @Override
    void close();
}
