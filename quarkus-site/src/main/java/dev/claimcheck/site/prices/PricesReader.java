package dev.claimcheck.site.prices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.Root;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the price table {@code results/prices/prices.json} (docs/schemas/prices-v1.schema.json). Strict: a table
 * with one bad field is not used at all (a wrong price is worse than none), and the {@link BadInputException} names
 * the file and the field, e.g. {@code results/prices/prices.json: prices[1].outputUsdPerMtok: must be a number ≥ 0}.
 */
public final class PricesReader {
    /** Where a root keeps its price table. */
    public static final String REL = "results/prices/prices.json";
    static final long MAX_BYTES = 1L << 20;
    static final Set<String> TOP = Set.of("schema", "prices");
    static final Set<String> FIELDS = Set.of("model", "provider", "inputUsdPerMtok", "outputUsdPerMtok",
            "cachedInputUsdPerMtok", "read", "source", "note");

    private PricesReader() {
    }

    /** The root's table; none when the root has no file. A link is never followed (the root walk lists it). */
    public static PriceTable read(Root root) {
        Path file = root.dir().resolve(REL);
        if (Files.isSymbolicLink(file) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return PriceTable.NONE;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(REL + ": not a regular file");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(REL + ": larger than 1 MiB");
            }
            return parse(REL, Files.readString(file));
        } catch (IOException e) {
            throw new BadInputException(REL + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether the root has a price table of its own (else a site falls back to its checkout's). */
    public static boolean present(Root root) {
        return Files.exists(root.dir().resolve(REL), LinkOption.NOFOLLOW_LINKS);
    }

    /** The table in {@code json}; {@code rel} names the file in messages. */
    public static PriceTable parse(String rel, String json) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadInputException(rel + ":" + e.getLocation().getLineNr() + ": not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new BadInputException(rel + ": expected a JSON object");
        }
        unknown(rel, "", tree, TOP);
        if (!PriceTable.SCHEMA.equals(tree.path("schema").asText(null))) {
            throw new BadInputException(rel + ": schema: expected \"" + PriceTable.SCHEMA + "\"");
        }
        JsonNode list = tree.get("prices");
        if (list == null || !list.isArray()) {
            throw new BadInputException(rel + ": prices: expected an array");
        }
        List<Price> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = rel + ": prices[" + i + "].";
            JsonNode p = list.get(i);
            if (!p.isObject()) {
                throw new BadInputException(rel + ": prices[" + i + "]: expected an object");
            }
            unknown(rel, "prices[" + i + "].", p, FIELDS);
            Price price = new Price(text(at, p, "model"), text(at, p, "provider"), usd(at, p, "inputUsdPerMtok"),
                    usd(at, p, "outputUsdPerMtok"), p.hasNonNull("cachedInputUsdPerMtok")
                    ? Double.valueOf(usd(at, p, "cachedInputUsdPerMtok")) : null, date(at, p), url(at, p));
            if (p.has("note") && !p.get("note").isTextual()) {
                throw new BadInputException(at + "note: expected a string");
            }
            String key = price.model().toLowerCase(Locale.ROOT) + "\u0000" + price.provider().toLowerCase(Locale.ROOT);
            if (!seen.add(key)) {
                throw new BadInputException(at + "provider: " + price.model() + " at " + price.provider() + " is listed twice");
            }
            out.add(price);
        }
        return new PriceTable(out);
    }

    static void unknown(String rel, String prefix, JsonNode node, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new BadInputException(rel + ": " + prefix + f + ": unknown field (known: " + String.join(", ",
                        known.stream().sorted().toList()) + ")");
            }
        }
    }

    static String text(String at, JsonNode p, String field) {
        JsonNode v = p.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new BadInputException(at + field + ": expected a non-empty string");
        }
        return v.asText();
    }

    static double usd(String at, JsonNode p, String field) {
        JsonNode v = p.get(field);
        if (v == null || !v.isNumber() || v.asDouble() < 0 || !Double.isFinite(v.asDouble())) {
            throw new BadInputException(at + field + ": must be a number ≥ 0 (US dollars per million tokens)");
        }
        return v.asDouble();
    }

    static String date(String at, JsonNode p) {
        String s = text(at, p, "read");
        try {
            if (s.length() != 10) {
                throw new DateTimeParseException("length", s, 0);
            }
            LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new BadInputException(at + "read: expected the day the price was read as YYYY-MM-DD, got \"" + s + "\"");
        }
        return s;
    }

    static String url(String at, JsonNode p) {
        String s = text(at, p, "source");
        if (!s.startsWith("https://")) {
            throw new BadInputException(at + "source: expected the https:// page the price was read from, got \"" + s + "\"");
        }
        return s;
    }
}
