package dev.claimcheck.core.grade.code;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The closed set of outcomes of running a program against tests (JSON spelling in {@link #id()}). */
public enum CodeVerdict {
    ACCEPTED("accepted"),
    WRONG_ANSWER("wrongAnswer"),
    TIME_LIMIT("timeLimit"),
    MEMORY_LIMIT("memoryLimit"),
    RUNTIME_ERROR("runtimeError"),
    COMPILE_ERROR("compileError"),
    SANDBOX_ERROR("sandboxError");

    private final String id;

    CodeVerdict(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static CodeVerdict of(String id) {
        for (CodeVerdict v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown code verdict '" + id + "'");
    }

    @Override
    public String toString() {
        return id;
    }
}
