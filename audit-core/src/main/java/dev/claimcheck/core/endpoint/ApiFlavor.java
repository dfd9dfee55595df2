package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.BadInputException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The wire dialect of an endpoint, chosen by {@code --api-flavor}. A provider that differs in small ways
 * (another reasoning field, another usage layout) becomes one more constant here with its own adapter.
 */
public enum ApiFlavor {
    /** OpenAI chat completions as served by SGLang, vLLM and most providers. */
    OPENAI("openai", List.of("reasoning_content", "reasoning"));

    private final String id;
    private final List<String> reasoningFields;

    ApiFlavor(String id, List<String> reasoningFields) {
        this.id = id;
        this.reasoningFields = reasoningFields;
    }

    public String id() {
        return id;
    }

    /** Message/delta fields that carry reasoning text, in order of preference. */
    public List<String> reasoningFields() {
        return reasoningFields;
    }

    /** Opens a client of this flavour. */
    public ChatEndpoint open(ClientConfig config) {
        return switch (this) {
            case OPENAI -> new OpenAiChatEndpoint(config);
        };
    }

    /** The flavour named {@code id} (case-insensitive); unknown names are bad input. */
    public static ApiFlavor of(String id) {
        for (ApiFlavor f : values()) {
            if (f.id.equalsIgnoreCase(id == null ? "" : id.trim())) {
                return f;
            }
        }
        throw new BadInputException("unknown --api-flavor '" + id + "' (known: "
                + Arrays.stream(values()).map(ApiFlavor::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
