package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.tau2.Tau2Criteria;
import dev.claimcheck.core.grade.tau2.Tau2Json;
import dev.claimcheck.core.grade.tau2.Trajectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A τ²-bench run's results as {@code tau2 run} saves them (the monolithic results.json, or the directory format:
 * {@link Tau2RunFiles}), read against the domain's published tasks: every simulation names a task of the domain, each
 * (task, trial) once, and each small enough for one journal line. The file's own copy of a task is compared with
 * tasks.json, since a run graded against edited criteria is not the benchmark. Every problem is counted and named in
 * one refusal.
 *
 * @param hash the results file's name and hash (a directory's name and combined hash)
 * @param trials task id → trial number → the simulation object as the file holds it (compact JSON)
 * @param sources task id → trial number → the simulation's own file and hash (directory format; empty otherwise)
 * @param agentModel {@code info.agent_info.llm} (null when absent)
 * @param userModel {@code info.user_info.llm}, the user simulator (null when absent)
 * @param changedTasks ids of tasks whose copy in the file differs from tasks.json
 */
record Tau2Results(Tau2Input hash, Map<String, TreeMap<Integer, String>> trials, Map<String, TreeMap<Integer, Source>> sources,
                   String agentModel, String userModel, Set<String> changedTasks) {
    /** verify's limit on one journal line ({@code Verifier.MAX_LINE_BYTES}, which this package cannot name). */
    static final int JOURNAL_LINE_BYTES = 16 << 20;
    /** What a simulation may take of its journal line; the rest holds the task's criteria, the verdict and the request. */
    static final int SIMULATION_BYTES = JOURNAL_LINE_BYTES - (1 << 20);

    /** A simulation's own file in a directory-format run, and its SHA-256. */
    record Source(String file, String sha256) {
    }

    static Tau2Results read(Path path, Tau2Domain domain) {
        Tau2RunFiles run = Tau2RunFiles.read(path);
        String name = run.hash().name();
        JsonNode root = run.root();
        JsonNode info = Tau2Json.object(root, "info", name + ": ");
        String domainName = info == null ? null : info.path("environment_info").path("domain_name").asText(null);
        if (domainName != null && !domainName.equals(domain.name())) {
            throw new BadInputException(name + ": info.environment_info.domain_name is " + domainName + ", --domain is " + domain.name());
        }
        if (run.simulations().isEmpty() && run.problems().isEmpty()) {
            throw new BadInputException(name + ": simulations is empty");
        }
        Map<String, TreeMap<Integer, String>> trials = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, Source>> sources = new LinkedHashMap<>();
        Map<String, String> firstSeen = new HashMap<>();
        List<String> problems = new ArrayList<>(run.problems());
        for (Tau2RunFiles.Simulation sim : run.simulations()) {
            try {
                Trajectory t = Trajectory.parse(sim.node(), sim.where()); // refuses what the grader could not read
                domain.task(t.taskId(), sim.where() + ".task_id");
                String key = t.taskId() + "#" + t.trial();
                String before = firstSeen.putIfAbsent(key, sim.where());
                if (before != null) {
                    throw new BadInputException(sim.where() + ": task " + t.taskId() + " trial " + t.trial() + " appears twice (also "
                            + before + ")");
                }
                String json = Tau2Json.compactOf(sim.node());
                long stored = journalBytes(json);
                if (stored > SIMULATION_BYTES) {
                    throw new BadInputException(String.format(java.util.Locale.ROOT, "%s: task %s trial %d is %.1f MiB as a journal "
                            + "string, more than the %d MiB a simulation may take of a journal line (verify reads at most %d MiB a line)",
                            sim.where(), t.taskId(), t.trial(), stored / (double) (1 << 20), SIMULATION_BYTES >> 20, JOURNAL_LINE_BYTES >> 20));
                }
                trials.computeIfAbsent(t.taskId(), k -> new TreeMap<>()).put(t.trial(), json);
                if (sim.file() != null) {
                    sources.computeIfAbsent(t.taskId(), k -> new TreeMap<>()).put(t.trial(), new Source(sim.file(), sim.sha256()));
                }
            } catch (BadInputException e) {
                problems.add(e.getMessage());
            }
        }
        Tau2RunFiles.refuse(name, problems);
        Set<String> changed = new LinkedHashSet<>();
        var copies = Tau2Json.array(root, "tasks", name + ": ", false);
        for (int i = 0; i < copies.size(); i++) {
            String where = name + ": tasks[" + i + "]";
            String id = Tau2Json.text(copies.get(i), "id", where);
            Tau2Domain.DomainTask published = domain.tasks().get(id);
            if (published != null && !Tau2Json.parse(published.expected(), "tasks.json")
                    .equals(Tau2Json.parse(Tau2Criteria.expected(copies.get(i)), where))) {
                changed.add(id);
            }
        }
        return new Tau2Results(run.hash(), trials, sources, model(info, "agent_info"), model(info, "user_info"), changed);
    }

    /** The UTF-8 length of {@code text} written as a JSON string, as the journal writes a response (quotes included). */
    static long journalBytes(String text) {
        long n = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                n += 2;
            } else if (c < 0x20) {
                n += c == '\n' || c == '\t' || c == '\r' || c == '\b' || c == '\f' ? 2 : 6;
            } else if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** {@code info.agent_info.llm} of a results file, read alone (to refuse another --model before a run folder exists). */
    static String agentModel(Path path) {
        return model(Tau2Json.object(Tau2RunFiles.metadata(path), "info", path.getFileName() + ": "), "agent_info");
    }

    private static String model(JsonNode info, String field) {
        return info == null ? null : info.path(field).path("llm").asText(null);
    }
}
