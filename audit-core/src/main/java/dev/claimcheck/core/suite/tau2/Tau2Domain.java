package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.tau2.Tau2Criteria;
import dev.claimcheck.core.grade.tau2.Tau2Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One τ²-bench domain as sierra-research/tau2-bench ships it, {@code data/tau2/domains/<domain>/}: {@code tasks.json}
 * (a list of tasks: {@code id}, {@code user_scenario.instructions}, {@code evaluation_criteria}), {@code policy.md} (the
 * agent's system prompt) and the database, {@code db.json} or {@code db.toml} (with {@code user_db.json|toml}). Every file read is hashed; the tasks
 * file is the dataset's hash.
 *
 * @param tasks task id → the task, in file order
 * @param inputs the files read, tasks first
 */
record Tau2Domain(String name, Path dir, Map<String, DomainTask> tasks, List<Tau2Input> inputs) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /**
     * One task: its criteria, the expected answer the grader reads, what the user simulator is told, its
     * {@code initial_state} (null when absent) and its {@code evaluation_criteria.env_assertions} as written.
     */
    record DomainTask(Tau2Criteria criteria, String expected, String instructions, JsonNode initialState,
                      List<JsonNode> envAssertions) {
        DomainTask {
            envAssertions = List.copyOf(envAssertions);
        }
    }

    /** {@code data} is {@code data/tau2} (holding {@code domains/<domain>}), the domains folder, or the domain's own folder. */
    static Tau2Domain load(Path data, String domain) {
        if (domain == null || !NAME.matcher(domain).matches()) {
            throw new BadInputException("--domain must be a τ²-bench domain name such as airline, retail or telecom, got '" + domain + "'");
        }
        List<Path> candidates = List.of(data.resolve("domains").resolve(domain), data.resolve(domain), data);
        Path dir = candidates.stream().filter(d -> Files.isRegularFile(d.resolve("tasks.json"))).findFirst()
                .orElseThrow(() -> new BadInputException(data + ": no tasks.json for domain " + domain + " (looked in "
                        + String.join(", ", candidates.stream().map(Path::toString).toList()) + ")"));
        List<Tau2Input> inputs = new ArrayList<>();
        Tau2Input.Read tasksFile = Tau2Input.read(dir.resolve("tasks.json"), "tasks");
        inputs.add(tasksFile.hash());
        Tau2Policy.find(dir).ifPresent(p -> inputs.addAll(p.files()));
        Tau2Database.present(dir).forEach(f -> inputs.add(Tau2Input.read(f, "db").hash()));
        return new Tau2Domain(domain, dir, tasks(tasksFile.text(), dir.resolve("tasks.json").toString()), inputs);
    }

    static Map<String, DomainTask> tasks(String text, String file) {
        JsonNode root = Tau2Json.parse(text, file);
        if (!root.isArray()) {
            throw new BadInputException(file + ": expected a JSON list of tasks");
        }
        Map<String, DomainTask> tasks = new LinkedHashMap<>();
        for (int i = 0; i < root.size(); i++) {
            String where = file + ": [" + i + "]";
            JsonNode t = root.get(i);
            Tau2Criteria c = Tau2Criteria.parse(t, where);
            if (tasks.put(c.taskId(), new DomainTask(c, Tau2Criteria.expected(t), instructions(t),
                    t.hasNonNull("initial_state") ? t.get("initial_state") : null, envAssertions(t))) != null) {
                throw new BadInputException(where + ".id: task " + c.taskId() + " appears twice");
            }
        }
        if (tasks.isEmpty()) {
            throw new BadInputException(file + ": no tasks");
        }
        return tasks;
    }

    private static List<JsonNode> envAssertions(JsonNode task) {
        List<JsonNode> out = new ArrayList<>();
        task.path("evaluation_criteria").path("env_assertions").forEach(out::add);
        return out;
    }

    /** The user scenario's instructions: a string, or the structured form's fields in upstream's order. */
    private static String instructions(JsonNode task) {
        JsonNode i = task.path("user_scenario").path("instructions");
        if (i.isTextual()) {
            return i.asText();
        }
        StringBuilder out = new StringBuilder();
        for (String f : List.of("domain", "reason_for_call", "known_info", "unknown_info", "task_instructions")) {
            if (i.hasNonNull(f)) {
                out.append(out.isEmpty() ? "" : "\n").append(f).append(": ").append(i.get(f).asText());
            }
        }
        return out.toString();
    }

    Tau2Input tasksHash() {
        return inputs.get(0);
    }

    DomainTask task(String id, String where) {
        DomainTask t = tasks.get(id);
        if (t == null) {
            throw new BadInputException(where + ": task " + id + " is not in " + dir.resolve("tasks.json") + " (domain " + name + ")");
        }
        return t;
    }
}
