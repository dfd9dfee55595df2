package dev.claimcheck.core.suite.bfcl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.bfcl.CheckKind;
import dev.claimcheck.core.grade.bfcl.FunctionDoc;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.PromptHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A BFCL data folder as the gorilla repository ships it ({@code bfcl_eval/data}): question files
 * {@code BFCL_v4_<category>.json} (JSON Lines: {@code id}, {@code question} as a list of turns of messages,
 * {@code function}) and {@code possible_answer/} with files of the same names ({@code id}, {@code ground_truth}).
 * Every error names {@code file:line}.
 *
 * @param version "v4", "v3" or "v3+v4", from the file names read
 * @param sha256 over the sorted "name sha256" lines of every file read, so the run names exactly those bytes
 * @param questions in category order, then file order
 */
record BfclDataset(String version, String sha256, List<BfclQuestion> questions) {
    static final long MAX_FILE_BYTES = 64L << 20;
    static final int MAX_LINE_CHARS = 4 << 20;
    static final int MAX_QUESTIONS = 50_000;
    private static final ObjectMapper JSON = limited();

    BfclDataset {
        questions = List.copyOf(questions);
    }

    /**
     * @param categories the categories asked for; empty: every runnable category the folder holds
     */
    static BfclDataset load(Path dir, List<String> categories) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("--dataset " + dir + ": not a folder (expected BFCL's bfcl_eval/data)");
        }
        Map<String, Path> files = questionFiles(dir);
        List<String> chosen = new ArrayList<>();
        if (categories.isEmpty()) {
            BfclCategories.RUN.stream().filter(files::containsKey).forEach(chosen::add);
        } else {
            for (String c : categories) {
                if (BfclCategories.NOT_RUN.containsKey(c)) {
                    throw new BadInputException("--categories " + c + " is not run: " + BfclCategories.NOT_RUN.get(c));
                }
                if (!BfclCategories.RUN.contains(c)) {
                    throw new BadInputException("--categories " + c + ": unknown category (runnable: " + String.join(", ", BfclCategories.RUN) + ")");
                }
                if (!files.containsKey(c)) {
                    throw new BadInputException("--categories " + c + ": no BFCL_v*_" + c + ".json in " + dir);
                }
                chosen.add(c);
            }
        }
        if (chosen.isEmpty()) {
            throw new BadInputException(dir + ": no question file of a runnable category (BFCL_v4_simple_python.json, …)");
        }
        StringBuilder hashes = new StringBuilder();
        Set<String> versions = new TreeSet<>();
        List<BfclQuestion> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String c : chosen) {
            Path q = files.get(c);
            String name = q.getFileName().toString();
            versions.add(BfclCategories.versionOfFile(name));
            byte[] qBytes = read(q, name);
            hashes.append(name).append(' ').append(PromptHash.sha256Hex(qBytes)).append('\n');
            Map<String, ArrayNode> answers = Map.of();
            if (CheckKind.of(c).needsAnswers()) {
                Path a = dir.resolve("possible_answer").resolve(name);
                String aName = "possible_answer/" + name;
                byte[] aBytes = read(a, aName);
                hashes.append(aName).append(' ').append(PromptHash.sha256Hex(aBytes)).append('\n');
                answers = answers(aBytes, aName);
            }
            for (BfclQuestion x : questions(qBytes, name, c, answers)) {
                if (!ids.add(x.id())) {
                    throw new BadInputException(name + ": id " + x.id() + " appears twice");
                }
                if (questions.size() == MAX_QUESTIONS) {
                    throw new BadInputException(name + ": more than " + MAX_QUESTIONS + " questions");
                }
                questions.add(x);
            }
        }
        return new BfclDataset(String.join("+", versions), PromptHash.sha256Hex(hashes.toString()), questions);
    }

    private static Map<String, Path> questionFiles(Path dir) {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                String c = BfclCategories.ofFile(name);
                if (c != null && Files.isRegularFile(p)) {
                    Path previous = out.get(c);
                    // BFCL_v4_x supersedes BFCL_v3_x when a folder holds both (sorted: v3 comes first).
                    if (previous == null || name.compareTo(previous.getFileName().toString()) > 0) {
                        out.put(c, p);
                    }
                }
            }
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot be listed (" + e.getMessage() + ")", e);
        }
        return out;
    }

    private static List<BfclQuestion> questions(byte[] bytes, String name, String category, Map<String, ArrayNode> answers) {
        List<BfclQuestion> out = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String where = name + ":" + (i + 1);
            JsonNode n = line(lines[i], where);
            if (n == null) {
                continue;
            }
            String id = text(n, "id", where);
            JsonNode turns = n.get("question");
            if (turns == null || !turns.isArray() || turns.size() != 1 || !turns.get(0).isArray() || turns.get(0).isEmpty()) {
                throw new BadInputException(where + ": id " + id + ": question must be one turn (a list holding one list of messages)");
            }
            List<ChatMessage> messages = new ArrayList<>();
            for (JsonNode m : turns.get(0)) {
                String role = m.path("role").asText("");
                if (!List.of("system", "user", "assistant").contains(role) || !m.path("content").isTextual()) {
                    throw new BadInputException(where + ": id " + id + ": a message needs a role (system, user, assistant) and text content");
                }
                messages.add(new ChatMessage(role, m.get("content").asText(), List.of(), null));
            }
            JsonNode functions = n.get("function");
            if (functions == null || !functions.isArray()) {
                throw new BadInputException(where + ": id " + id + ": function must be a list of function documents");
            }
            for (JsonNode f : functions) {
                try {
                    FunctionDoc.of(f);
                } catch (BadInputException e) {
                    throw new BadInputException(where + ": id " + id + ": " + e.getMessage());
                }
            }
            ArrayNode gt = null;
            if (CheckKind.of(category).needsAnswers()) {
                gt = answers.get(id);
                if (gt == null) {
                    throw new BadInputException(where + ": id " + id + " has no possible answer in possible_answer/" + name);
                }
            }
            out.add(new BfclQuestion(id, category, messages, (ArrayNode) functions, gt));
        }
        return out;
    }

    private static Map<String, ArrayNode> answers(byte[] bytes, String name) {
        Map<String, ArrayNode> out = new HashMap<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String where = name + ":" + (i + 1);
            JsonNode n = line(lines[i], where);
            if (n == null) {
                continue;
            }
            String id = text(n, "id", where);
            JsonNode gt = n.get("ground_truth");
            if (gt == null || !gt.isArray() || gt.isEmpty()) {
                throw new BadInputException(where + ": id " + id + ": ground_truth must be a non-empty list of {function: {param: [values]}}");
            }
            for (JsonNode call : gt) {
                if (!call.isObject() || call.size() != 1 || !call.elements().next().isObject()) {
                    throw new BadInputException(where + ": id " + id + ": each ground_truth entry must be {function: {param: [values]}}");
                }
                for (JsonNode allowed : call.elements().next()) {
                    if (!allowed.isArray()) {
                        throw new BadInputException(where + ": id " + id + ": each parameter's possible answer must be a list of values");
                    }
                }
            }
            if (out.put(id, (ArrayNode) gt) != null) {
                throw new BadInputException(where + ": id " + id + " appears twice");
            }
        }
        return out;
    }

    /** The line's JSON object, or null for a blank line. */
    private static JsonNode line(String raw, String where) {
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        if (line.isBlank()) {
            return null;
        }
        if (line.length() > MAX_LINE_CHARS) {
            throw new BadInputException(where + ": line longer than " + MAX_LINE_CHARS + " characters");
        }
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadInputException(where + ": not valid JSON at column " + e.getLocation().getColumnNr());
        }
        if (n == null || !n.isObject()) {
            throw new BadInputException(where + ": expected a JSON object");
        }
        return n;
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new BadInputException(where + ": " + field + " must be a non-empty string");
        }
        return v.asText();
    }

    private static byte[] read(Path file, String name) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(name + ": no such file");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new BadInputException(name + ": " + size + " bytes, more than the limit of " + MAX_FILE_BYTES);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static ObjectMapper limited() {
        JsonMapper mapper = JsonMapper.builder().build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(MAX_LINE_CHARS).maxNumberLength(64).build());
        return mapper;
    }
}
