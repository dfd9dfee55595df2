package dev.claimcheck.core.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.model.InvisibleCharacters;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.verify.Finding.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static dev.claimcheck.core.verify.Verifier.firstLine;

/** The schema check: run.json parses, matches claimcheck/run/v1 and sits where its model, workload, suite and id say. */
final class SchemaCheck {
    private static final Pattern RUN_ID = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{8}");

    /**
     * run.json as read once for the whole verification.
     *
     * @param manifest the parsed manifest, or null when the schema check failed
     * @param tree the JSON tree it was parsed from (its {@code metrics} are compared by {@link MetricsCheck})
     */
    record RunJson(RunManifest manifest, JsonNode tree) {
    }

    private SchemaCheck() {
    }

    /** run.json with its tree, or null when the schema check failed (the findings say why). */
    static RunJson check(Path dir, Path root, List<Finding> findings) {
        RunFolder folder = new RunFolder(dir);
        Path file = folder.runJson();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            findings.add(new Finding(Kind.SCHEMA, "run.json not found (or not a regular file)"));
            return null;
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (StreamConstraintsException e) {
            findings.add(new Finding(Kind.LIMIT_EXCEEDED, "run.json: " + firstLine(e)));
            return null;
        } catch (IOException e) {
            findings.add(Json.isDuplicateKey(e) ? new Finding(Kind.DUPLICATE_KEY, "run.json: " + firstLine(e))
                    : new Finding(Kind.SCHEMA, "run.json is not valid JSON: " + firstLine(e)));
            return null;
        }
        if (tree == null || !tree.isObject()) {
            findings.add(new Finding(Kind.SCHEMA, "run.json is not a JSON object"));
            return null;
        }
        String schema = tree.path("schema").asText("");
        if (!RunManifest.SCHEMA.equals(schema)) {
            findings.add(new Finding(Kind.SCHEMA, "schema '" + Findings.clip(schema) + "' is not " + RunManifest.SCHEMA));
            return null;
        }
        RunManifest m;
        try {
            m = Json.mapper().treeToValue(tree, RunManifest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            findings.add(new Finding(Kind.SCHEMA, "run.json does not match " + RunManifest.SCHEMA + ": " + firstLine(e)));
            return null;
        }
        List<String> problems = new ArrayList<>();
        if (!RUN_ID.matcher(m.runId()).matches()) {
            problems.add("runId '" + Findings.clip(m.runId()) + "' is not YYYYMMDDTHHMMSSZ-<8 hex>");
        } else if (!m.runId().equals(dir.toAbsolutePath().normalize().getFileName().toString())) {
            problems.add("runId " + m.runId() + " differs from the folder name " + dir.getFileName());
        }
        if (m.suite().id() == null || m.model().slug() == null || m.request() == null) {
            problems.add("suite.id, model.slug and request are required");
        } else if (root != null) {
            Path rel = new Root(root).runsDir().relativize(dir.toAbsolutePath().normalize());
            String expected = m.model().slug() + "/" + m.workload().id() + "/" + m.suite().id() + "/" + m.runId();
            if (!rel.toString().replace('\\', '/').equals(expected)) {
                problems.add("folder is results/runs/" + rel + " but run.json says results/runs/" + expected);
            }
        }
        String invisible = InvisibleCharacters.firstIn(m.model().id());
        if (invisible != null) {
            // Shown on the leaderboard: a bidi override or zero-width character would make it read as another model's name.
            problems.add("model.id holds " + invisible + ", a control or invisible character");
        }
        if (m.request() != null && m.request().k() < 1) {
            problems.add("request.k must be at least 1");
        }
        JsonNode metrics = tree.path("metrics");
        if (m.status() == RunStatus.COMPLETE && !metrics.isObject()) {
            problems.add("a complete run must carry metrics");
        }
        if (metrics.isObject()) {
            for (String f : List.of("score", "ci95Low", "ci95High")) {
                JsonNode v = metrics.path(f);
                if (!v.isMissingNode() && !v.isNull() && !(v.isNumber() && v.asDouble() >= 0 && v.asDouble() <= 1)) {
                    problems.add("metrics." + f + " must be a number in [0, 1] or null, not " + Findings.clip(v.toString()));
                }
            }
            for (String f : List.of("tasks", "attempts", "graded", "truncated")) {
                JsonNode v = metrics.path(f);
                if (!v.isIntegralNumber() || v.asLong() < 0) {
                    problems.add("metrics." + f + " must be a count, not " + Findings.clip(v.toString()));
                }
            }
        }
        problems.forEach(p -> findings.add(new Finding(Kind.SCHEMA, p)));
        if (m.status() != RunStatus.COMPLETE) {
            findings.add(new Finding(Kind.INCOMPLETE, "status is '" + m.status().id() + "', not 'complete'"));
        }
        return problems.isEmpty() ? new RunJson(m, tree) : null;
    }
}
