package dev.claimcheck.core.suite.proofs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.PromptHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A user-supplied problem set in MathArena's competition layout: a folder with {@code grading_scheme.json} (a list of
 * {@code {id, points, scheme: [{points, title, desc}]}}) and {@code problems/<id>.tex}, one statement per problem. The
 * statements are not ours to redistribute: the set is read where the user keeps it and only its hashes are recorded.
 *
 * @param name the folder's name
 * @param problems in {@code grading_scheme.json} order
 * @param scheme the hash of {@code grading_scheme.json}
 * @param sha256 one hash over every file read (the scheme, then each statement's name and hash)
 */
public record ProblemSet(String name, List<ProofProblem> problems, InputHash scheme, String sha256) {
    public static final String SCHEME_FILE = "grading_scheme.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public ProblemSet {
        problems = List.copyOf(problems);
    }

    public ProofProblem problem(String id) {
        return problems.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new BadInputException("problem set " + name + " has no problem '" + id + "'"));
    }

    /** Reads the set from its folder, or from its {@code grading_scheme.json} (the statements beside it). */
    public static ProblemSet read(Path path) {
        Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        Path schemeFile = Files.isDirectory(path) ? path.resolve(SCHEME_FILE) : path;
        InputFile scheme = InputFile.read(schemeFile, "scheme", SCHEME_FILE);
        JsonNode root;
        try {
            root = JSON.readTree(scheme.text());
        } catch (JsonProcessingException e) {
            throw new BadInputException(at(schemeFile, e.getLocation()) + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new BadInputException(schemeFile + ": expected a non-empty JSON list of problems {id, points, scheme}");
        }
        List<ProofProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        StringBuilder all = new StringBuilder(scheme.hash().sha256());
        for (int i = 0; i < root.size(); i++) {
            JsonNode p = root.get(i);
            String where = schemeFile + ": problem " + (i + 1);
            if (!p.isObject() || !p.hasNonNull("id") || !p.path("points").isNumber() || !p.path("scheme").isArray()) {
                throw new BadInputException(where + ": needs \"id\", numeric \"points\" and a \"scheme\" list");
            }
            String id = p.get("id").asText();
            if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new BadInputException(where + ": id '" + id + "' is not a plain file name");
            }
            if (!ids.add(id)) {
                throw new BadInputException(where + ": duplicate id '" + id + "'");
            }
            double max = p.get("points").asDouble();
            if (!(max > 0)) {
                throw new BadInputException(where + " (" + id + "): points must be positive");
            }
            List<ProofProblem.Step> steps = steps(p.get("scheme"), where + " (" + id + ")", max);
            String statementName = "problems/" + id + ".tex";
            InputFile statement = InputFile.read(dir.resolve(statementName), "statement", statementName);
            if (statement.text().isBlank()) {
                throw new BadInputException(dir.resolve(statementName) + ": empty statement");
            }
            problems.add(new ProofProblem(id, statement.text().strip(), max, steps, statement.hash()));
            all.append('\n').append(statementName).append(' ').append(statement.hash().sha256());
        }
        String name = dir.getFileName() == null ? "problems" : dir.getFileName().toString();
        return new ProblemSet(name, problems, scheme.hash(), "sha256:" + PromptHash.sha256Hex(all.toString()));
    }

    private static List<ProofProblem.Step> steps(JsonNode scheme, String where, double max) {
        List<ProofProblem.Step> steps = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        double sum = 0;
        for (JsonNode s : scheme) {
            if (!s.path("points").isNumber() || !s.path("title").isTextual()) {
                throw new BadInputException(where + ": each scheme step needs numeric \"points\" and a \"title\"");
            }
            if (!titles.add(s.get("title").asText())) {
                throw new BadInputException(where + ": scheme title '" + s.get("title").asText() + "' is not unique");
            }
            sum += s.get("points").asDouble();
            steps.add(new ProofProblem.Step(s.get("points").asDouble(), s.get("title").asText(), s.path("desc").asText("")));
        }
        if (Math.abs(sum - max) > 1e-9) {
            throw new BadInputException(where + ": scheme steps sum to " + sum + ", the problem is worth " + max);
        }
        return steps;
    }

    private static String at(Path file, JsonLocation location) {
        return location == null ? file.toString() : file + ":" + location.getLineNr();
    }
}
