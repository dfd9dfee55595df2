package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of work the leaderboard separates; each suite belongs to exactly one. */
public enum Workload {
    ARITH("arith"),
    MATH("math"),
    CODE("code"),
    AGENT("agent"),
    LONGCTX("longctx"),
    DOCS("docs"),
    ARC("arc"),
    IFEVAL("ifeval"),
    BFCL("bfcl"),
    PROOFS("proofs"),
    SWEBENCH("swebench"),
    TAU2("tau2"),
    THROUGHPUT("throughput"),
    SEARCH("search");

    private final String id;

    Workload(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Workload of(String id) {
        for (Workload w : values()) {
            if (w.id.equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + id + "'");
    }

    @Override
    public String toString() {
        return id;
    }
}
