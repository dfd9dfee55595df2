package dev.claimcheck.core.sim;

import dev.claimcheck.core.BadInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A fault the simulator can inject, by the id used in {@code sim:faultKinds=...}. */
public enum SimFault {
    /** HTTP 429 with {@code Retry-After: 0}. */
    RATE_LIMIT("429"),
    /** HTTP 500. */
    SERVER_ERROR("500"),
    /** HTTP 503. */
    UNAVAILABLE("503"),
    /** TCP reset in the middle of the body. */
    RESET("reset"),
    /** The body ends cleanly before [DONE] and before any finish_reason. */
    TRUNCATED("truncated"),
    /** A chunk that is not JSON. */
    MALFORMED("malformed"),
    /** Silence for {@code stallMs}, then the connection closes. */
    STALL("stall");

    private final String id;

    SimFault(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static SimFault of(String id) {
        for (SimFault f : values()) {
            if (f.id.equalsIgnoreCase(id.trim())) {
                return f;
            }
        }
        throw new BadInputException("unknown simulator fault '" + id + "' (known: "
                + Arrays.stream(values()).map(SimFault::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
