package dev.claimcheck.core.suite.proofs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A vendor's folder of solutions as published (inclusionAI/Ring-V2.5 {@code examples/IMO25}: {@code IMO25_Q1.md} …,
 * part files {@code CMO25_Q2-1.md}, {@code CMO25_Q2-2.md} folded into problem 2 in part order) with the vendor's own
 * grades from {@code README_en.md} / {@code README_zh.md}. A map file ({@code --map}) names the problem of each file
 * and of each README problem number where the names do not: {@code {"solutions": {"<file>": "<id>"},
 * "problems": {"<README number>": "<id>"}}}, either part optional.
 *
 * @param solutions problem id → the solution as judged (parts folded)
 * @param claims problem id → the vendor's stated points (absent where the README states none)
 * @param inputs every file read, with its hash
 */
record VendorFolder(Map<String, Imported> solutions, Map<String, Claim> claims, List<InputHash> inputs) {
    private static final Pattern PART_FILE = Pattern.compile("(?:.*?[_-])?Q(\\d+)(?:-(\\d+))?\\.md", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A solution as judged, and the files it was folded from. */
    record Imported(String text, List<InputHash> files) {
    }

    /**
     * The vendor's self-grade of one problem, the claim under test.
     *
     * @param points the points stated
     * @param source where: {@code README_en.md:7} (and the Chinese line when both state it)
     */
    record Claim(double points, String source) {
    }

    static VendorFolder read(Path dir, Path mapFile, ProblemSet set) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": not a folder (--import-solutions takes the vendor's folder)");
        }
        List<InputHash> inputs = new ArrayList<>();
        Map<String, String> fileMap = Map.of();
        Map<String, String> numberMap = Map.of();
        if (mapFile != null) {
            InputFile map = InputFile.read(mapFile, "map", mapFile.getFileName().toString());
            inputs.add(map.hash());
            JsonNode root = mapJson(map, mapFile);
            fileMap = strings(root.path("solutions"), mapFile, "solutions");
            numberMap = strings(root.path("problems"), mapFile, "problems");
        }
        // problem id → part number → file
        Map<String, TreeMap<Integer, Path>> parts = new LinkedHashMap<>();
        for (Path file : markdown(dir)) {
            String name = file.getFileName().toString();
            Matcher m = PART_FILE.matcher(name);
            String problem = fileMap.containsKey(name) ? fileMap.get(name) : m.matches() ? m.group(1) : null;
            if (problem == null) {
                throw new BadInputException(file + ": cannot tell which problem this solves (name it Q<n>.md or Q<n>-<part>.md, or list it in --map)");
            }
            set.problem(problem); // refuses an id the set lacks
            int part = m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
            Path before = parts.computeIfAbsent(problem, k -> new TreeMap<>()).put(part, file);
            if (before != null) {
                throw new BadInputException(file + ": problem " + problem + " part " + part + " is also " + before.getFileName());
            }
        }
        Map<String, Imported> solutions = new LinkedHashMap<>();
        for (ProofProblem p : set.problems()) {
            TreeMap<Integer, Path> files = parts.get(p.id());
            if (files == null) {
                throw new BadInputException(dir + ": no solution for problem " + p.id() + " of " + set.name());
            }
            solutions.put(p.id(), fold(files, inputs));
        }
        return new VendorFolder(solutions, claims(dir, numberMap, set, inputs), inputs);
    }

    private static Imported fold(TreeMap<Integer, Path> files, List<InputHash> inputs) {
        StringBuilder text = new StringBuilder();
        List<InputHash> hashes = new ArrayList<>();
        int n = 0;
        for (Path file : files.values()) {
            InputFile f = InputFile.read(file, "solution", file.getFileName().toString());
            hashes.add(f.hash());
            inputs.add(f.hash());
            n++;
            if (files.size() > 1) {
                // Parts are judged as one solution; the judge is told where each part begins.
                text.append(n == 1 ? "" : "\n\n").append("## Part ").append(n).append(" of ").append(files.size()).append("\n\n");
            }
            text.append(f.text().strip());
        }
        return new Imported(text.toString(), hashes);
    }

    private static Map<String, Claim> claims(Path dir, Map<String, String> numberMap, ProblemSet set, List<InputHash> inputs) {
        Map<Integer, VendorGrades.Stated> en = Map.of();
        Map<Integer, VendorGrades.Stated> zh = Map.of();
        Path enFile = dir.resolve("README_en.md");
        Path zhFile = dir.resolve("README_zh.md");
        if (Files.isRegularFile(enFile)) {
            InputFile f = InputFile.read(enFile, "vendorGrades", "README_en.md");
            inputs.add(f.hash());
            en = VendorGrades.english(f.text(), "README_en.md");
        }
        if (Files.isRegularFile(zhFile)) {
            InputFile f = InputFile.read(zhFile, "vendorGrades", "README_zh.md");
            inputs.add(f.hash());
            zh = VendorGrades.chinese(f.text(), "README_zh.md");
        }
        Map<String, Claim> claims = new LinkedHashMap<>();
        java.util.Set<Integer> numbers = new java.util.TreeSet<>(en.keySet());
        numbers.addAll(zh.keySet());
        for (int number : numbers) {
            VendorGrades.Stated e = en.get(number);
            VendorGrades.Stated z = zh.get(number);
            if (e != null && z != null && e.points() != z.points()) {
                throw new BadInputException(e.source() + " states " + e.points() + " points for problem " + number + ", "
                        + z.source() + " states " + z.points());
            }
            String id = numberMap.getOrDefault(String.valueOf(number), String.valueOf(number));
            set.problem(id);
            String source = e != null && z != null ? e.source() + ", " + z.source() : (e != null ? e : z).source();
            claims.put(id, new Claim((e != null ? e : z).points(), source));
        }
        return claims;
    }

    private static List<Path> markdown(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase().endsWith(".md"))
                    .filter(f -> !f.getFileName().toString().toLowerCase().startsWith("readme"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
    }

    private static JsonNode mapJson(InputFile map, Path file) {
        try {
            JsonNode root = JSON.readTree(map.text());
            if (root == null || !root.isObject()) {
                throw new BadInputException(file + ": expected a JSON object {\"solutions\": {...}, \"problems\": {...}}");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ":" + (e.getLocation() == null ? 0 : e.getLocation().getLineNr())
                    + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, String> strings(JsonNode node, Path file, String key) {
        if (node.isMissingNode()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new BadInputException(file + ": \"" + key + "\" must be an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw new BadInputException(file + ": \"" + key + "\"." + e.getKey() + " must be a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }
}
