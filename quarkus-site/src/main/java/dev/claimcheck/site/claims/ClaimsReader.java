package dev.claimcheck.site.claims;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.store.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Tolerant reader of the claims ledger: a file or a claim that cannot be read is reported as a
 * problem and skipped; the rest is used.
 */
public final class ClaimsReader {
    private static final long MAX_BYTES = 4L << 20;

    private ClaimsReader() {
    }

    public static void readAll(Path dir, List<ClaimsFile> into, Consumer<ClaimsFile.Problem> problems) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            problems.accept(new ClaimsFile.Problem("results/claims", "cannot list: " + e.getMessage()));
            return;
        }
        for (Path f : files) {
            String rel = "results/claims/" + f.getFileName();
            try {
                read(rel, f, problems).ifPresent(into::add);
            } catch (RuntimeException e) {
                problems.accept(new ClaimsFile.Problem(rel, String.valueOf(e.getMessage())));
            }
        }
    }

    static java.util.Optional<ClaimsFile> read(String rel, Path file, Consumer<ClaimsFile.Problem> problems) {
        JsonNode tree;
        try {
            if (Files.size(file) > MAX_BYTES) {
                problems.accept(new ClaimsFile.Problem(rel, "larger than 4 MiB"));
                return java.util.Optional.empty();
            }
            tree = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            problems.accept(new ClaimsFile.Problem(rel, "not valid JSON: " + m.lines().findFirst().orElse(m)));
            return java.util.Optional.empty();
        }
        if (tree == null || !ClaimsFile.SCHEMA.equals(tree.path("schema").asText())) {
            problems.accept(new ClaimsFile.Problem(rel, "schema '" + (tree == null ? "" : tree.path("schema").asText())
                    + "' is not " + ClaimsFile.SCHEMA));
            return java.util.Optional.empty();
        }
        String slug = tree.path("model").path("slug").asText("");
        String id = tree.path("model").path("id").asText("");
        Lane lane;
        try {
            lane = Lane.of(tree.path("lane").asText());
        } catch (IllegalArgumentException e) {
            problems.accept(new ClaimsFile.Problem(rel, e.getMessage()));
            return java.util.Optional.empty();
        }
        if (slug.isEmpty() || id.isEmpty()) {
            problems.accept(new ClaimsFile.Problem(rel, "model.id and model.slug are required"));
            return java.util.Optional.empty();
        }
        List<Claim> claims = new ArrayList<>();
        for (JsonNode c : tree.path("claims")) {
            String cid = c.path("id").asText("");
            if (cid.isEmpty() || !c.path("value").isNumber()) {
                problems.accept(new ClaimsFile.Problem(rel, "claim '" + cid + "' needs an id and a numeric value"));
                continue;
            }
            claims.add(claim(c));
        }
        return java.util.Optional.of(new ClaimsFile(rel, id, slug, lane, claims));
    }

    private static Claim claim(JsonNode c) {
        JsonNode s = c.path("settings");
        Map<String, String> settings = new TreeMap<>();
        boolean undisclosed = s.isTextual() && "undisclosed".equals(s.asText()) || s.isMissingNode() || s.isNull();
        if (s.isObject()) {
            s.fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        }
        JsonNode src = c.path("source");
        return new Claim(c.path("id").asText(), c.path("workload").asText(""), c.path("suite").asText(""),
                c.path("dataset").asText(""), c.path("metric").asText(""), c.path("value").asDouble(),
                c.path("unit").asText(""), settings, undisclosed, src.path("url").asText(""), src.path("date").asText(""),
                src.path("title").asText(""), c.path("note").asText(""));
    }
}
