package dev.claimcheck.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.Claim;
import dev.claimcheck.core.model.SettingBasis;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.model.InvisibleCharacters;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.Untranscribed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads the claims ledger {@code results/claims/*.json} (docs/claims.md). Tolerant for the site and verify
 * ({@link #readAll}: a file or claim that cannot be read is reported and skipped); strict for a recipe
 * ({@link #claim}: anything missing is a {@link BadInputException}).
 */
public final class ClaimsReader {
    static final long MAX_BYTES = 4L << 20;

    private ClaimsReader() {
    }

    /** Every readable claims file of the root, in file-name order; problems go to {@code problems}. */
    public static List<ClaimsFile> readAll(Root root, Consumer<ClaimsFile.Problem> problems) {
        return readAll(RootWalk.of(root), problems);
    }

    /**
     * The claims files the walk found (regular files only: a link or FIFO among them is the walk's finding and never
     * read), in file-name order; problems go to {@code problems}.
     */
    public static List<ClaimsFile> readAll(RootWalk walk, Consumer<ClaimsFile.Problem> problems) {
        List<ClaimsFile> out = new ArrayList<>();
        for (Path f : walk.claimsFiles()) {
            String rel = "results/claims/" + f.getFileName();
            read(rel, f, problems).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The claim a recipe names, or a one-line {@link BadInputException} saying what is missing.
     *
     * @param rel the claims file relative to the root
     */
    public static ClaimsFile claim(Root root, String rel, String id) {
        Path file = root.dir().resolve(rel);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("claims file not found: " + rel + " (relative to root " + root.dir() + ")");
        }
        List<ClaimsFile.Problem> problems = new ArrayList<>();
        Optional<ClaimsFile> read = read(rel, file, problems::add);
        if (read.isEmpty()) {
            throw new BadInputException(rel + ": " + problems.get(0).reason());
        }
        ClaimsFile f = read.get();
        List<Claim> match = f.claims().stream().filter(c -> c.id().equals(id)).toList();
        if (match.isEmpty()) {
            throw new BadInputException(rel + ": no claim with id '" + id + "'"
                    + problems.stream().filter(p -> p.reason().contains("'" + id + "'")).map(p -> " (" + p.reason() + ")").findFirst().orElse(""));
        }
        return new ClaimsFile(f.path(), f.modelId(), f.modelSlug(), f.lane(), match);
    }

    /** One file: empty (with a problem) when it cannot be used at all; bad claims are reported and skipped. */
    public static Optional<ClaimsFile> read(String rel, Path file, Consumer<ClaimsFile.Problem> problems) {
        JsonNode tree;
        try {
            if (Files.size(file) > MAX_BYTES) {
                problems.accept(new ClaimsFile.Problem(rel, "larger than 4 MiB"));
                return Optional.empty();
            }
            tree = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            problems.accept(new ClaimsFile.Problem(rel, "not valid JSON: " + m.lines().findFirst().orElse(m)));
            return Optional.empty();
        }
        if (tree == null || !ClaimsFile.SCHEMA.equals(tree.path("schema").asText())) {
            problems.accept(new ClaimsFile.Problem(rel, "schema '" + (tree == null ? "" : tree.path("schema").asText())
                    + "' is not " + ClaimsFile.SCHEMA));
            return Optional.empty();
        }
        String slug = tree.path("model").path("slug").asText("");
        String id = tree.path("model").path("id").asText("");
        if (slug.isEmpty() || id.isEmpty()) {
            problems.accept(new ClaimsFile.Problem(rel, "model.id and model.slug are required"));
            return Optional.empty();
        }
        if (InvisibleCharacters.firstIn(id) != null) {
            // Shown on the site as the claimed model's name: it must read as itself.
            problems.accept(new ClaimsFile.Problem(rel, "model.id holds " + InvisibleCharacters.firstIn(id)
                    + ", a control or invisible character"));
            return Optional.empty();
        }
        Lane lane;
        try {
            lane = Lane.of(tree.path("lane").asText());
        } catch (IllegalArgumentException e) {
            problems.accept(new ClaimsFile.Problem(rel, e.getMessage()));
            return Optional.empty();
        }
        List<Claim> claims = new ArrayList<>();
        for (JsonNode c : tree.path("claims")) {
            String cid = c.path("id").asText("");
            if (cid.isEmpty() || !c.path("value").isNumber()) {
                problems.accept(new ClaimsFile.Problem(rel, "claim '" + cid + "' needs an id and a numeric value"));
                continue;
            }
            try {
                claims.add(claim(c));
            } catch (IllegalArgumentException e) {
                problems.accept(new ClaimsFile.Problem(rel, e.getMessage()));
            }
        }
        String released;
        try {
            released = date("model", "released", tree.path("model").path("released"));
        } catch (IllegalArgumentException e) {
            problems.accept(new ClaimsFile.Problem(rel, e.getMessage()));
            released = "";
        }
        return Optional.of(new ClaimsFile(rel, id, slug, lane, claims, released, untranscribed(rel, tree, claims, problems)));
    }

    /**
     * The benchmarks reported without a transcribed figure ({@code untranscribed[]}): each needs an id unique among the
     * file's claims and entries, the benchmark's name, a reason and what running it needs; one that lacks any is
     * reported and skipped, and a {@code value} is refused (a figure that can be read is a claim).
     */
    private static List<Untranscribed> untranscribed(String rel, JsonNode tree, List<Claim> claims,
                                                     Consumer<ClaimsFile.Problem> problems) {
        List<Untranscribed> out = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        claims.forEach(c -> ids.add(c.id()));
        int i = 0;
        for (JsonNode u : tree.path("untranscribed")) {
            String where = "untranscribed[" + i++ + "]";
            String uid = u.path("id").asText("");
            List<String> missing = java.util.stream.Stream.of("id", "benchmark", "reason", "needs")
                    .filter(f -> u.path(f).asText("").isBlank()).toList();
            if (!missing.isEmpty()) {
                problems.accept(new ClaimsFile.Problem(rel, where + " lacks " + String.join(", ", missing)));
            } else if (u.has("value")) {
                problems.accept(new ClaimsFile.Problem(rel, where + " ('" + uid
                        + "') has a value: a transcribed figure goes in claims[], with its source"));
            } else if (!ids.add(uid)) {
                problems.accept(new ClaimsFile.Problem(rel, where + ": id '" + uid + "' is used twice in the file"));
            } else {
                JsonNode src = u.path("source");
                out.add(new Untranscribed(uid, u.path("benchmark").asText(), u.path("workload").asText(""),
                        u.path("suite").asText(""), u.path("reason").asText(), u.path("needs").asText(),
                        new Claim.Source(src.path("url").asText(""), src.path("date").asText(""),
                                src.path("dateKind").asText(""), src.path("title").asText(""), src.path("revision").asText(""))));
            }
        }
        return out;
    }

    /**
     * A claim; its settings are {@code "undisclosed"}, or an object whose values are plain (stated) or
     * {@code {"value": …, "basis": "stated"|"scriptDefault"|"undisclosed"}} (docs/claims.md).
     */
    private static Claim claim(JsonNode c) {
        JsonNode s = c.path("settings");
        Map<String, String> settings = new TreeMap<>();
        Map<String, SettingBasis> bases = new TreeMap<>();
        String cid = c.path("id").asText();
        if (s.isObject()) {
            s.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                SettingBasis basis = SettingBasis.STATED;
                if (v.isObject() && v.has("basis")) {
                    String named = v.path("basis").asText();
                    basis = SettingBasis.byId(named).orElseThrow(() -> new IllegalArgumentException(
                            "claim '" + cid + "': setting " + e.getKey() + " has basis '" + named
                                    + "', not stated, scriptDefault or undisclosed"));
                    v = v.path("value");
                    if (basis.compared() == v.isMissingNode()) {
                        throw new IllegalArgumentException("claim '" + cid + "': setting " + e.getKey() + " is "
                                + basis.id() + (basis.compared() ? " and needs a value" : " and must not have a value"));
                    }
                }
                bases.put(e.getKey(), basis);
                if (basis.compared()) {
                    settings.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
                }
            });
        }
        // "undisclosed", or an object that only lists settings looked for and not found.
        boolean undisclosed = !s.isObject() || settings.isEmpty() && !bases.isEmpty();
        JsonNode src = c.path("source");
        Claim.Source source = new Claim.Source(src.path("url").asText(""), src.path("date").asText(""),
                src.path("dateKind").asText(""), src.path("title").asText(""), src.path("revision").asText(""));
        return new Claim(c.path("id").asText(), c.path("workload").asText(""), c.path("suite").asText(""),
                c.path("dataset").asText(""), c.path("metric").asText(""), c.path("value").asDouble(),
                c.path("unit").asText(""), settings, bases, undisclosed, source, c.path("note").asText(""),
                c.path("derived").asBoolean(false), date("claim '" + cid + "'", "datasetPublished", c.path("datasetPublished")),
                c.path("noRecipe").asText(""));
    }

    /** An optional {@code YYYY-MM-DD} date; empty when absent. */
    private static String date(String where, String field, JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return "";
        }
        String d = v.asText();
        if (!d.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new IllegalArgumentException(where + ": " + field + " must be YYYY-MM-DD, got '" + d + "'");
        }
        return d;
    }
}
