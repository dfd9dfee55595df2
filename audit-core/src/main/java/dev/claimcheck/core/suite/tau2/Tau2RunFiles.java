package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.tau2.Tau2Json;
import dev.claimcheck.core.model.PromptHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A τ²-bench run as saved, in either of upstream's formats ({@code Results.save}): the monolithic {@code results.json}
 * holding {@code simulations[]}, or the directory format, {@code results.json} without them (its {@code info}, {@code
 * tasks} and a {@code simulation_index} of {@code id}, {@code task_id}, {@code trial}, {@code reward},
 * {@code termination_reason}) beside {@code simulations/<id>.json}, one simulation a file. As upstream, a folder or a
 * {@code results.json} with a {@code simulations/} folder beside it is the directory format. A directory is refused
 * with every problem counted and named: a simulation the index lists without its file or a file it does not list,
 * a file that does not parse, one whose id is not its name, an index entry that says otherwise than its file, a
 * temporary file a writer left.
 *
 * @param hash the file's hash; for a directory its name and the combined hash: SHA-256 of the lines
 *        {@code <sha256>  <path>} of results.json, then each {@code simulations/*.json} in name order (what
 *        {@code LC_ALL=C sha256sum results.json simulations/*.json | sha256sum} prints in the folder)
 * @param root results.json's document
 * @param simulations each simulation with where it came from
 * @param problems what is wrong with the folder, for the caller to refuse together with what it finds in the
 *        simulations themselves ({@link #refuse}); empty for a monolithic file, whose errors are thrown
 */
record Tau2RunFiles(Tau2Input hash, JsonNode root, List<Simulation> simulations, List<String> problems) {
    static final String SIMULATIONS_DIR = "simulations";
    /** Problems listed in one refusal; the rest are counted. */
    static final int LISTED_PROBLEMS = 20;

    /**
     * One simulation object.
     *
     * @param where how errors name it ({@code results.json: simulations[3]}, {@code simulations/ab12.json})
     * @param file its file in a directory ({@code simulations/ab12.json}), null inside a monolithic file
     * @param sha256 that file's hash, null inside a monolithic file
     */
    record Simulation(String where, String file, String sha256, JsonNode node) {
    }

    /** Whether {@code path} is a run in the directory format, as upstream decides it. */
    static boolean isDirectory(Path path) {
        return Files.isDirectory(path) || Files.isDirectory(siblingSimulations(path));
    }

    static Tau2RunFiles read(Path path) {
        if (!isDirectory(path)) {
            Tau2Input.Read read = Tau2Input.read(path, "results");
            String name = path.getFileName().toString();
            JsonNode root = rootObject(read.text(), name);
            List<Simulation> sims = new ArrayList<>();
            var raw = Tau2Json.array(root, "simulations", name + ": ", true);
            for (int i = 0; i < raw.size(); i++) {
                sims.add(new Simulation(name + ": simulations[" + i + "]", null, null, raw.get(i)));
            }
            return new Tau2RunFiles(read.hash(), root, sims, List.of());
        }
        return readDirectory(path);
    }

    /** results.json's document alone, of either format (to compare the agent before a run folder exists). */
    static JsonNode metadata(Path path) {
        Path meta = Files.isDirectory(path) ? path.resolve("results.json") : path;
        return rootObject(Tau2Input.read(meta, "results").text(), meta.getFileName().toString());
    }

    private static Tau2RunFiles readDirectory(Path path) {
        Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        Path meta = Files.isDirectory(path) ? path.resolve("results.json") : path;
        Path simsDir = dir.resolve(SIMULATIONS_DIR);
        String label = dir.getFileName() + "/";
        if (!Files.isRegularFile(meta)) {
            throw new BadInputException(label + ": no results.json (a τ²-bench run folder holds results.json and simulations/)");
        }
        if (!Files.isDirectory(simsDir)) {
            throw new BadInputException(label + ": no simulations/ folder beside results.json");
        }
        Tau2Input.Read metaRead = Tau2Input.read(meta, "results");
        String metaName = meta.getFileName().toString();
        JsonNode root = rootObject(metaRead.text(), metaName);
        if (!Tau2Json.array(root, "simulations", metaName + ": ", false).isEmpty()) {
            throw new BadInputException(label + ": " + metaName + " holds simulations itself and a simulations/ folder is beside it; "
                    + "upstream reads only the folder: move one of them away");
        }
        List<String> problems = new ArrayList<>();
        StringBuilder manifest = new StringBuilder(metaRead.hash().sha256()).append("  ").append(metaName).append('\n');
        long total = 0;
        List<Simulation> sims = new ArrayList<>();
        Map<String, Simulation> byId = new TreeMap<>();
        for (Path f : listing(dir, simsDir, problems)) {
            total += size(f);
            if (total > Tau2Input.MAX_BYTES) {
                throw new BadInputException(label + ": the simulations total more than " + (Tau2Input.MAX_BYTES >> 20)
                        + " MiB, the limit of one import (split the run)");
            }
            String rel = SIMULATIONS_DIR + "/" + f.getFileName();
            try {
                Tau2Input.Read read = Tau2Input.read(f, "simulation");
                manifest.append(read.hash().sha256()).append("  ").append(rel).append('\n');
                Simulation s = simulation(read, rel, f.getFileName().toString().replaceFirst("\\.json$", ""));
                sims.add(s);
                byId.put(s.node().get("id").asText(), s);
            } catch (BadInputException e) {
                problems.add(e.getMessage());
            }
        }
        checkIndex(root, metaName, listedStems(simsDir), byId, problems);
        if (sims.isEmpty() && problems.isEmpty()) {
            problems.add(rel(simsDir) + " holds no simulation files (*.json)");
        }
        return new Tau2RunFiles(new Tau2Input("results", label, PromptHash.sha256Hex(manifest.toString())), root, sims, problems);
    }

    /** One simulation file: a JSON object whose id is the file's name. */
    private static Simulation simulation(Tau2Input.Read read, String rel, String stem) {
        JsonNode sim = Tau2Json.parse(read.text(), rel);
        if (!sim.isObject()) {
            throw new BadInputException(rel + ": expected a simulation object");
        }
        String id = Tau2Json.text(sim, "id", rel);
        if (!id.equals(stem)) {
            throw new BadInputException(rel + ": id is " + id + "; upstream names each file after its simulation's id");
        }
        return new Simulation(rel, rel, read.hash().sha256(), sim);
    }

    /** simulations/*.json in name order; a writer's temporary file (upstream writes {@code .sim_*}, {@code .meta_*}) is a problem. */
    private static List<Path> listing(Path dir, Path simsDir, List<String> problems) {
        for (Path f : list(dir)) {
            if (f.getFileName().toString().startsWith(".meta_")) {
                problems.add(f.getFileName() + ": a temporary results.json a τ²-bench writer left (it is running, or crashed "
                        + "mid-write): import a finished run");
            }
        }
        List<Path> out = new ArrayList<>();
        for (Path f : list(simsDir)) {
            String name = f.getFileName().toString();
            if (name.startsWith(".") && name.endsWith(".json")) {
                problems.add(SIMULATIONS_DIR + "/" + name + ": a temporary file a τ²-bench writer left (it is running, or "
                        + "crashed mid-write): import a finished run");
            } else if (name.endsWith(".json") && Files.isRegularFile(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private static List<String> listedStems(Path simsDir) {
        return list(simsDir).stream().map(f -> f.getFileName().toString())
                .filter(n -> n.endsWith(".json") && !n.startsWith(".")).map(n -> n.substring(0, n.length() - 5)).toList();
    }

    /** The index against the files: each id once, each with its file, each file listed, and saying what its file says. */
    private static void checkIndex(JsonNode root, String metaName, List<String> onDisk, Map<String, Simulation> byId,
                                   List<String> problems) {
        if (!root.hasNonNull("simulation_index")) {
            return; // written before upstream kept an index: the files are the run
        }
        List<JsonNode> index = Tau2Json.array(root, "simulation_index", metaName + ": ", false);
        Map<String, Integer> seen = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
            String where = metaName + ": simulation_index[" + i + "]";
            String id;
            try {
                id = Tau2Json.text(index.get(i), "id", where);
            } catch (BadInputException e) {
                problems.add(e.getMessage());
                continue;
            }
            Integer before = seen.putIfAbsent(id, i);
            if (before != null) {
                problems.add(where + ": simulation " + id + " is listed twice (also simulation_index[" + before + "])");
            } else if (!onDisk.contains(id)) {
                missing.add(id);
            } else if (byId.containsKey(id)) {
                compare(index.get(i), byId.get(id), where, problems);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " simulation(s) in " + metaName + "'s simulation_index have no file in simulations/: "
                    + String.join(", ", missing.subList(0, Math.min(missing.size(), LISTED_PROBLEMS)))
                    + (missing.size() > LISTED_PROBLEMS ? " …" : ""));
        }
        List<String> extra = onDisk.stream().filter(id -> !seen.containsKey(id)).toList();
        if (!extra.isEmpty()) {
            problems.add(extra.size() + " file(s) in simulations/ are not in " + metaName + "'s simulation_index: "
                    + String.join(", ", extra.subList(0, Math.min(extra.size(), LISTED_PROBLEMS)).stream().map(id -> id + ".json").toList())
                    + (extra.size() > LISTED_PROBLEMS ? " …" : ""));
        }
    }

    /** The index entry's summary fields against the file: a leaderboard reads the index, the re-score the file. */
    private static void compare(JsonNode entry, Simulation sim, String where, List<String> problems) {
        JsonNode reward = sim.node().path("reward_info").path("reward");
        for (String[] f : new String[][] {{"task_id", "/task_id"}, {"trial", "/trial"}, {"termination_reason", "/termination_reason"},
                {"reward", "/reward_info/reward"}}) {
            JsonNode listed = entry.get(f[0]);
            JsonNode actual = f[0].equals("reward") ? reward : sim.node().at(f[1]);
            if (listed == null || listed.isNull() || listed.asText().equals(actual.asText())
                    || listed.isNumber() && actual.isNumber() && listed.decimalValue().compareTo(actual.decimalValue()) == 0) {
                continue;
            }
            problems.add(where + "." + f[0] + " is " + listed + ", " + sim.file() + " says " + (actual.isMissingNode() ? "nothing" : actual));
        }
    }

    /** One refusal naming every problem found (the first {@link #LISTED_PROBLEMS}) and counting them all. */
    static void refuse(String label, List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder msg = new StringBuilder(label + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        problems.stream().limit(LISTED_PROBLEMS).forEach(p -> msg.append("\n  - ").append(p));
        if (problems.size() > LISTED_PROBLEMS) {
            msg.append("\n  … and ").append(problems.size() - LISTED_PROBLEMS).append(" more");
        }
        throw new BadInputException(msg.toString());
    }

    private static JsonNode rootObject(String text, String name) {
        JsonNode root = Tau2Json.parse(text, name);
        if (!root.isObject()) {
            throw new BadInputException(name + ": expected a τ²-bench results object {\"info\", \"tasks\", \"simulations\"}");
        }
        return root;
    }

    private static Path siblingSimulations(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.resolve(SIMULATIONS_DIR) : parent.resolve(SIMULATIONS_DIR);
    }

    private static String rel(Path p) {
        return p.getFileName() + "/";
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new BadInputException(f + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
    }
}
