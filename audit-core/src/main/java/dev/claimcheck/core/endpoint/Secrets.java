package dev.claimcheck.core.endpoint;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of every string the client produces (messages, retry records, exceptions, the
 * manifest): known secret values are replaced, and so is anything after {@code Bearer }, because servers
 * sometimes echo request headers back in error bodies.
 */
public final class Secrets {
    public static final String REDACTED = "<redacted>";
    /** Error bodies are cut to this many characters in messages. */
    public static final int SNIPPET_CHARS = 200;

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");
    // Shorter "secrets" would mangle ordinary words in messages; real keys are far longer.
    private static final int MIN_SECRET_LENGTH = 4;

    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    /** A redactor for the given secret values (nulls and very short values are ignored). */
    public static Secrets of(Collection<String> secrets) {
        return new Secrets(secrets.stream().filter(Objects::nonNull).filter(s -> s.length() >= MIN_SECRET_LENGTH)
                .distinct().toList());
    }

    /** The text with every secret replaced by {@value #REDACTED}; null stays null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : values) {
            out = out.replace(s, REDACTED);
        }
        return BEARER.matcher(out).replaceAll("$1" + REDACTED);
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

    /** Whether a header's value is likely a credential (authorization, cookies, anything named key or token). */
    public static boolean isSecretHeader(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("authorization") || n.contains("key") || n.contains("token") || n.contains("cookie")
                || n.contains("secret") || n.contains("password");
    }

    /** The headers, sorted by name, with secret-looking values replaced by {@value #REDACTED}. */
    public static Map<String, String> redactHeaders(Map<String, String> headers) {
        Map<String, String> out = new TreeMap<>();
        headers.forEach((k, v) -> out.put(k, isSecretHeader(k) ? REDACTED : v));
        return out;
    }
}
