package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The workload lane a run belongs to; the leaderboard never ranks two lanes in one table. */
public enum Lane {
    /** Fast, non-thinking models (e.g. Ling-2.5-1T). */
    INSTANT("instant"),
    /** Reasoning models (e.g. Ring-2.5-1T). */
    THINKING("thinking");

    private final String id;

    Lane(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Lane of(String id) {
        for (Lane lane : values()) {
            if (lane.id.equals(id)) {
                return lane;
            }
        }
        throw new IllegalArgumentException("unknown lane '" + id + "' (expected instant or thinking)");
    }

    @Override
    public String toString() {
        return id;
    }
}
