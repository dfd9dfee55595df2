package dev.claimcheck.core.model;

import java.util.Objects;

/** One function call requested by the model; {@code arguments} is the raw JSON text it produced. */
public record ToolCall(String id, String name, String arguments) {
    public ToolCall {
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? "" : arguments;
    }
}
