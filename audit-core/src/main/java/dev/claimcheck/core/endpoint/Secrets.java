package dev.claimcheck.core.endpoint;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.ToolCall;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keeps credentials (the API key and {@code --header} values) out of everything the harness stores or prints:
 * messages, retry records, the endpoint's self-description, metrics snapshots and the model's own output. A known
 * value is replaced by {@value #REDACTED} wherever it appears literally or in a common encoding (any letter case,
 * URL-encoded, JSON-escaped, hex, base64 at any byte alignment, so also inside {@code Basic} credentials); anything
 * after {@code Bearer } is replaced too in server text, because servers echo request headers back in error bodies.
 * An encoding this list does not name (a reversed or letter-spaced key, a prefix of it) is not recognised: the
 * harness never sends the key anywhere but the Authorization header, so only a hostile server can produce one.
 * Each instance counts what it replaced ({@link #redactions()}), which run.json records as {@code secretsRedacted}.
 * Thread-safe. See docs/architecture.md §9.1.
 */
public final class Secrets {
    public static final String REDACTED = "<redacted>";
    /** Error bodies are cut to this many characters in messages. */
    public static final int SNIPPET_CHARS = 200;
    // Shorter "secrets" would mangle ordinary words in messages; real keys are far longer.
    private static final int MIN_SECRET_LENGTH = 4;
    /**
     * A header whose name does not say "credential" still counts as one from this length on: a custom auth header
     * can have any name, while values like {@code true} or {@code 1} are no secret and would mangle model output.
     */
    static final int MIN_UNNAMED_HEADER_LENGTH = 8;
    /** Below this many bytes a key's base64 core at a shifted alignment is too short to match safely. */
    private static final int MIN_SHIFTED_BASE64_BYTES = 12;

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)(?!" + Pattern.quote(REDACTED) + ")[^\\s\"',;]+");
    private static final Secrets NONE = new Secrets(null);
    /** An authorization value: an auth scheme word, then the credential. */
    private static final Pattern AUTH_SCHEME = Pattern.compile(
            "(?i)(bearer|basic|token|digest|apikey|api-key|key|oauth|hmac|negotiate)\\s+(\\S.*)");

    /** Every known value in every encoding, longest first, any case; null when there are no secrets. */
    private final Pattern known;
    private final LongAdder redactions = new LongAdder();

    private Secrets(Pattern known) {
        this.known = known;
    }

    /** A redactor for the given secret values (nulls and very short values are ignored). */
    public static Secrets of(Collection<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        secrets.stream().filter(Objects::nonNull).flatMap(s -> parts(s.strip()).stream())
                .filter(s -> s.length() >= MIN_SECRET_LENGTH).forEach(s -> forms.addAll(encodings(s)));
        if (forms.isEmpty()) {
            return new Secrets(null);
        }
        String alternation = forms.stream().sorted(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder())).map(Pattern::quote).collect(Collectors.joining("|"));
        return new Secrets(Pattern.compile(alternation, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** A redactor that knows no value (still replaces Bearer tokens in server text). */
    public static Secrets none() {
        return NONE;
    }

    /** How many replacements this redactor has made so far. */
    public long redactions() {
        return redactions.sum();
    }

    /** Server text (an error body, a description): every known value and every Bearer token replaced; null stays null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        return replace(redactKnown(text), BEARER, "$1" + REDACTED);
    }

    /**
     * Model output: only the known values are replaced, so prose about "bearer bonds" stays as written; null stays
     * null.
     */
    public String redactKnown(String text) {
        if (text == null || known == null) {
            return text;
        }
        return replace(text, known, Matcher.quoteReplacement(REDACTED));
    }

    /** The response with known values replaced in every field the server wrote; null stays null. */
    public Response redact(Response r) {
        if (r == null || known == null) {
            return r;
        }
        return new Response(redactKnown(r.content()), redactKnown(r.reasoning()), r.toolCalls().stream()
                .map(c -> new ToolCall(redactKnown(c.id()), redactKnown(c.name()), redactKnown(c.arguments()))).toList(),
                redactKnown(r.finishReason()), r.reasoningSplit());
    }

    /** A copy of a JSON tree with every field name and text value redacted as server text; null stays null. */
    public JsonNode redact(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(redact(e.getKey()), redact(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(redact(n)));
            return out;
        }
        return node.isTextual() ? TextNode.valueOf(redact(node.asText())) : node;
    }

    /** Redacted, on one line, cut to {@value #SNIPPET_CHARS} characters: fit for an error message. */
    public String snippet(String text) {
        if (text == null) {
            return "";
        }
        // Redact before cutting: a cut could otherwise leave a recognisable prefix of a key.
        String oneLine = redact(text).replaceAll("\\s+", " ").trim();
        return oneLine.length() <= SNIPPET_CHARS ? oneLine : oneLine.substring(0, SNIPPET_CHARS) + "…";
    }

    /** Whether a header's name says its value is a credential (authorization, cookies, anything named key or token). */
    public static boolean isSecretHeader(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("authorization") || n.contains("key") || n.contains("token") || n.contains("cookie")
                || n.contains("secret") || n.contains("password");
    }

    /**
     * Whether a {@code --header} value is treated as a secret: always when its name says so, otherwise from
     * {@value #MIN_UNNAMED_HEADER_LENGTH} characters on (a credential may travel under any header name).
     */
    public static boolean isSecretHeader(String name, String value) {
        return isSecretHeader(name) || value != null && value.strip().length() >= MIN_UNNAMED_HEADER_LENGTH;
    }

    /** The headers, sorted by name, with secret values ({@link #isSecretHeader(String, String)}) replaced. */
    public static Map<String, String> redactHeaders(Map<String, String> headers) {
        Map<String, String> out = new TreeMap<>();
        headers.forEach((k, v) -> out.put(k, isSecretHeader(k, v) ? REDACTED : v));
        return out;
    }

    private String replace(String text, Pattern pattern, String replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        long n = 0;
        while (m.find()) {
            m.appendReplacement(out, replacement);
            n++;
        }
        if (n == 0) {
            return text;
        }
        m.appendTail(out);
        redactions.add(n);
        return out.toString();
    }

    /**
     * A value and the credentials inside it: {@code Bearer T} (or Token, ApiKey, ... T) also yields {@code T}, and
     * {@code Basic base64(user:pass)} also yields the decoded pair and {@code pass}, so an echo of the bare token
     * is caught when the whole header was given with {@code --header Authorization:...}.
     */
    static Set<String> parts(String value) {
        Set<String> out = new LinkedHashSet<>();
        out.add(value);
        Matcher scheme = AUTH_SCHEME.matcher(value);
        if (scheme.matches()) {
            String credential = scheme.group(2).strip();
            out.add(credential);
            if (scheme.group(1).equalsIgnoreCase("basic")) {
                try {
                    String pair = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
                    out.add(pair);
                    int colon = pair.indexOf(':');
                    if (colon >= 0) {
                        out.add(pair.substring(colon + 1));
                    }
                } catch (IllegalArgumentException notBase64) {
                    // the token alone is already in
                }
            }
        }
        return out;
    }

    /** The forms a value is recognised in; case is handled by the pattern. */
    static Set<String> encodings(String value) {
        Set<String> out = new LinkedHashSet<>();
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.add(value);
        String url = URLEncoder.encode(value, StandardCharsets.UTF_8);
        out.add(url);
        out.add(url.replace("+", "%20"));
        String json = new String(JsonStringEncoder.getInstance().quoteAsString(value));
        out.add(json);
        out.add(json.replace("/", "\\/"));
        out.add(HexFormat.of().formatHex(bytes));
        for (Base64.Encoder enc : new Base64.Encoder[] {Base64.getEncoder(), Base64.getUrlEncoder()}) {
            String whole = enc.encodeToString(bytes);
            out.add(whole);
            out.add(whole.replaceAll("=+$", ""));
            if (bytes.length >= MIN_SHIFTED_BASE64_BYTES) {
                // Inside a longer encoded string (user:key in Basic auth) the value starts at any of three byte
                // offsets; keep only the characters that depend on the value's bytes alone.
                for (int shift = 0; shift < 3; shift++) {
                    byte[] padded = new byte[shift + bytes.length];
                    System.arraycopy(bytes, 0, padded, shift, bytes.length);
                    String e = enc.withoutPadding().encodeToString(padded);
                    int from = shift == 0 ? 0 : shift + 1;
                    int to = 8 * (shift + bytes.length) / 6;
                    if (to - from >= MIN_SHIFTED_BASE64_BYTES) {
                        out.add(e.substring(from, to));
                    }
                }
            }
        }
        return out;
    }
}
