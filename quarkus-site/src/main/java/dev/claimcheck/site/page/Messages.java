package dev.claimcheck.site.page;

import dev.claimcheck.core.stats.Sentence;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * One message bundle per {@link Lang} ({@code /messages/site_CODE.properties}, UTF-8), read as plain properties:
 * no ResourceBundle fallback, so a key missing from one language renders as {@link #missing} instead of silently
 * showing another language's text. Placeholders are {@code {0}}, {@code {1}}… replaced literally, in one
 * pass ({@link Sentence#fill}: an argument holding "{1}" stays as it is; no MessageFormat quoting rules, so apostrophes
 * need no doubling).
 */
public final class Messages {
    /** What a key that the bundle lacks renders as; the site's tests look for it on every page. */
    public static final String MISSING = "\u27E6missing:";

    private static final Map<Lang, Messages> ALL = load();

    private final Lang lang;
    private final Map<String, String> text;

    private Messages(Lang lang, Map<String, String> text) {
        this.lang = lang;
        this.text = text;
    }

    public static Messages of(Lang lang) {
        return ALL.get(lang);
    }

    public Lang lang() {
        return lang;
    }

    /** Every key and value, sorted by key. */
    public Map<String, String> all() {
        return text;
    }

    public static String missing(String key) {
        return MISSING + key + "\u27E7";
    }

    /** The text of {@code key} with {@code {i}} replaced by {@code args[i]}; the missing-key marker when absent. */
    public String get(String key, Object... args) {
        String s = text.get(key);
        if (s == null) {
            return missing(key);
        }
        return Sentence.fill(s, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /**
     * An audit-core sentence: {@code sentence.KIND} with its figures (docs/site.md, "Languages"); a {@code TEXT}
     * sentence (no wording of its own) as it is, an argument that is a sentence worded too; the parts that follow it
     * each after {@link Sentence#THEN}.
     */
    public String text(Sentence s) {
        Object[] args = s.args().stream().map(a -> a instanceof Sentence n ? text(n) : a).toArray();
        StringBuilder out = new StringBuilder(s.kind() == Sentence.Kind.TEXT ? (String) args[0]
                : get("sentence." + s.kind().name(), args));
        s.then().forEach(t -> out.append(Sentence.THEN).append(text(t)));
        return out.toString();
    }

    /** The texts the page script needs (keys {@code js.*}, without the prefix), for the page's JSON island. */
    public Map<String, String> script() {
        Map<String, String> out = new TreeMap<>();
        text.forEach((k, v) -> {
            if (k.startsWith("js.")) {
                out.put(k.substring(3), v);
            }
        });
        return out;
    }

    private static Map<Lang, Messages> load() {
        Map<Lang, Messages> out = new EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            String name = "/messages/site_" + l.code() + ".properties";
            try (InputStream in = Messages.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("message bundle " + name + " is not on the classpath");
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                Map<String, String> m = new TreeMap<>();
                p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
                out.put(l, new Messages(l, Collections.unmodifiableMap(m)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
        return out;
    }
}
