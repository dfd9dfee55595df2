package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Life cycle of a run folder: written as running at start, complete at the end, stopped when it must be resumed. */
public enum RunStatus {
    RUNNING("running"),
    /** Stopped cleanly before the end (token budget, circuit breaker, interrupt): resumable. */
    STOPPED("stopped"),
    COMPLETE("complete");

    private final String id;

    RunStatus(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static RunStatus of(String id) {
        for (RunStatus s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown run status '" + id + "'");
    }
}
