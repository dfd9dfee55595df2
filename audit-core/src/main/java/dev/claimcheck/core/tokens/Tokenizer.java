package dev.claimcheck.core.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import dev.claimcheck.core.BadInputException;

import java.util.Arrays;
import java.util.List;

/**
 * Token counts in a named, public tokenizer (pure Java, encodings bundled in the jar, nothing downloaded).
 * Lengths on the long-context axis and synthetic benchmark prompts are measured in one of these, so a
 * run's "32k" means the same text on every machine; the server's own {@code usage.promptTokens} is recorded
 * beside it because each model has its own tokenizer.
 *
 * <p>A leaf package like {@code model/}: it imports nothing else of the project except the exception root,
 * so the simulator ({@code endpoint/}) and suites can both count with it. Thread-safe.
 */
public final class Tokenizer {
    /** The default: o200k_base (GPT-4o family); the closest public proxy for current 1T-class vocabularies. */
    public static final String DEFAULT = "o200k_base";

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private final String name;
    private final Encoding encoding;

    private Tokenizer(String name, Encoding encoding) {
        this.name = name;
        this.encoding = encoding;
    }

    /** {@code o200k_base} or {@code cl100k_base}; anything else is bad input with the known names listed. */
    public static Tokenizer named(String name) {
        EncodingType type = switch (name == null ? "" : name) {
            case "o200k_base" -> EncodingType.O200K_BASE;
            case "cl100k_base" -> EncodingType.CL100K_BASE;
            default -> throw new BadInputException("unknown tokenizer '" + name + "' (known: " + String.join(", ", names()) + ")");
        };
        return new Tokenizer(name, REGISTRY.getEncoding(type));
    }

    public static List<String> names() {
        return List.of("o200k_base", "cl100k_base");
    }

    public String name() {
        return name;
    }

    /** Exact token count of {@code text} (special-token text is counted as ordinary text, never as control tokens). */
    public int count(String text) {
        return text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    /** Token ids of {@code text}, ordinary encoding. */
    public int[] encode(String text) {
        IntArrayList ids = encoding.encodeOrdinary(text);
        return ids.toArray();
    }

    /** The text of {@code ids}; {@code encode(decode(ids))} is not always {@code ids} (BPE merges), so callers re-count. */
    public String decode(int[] ids) {
        IntArrayList list = new IntArrayList(ids.length);
        Arrays.stream(ids).forEach(list::add);
        return encoding.decode(list);
    }
}
