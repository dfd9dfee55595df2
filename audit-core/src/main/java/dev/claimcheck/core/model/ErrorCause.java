package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why an attempt ended without a gradable response. Errors are counted by cause and never
 * counted as wrong answers.
 */
public enum ErrorCause {
    /** No (complete) answer within the client's timeout, or the stream stalled. */
    TIMEOUT("timeout"),
    /** HTTP 429 after all retries. */
    RATE_LIMITED("rateLimited"),
    /** HTTP 5xx after all retries. */
    SERVER_ERROR("serverError"),
    /** Connection refused or reset. */
    CONNECTION("connection"),
    /** The stream ended before its terminating event. */
    TRUNCATED_STREAM("truncatedStream"),
    /** A body or event that is not an OpenAI-compatible chat completion. */
    MALFORMED_RESPONSE("malformedResponse"),
    /** An error saying the prompt plus max_tokens exceed the model's context (vLLM, OpenAI, SGLang, llama.cpp wording); not retried. */
    CONTEXT_LENGTH("contextLength"),
    /** Any other 4xx (bad request, ...); not retried. */
    CLIENT_ERROR("clientError"),
    /** 401 or 403: the run aborts at once. */
    AUTH("auth");

    private final String id;

    ErrorCause(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static ErrorCause of(String id) {
        for (ErrorCause c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown error cause '" + id + "'");
    }

    /** Whether a retry may succeed where this attempt failed. */
    public boolean retryable() {
        return switch (this) {
            case TIMEOUT, RATE_LIMITED, SERVER_ERROR, CONNECTION, TRUNCATED_STREAM, MALFORMED_RESPONSE -> true;
            case CONTEXT_LENGTH, CLIENT_ERROR, AUTH -> false;
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
