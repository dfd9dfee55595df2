package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.tau2.Tau2Criteria;
import dev.claimcheck.core.grade.tau2.Tau2Json;
import dev.claimcheck.core.grade.tau2.Trajectory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A τ²-bench results file as {@code tau2 run} saves it (the monolithic JSON: {@code info}, {@code tasks},
 * {@code simulations}), read against the domain's published tasks: every simulation names a task of the domain, each
 * (task, trial) once. The file's own copy of a task is compared with tasks.json, since a run graded against edited
 * criteria is not the benchmark.
 *
 * @param trials task id → trial number → the simulation object as the file holds it (compact JSON)
 * @param agentModel {@code info.agent_info.llm} (null when absent)
 * @param userModel {@code info.user_info.llm}, the user simulator (null when absent)
 * @param changedTasks ids of tasks whose copy in the file differs from tasks.json
 */
record Tau2Results(Tau2Input hash, Map<String, TreeMap<Integer, String>> trials, String agentModel, String userModel,
                   Set<String> changedTasks) {

    static Tau2Results read(Path file, Tau2Domain domain) {
        Tau2Input.Read read = Tau2Input.read(file, "results");
        String name = file.getFileName().toString();
        JsonNode root = Tau2Json.parse(read.text(), name);
        if (!root.isObject()) {
            throw new BadInputException(name + ": expected a τ²-bench results object {\"info\", \"tasks\", \"simulations\"}");
        }
        JsonNode info = Tau2Json.object(root, "info", name + ": ");
        String domainName = info == null ? null : info.path("environment_info").path("domain_name").asText(null);
        if (domainName != null && !domainName.equals(domain.name())) {
            throw new BadInputException(name + ": info.environment_info.domain_name is " + domainName + ", --domain is " + domain.name());
        }
        Map<String, TreeMap<Integer, String>> trials = new LinkedHashMap<>();
        var sims = Tau2Json.array(root, "simulations", name + ": ", true);
        if (sims.isEmpty()) {
            throw new BadInputException(name + ": simulations is empty");
        }
        for (int i = 0; i < sims.size(); i++) {
            String where = name + ": simulations[" + i + "]";
            Trajectory t = Trajectory.parse(sims.get(i), where); // refuses what the grader could not read
            domain.task(t.taskId(), where + ".task_id");
            String before = trials.computeIfAbsent(t.taskId(), k -> new TreeMap<>()).put(t.trial(), Tau2Json.compactOf(sims.get(i)));
            if (before != null) {
                throw new BadInputException(where + ": task " + t.taskId() + " trial " + t.trial() + " appears twice");
            }
        }
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
        return new Tau2Results(read.hash(), trials, model(info, "agent_info"), model(info, "user_info"), changed);
    }

    /** {@code info.agent_info.llm} of a results file, read alone (to refuse another --model before a run folder exists). */
    static String agentModel(Path file) {
        String name = file.getFileName().toString();
        JsonNode root = Tau2Json.parse(Tau2Input.read(file, "results").text(), name);
        return model(root.isObject() ? Tau2Json.object(root, "info", name + ": ") : null, "agent_info");
    }

    private static String model(JsonNode info, String field) {
        return info == null ? null : info.path(field).path("llm").asText(null);
    }
}
