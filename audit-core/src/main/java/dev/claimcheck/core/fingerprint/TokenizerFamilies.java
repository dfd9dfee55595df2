package dev.claimcheck.core.fingerprint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.endpoint.OpenAiChatEndpoint;
import dev.claimcheck.core.model.Fingerprint.TokenizerProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokenizer probe's texts and the counts known tokenizer families give them, read from the data file
 * {@code tokenizer-families.json} beside this class (docs/fingerprint.md). A family is identified by the differences
 * {@code count(probe) - count(baseline)}: the chat template adds the same tokens around every single-message prompt,
 * so the server's {@code usage.prompt_tokens} differences are the tokenizer's own.
 *
 * @param baseline the text every probe is measured against
 * @param probes probe id to text, in file order
 * @param families family name to its counts (the baseline under {@code "baseline"})
 */
public record TokenizerFamilies(String baseline, Map<String, String> probes, Map<String, Map<String, Long>> families) {
    static final String RESOURCE = "tokenizer-families.json";
    private static final TokenizerFamilies BUNDLED = read();

    /** The families shipped with claimcheck. */
    public static TokenizerFamilies bundled() {
        return BUNDLED;
    }

    /** The differences a family predicts: its count of each probe minus its count of the baseline. */
    public Map<String, Long> expectedDeltas(String family) {
        Map<String, Long> counts = families.get(family);
        Map<String, Long> out = new LinkedHashMap<>();
        probes.keySet().forEach(id -> out.put(id, counts.get(id) - counts.get("baseline")));
        return out;
    }

    /** The family every measured difference matches (null if none), and the nearest one with its count of mismatches. */
    public TokenizerProbe match(Map<String, Long> deltas) {
        String family = null;
        String nearest = null;
        int fewest = Integer.MAX_VALUE;
        for (String name : families.keySet()) {
            Map<String, Long> expected = expectedDeltas(name);
            int differing = 0;
            for (String id : probes.keySet()) {
                Long got = deltas.get(id);
                differing += got != null && got.equals(expected.get(id)) ? 0 : 1;
            }
            if (differing < fewest) {
                fewest = differing;
                nearest = name;
            }
            if (differing == 0 && deltas.size() == probes.size() && family == null) {
                family = name;
            }
        }
        return new TokenizerProbe(deltas, family, nearest, nearest == null ? 0 : fewest);
    }

    /** The names of the known families, in file order. */
    public List<String> names() {
        return new ArrayList<>(families.keySet());
    }

    private static TokenizerFamilies read() {
        try (InputStream in = TokenizerFamilies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the claimcheck jar");
            }
            JsonNode root = OpenAiChatEndpoint.JSON.readTree(in);
            Map<String, String> probes = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.get("probes").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                probes.put(e.getKey(), e.getValue().asText());
            }
            Map<String, Map<String, Long>> families = new LinkedHashMap<>();
            for (JsonNode f : root.get("families")) {
                Map<String, Long> counts = new LinkedHashMap<>();
                for (String id : withBaseline(probes)) {
                    JsonNode n = f.path("counts").get(id);
                    if (n == null || !n.canConvertToLong()) {
                        throw new IllegalStateException(RESOURCE + ": family " + f.path("name").asText() + " has no count for " + id);
                    }
                    counts.put(id, n.asLong());
                }
                families.put(f.get("name").asText(), Map.copyOf(counts));
            }
            return new TokenizerFamilies(root.get("baseline").asText(), java.util.Collections.unmodifiableMap(probes),
                    java.util.Collections.unmodifiableMap(families));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static List<String> withBaseline(Map<String, String> probes) {
        List<String> ids = new ArrayList<>(List.of("baseline"));
        ids.addAll(probes.keySet());
        return ids;
    }
}
