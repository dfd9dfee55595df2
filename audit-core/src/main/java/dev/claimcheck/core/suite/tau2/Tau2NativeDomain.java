package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.tau2.ExpectedAction;
import dev.claimcheck.core.model.PromptHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a native run reads beside the tasks: the policy (inside the agent's system prompt, {@link Tau2Prompt}), the
 * database ({@link Tau2Database}: {@code db.json} or upstream's {@code db.toml}, with the user's {@code user_db} beside
 * it; each hashed) and the domain's tools ({@link Tau2Toolset}): its declarative {@code tools.json}
 * when it has one, else the built-in port of the upstream domain of that name. A domain with neither is refused naming both ways.
 *
 * @param expectedHashes each task's {@link #expectedHash}, filled as trials need it
 */
record Tau2NativeDomain(String policy, ObjectNode db, Tau2Toolset tools, Tau2Input policyHash, Tau2Input dbHash,
                        Tau2Input userDbHash, java.util.Map<String, String> notRun,
                        java.util.concurrent.ConcurrentMap<String, String> expectedHashes) {
    /** Refusing a tasks.json with tasks the tools cannot set up. */
    static Tau2NativeDomain load(Tau2Domain d) {
        return load(d, false);
    }

    /** @param skipUnsupported leave those tasks out (listed in {@link #notRun}) instead of refusing the file */
    static Tau2NativeDomain load(Tau2Domain d, boolean skipUnsupported) {
        Path dir = d.dir();
        Path tools = dir.resolve("tools.json");
        if (!Files.isRegularFile(tools) && PortedToolset.forDomain(d.name()).isEmpty()) {
            throw new BadInputException(dir + ": no tools.json, and domain " + d.name() + " has no built-in port (ported: "
                    + String.join(", ", PortedToolset.domains()) + "), so it cannot run natively: upstream states its tools "
                    + "as Python over the database (src/tau2/domains/" + d.name() + "/tools.py), which this harness does not "
                    + "run; write the declarative tools.json (docs/workloads/tau2.md#declarative-tools-toolsjson) or re-score "
                    + "published trajectories with --import-results FILE");
        }
        Tau2Policy policy = Tau2Policy.find(dir).orElseThrow(() -> new BadInputException(dir + ": no policy.md (nor "
                + Tau2Policy.MAIN + " with " + Tau2Policy.MANUAL + "): a native run gives the policy to the agent as its system prompt"));
        Tau2Database db = Tau2Database.load(dir);
        Tau2Toolset toolset = Files.isRegularFile(tools)
                ? Tau2Tools.parse(Tau2Input.read(tools, "tools").text(), tools.toString())
                : PortedToolset.forDomain(d.name()).orElseThrow();
        Tau2NativeDomain loaded = new Tau2NativeDomain(policy.text(), db.root(), toolset, policy.hash(), db.hash(),
                db.userHash(), java.util.Map.of(), new java.util.concurrent.ConcurrentHashMap<>());
        java.util.Map<String, String> unsupported = loaded.checkInitialStates(d, skipUnsupported);
        return new Tau2NativeDomain(loaded.policy, loaded.db, toolset, loaded.policyHash, loaded.dbHash, loaded.userDbHash,
                unsupported, loaded.expectedHashes);
    }

    /** Whether {@code --skip-unsupported} left the task out. */
    boolean skips(String taskId) {
        return notRun.containsKey(taskId);
    }

    /** The tasks left out, each {@code id: why}, in tasks.json order; null when none was. */
    java.util.List<String> notRunLines() {
        return notRun.isEmpty() ? null : notRun.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    /**
     * Sets every task's initial state up once, before any trial: the tasks it cannot set up (an initialization function
     * the port does not run) are refused together, naming each and the tasks that would run, so that nothing is spent
     * on a run that would stop part-way. With {@code skip} they are returned instead (id → why, in tasks.json order),
     * unless no task is left to run.
     */
    private java.util.Map<String, String> checkInitialStates(Tau2Domain d, boolean skip) {
        java.util.List<String> refused = new java.util.ArrayList<>();
        java.util.List<String> runnable = new java.util.ArrayList<>();
        java.util.Map<String, String> why = new java.util.LinkedHashMap<>();
        d.tasks().forEach((id, t) -> {
            try {
                initialDb(id, t);
                runnable.add(id);
            } catch (BadInputException e) {
                refused.add(e.getMessage());
                why.put(id, missing(e.getMessage()));
            }
        });
        if (skip && !runnable.isEmpty()) {
            return why;
        }
        if (!refused.isEmpty()) {
            throw new BadInputException(refused.size() + " of " + d.tasks().size() + " tasks cannot be set up by "
                    + tools.recorded() + ": " + String.join("; ", refused.subList(0, Math.min(5, refused.size())))
                    + (refused.size() > 5 ? "; …" : "") + ". Run a tasks.json holding only the tasks it can set up ("
                    + runnable.size() + (runnable.isEmpty() ? "" : ": " + String.join(", ", runnable.subList(0, Math.min(10, runnable.size())))
                    + (runnable.size() > 10 ? ", …" : "")) + "), leave the others out with --skip-unsupported, or "
                    + "import upstream's results (--import-results)");
        }
        return java.util.Map.of();
    }

    /**
     * What a refusal says is missing: the environment function ({@code user.break_vpn}), else the part of the initial
     * state not run ({@code initial_state.initialization_data}).
     */
    static String missing(String refusal) {
        int at = refusal.indexOf(dev.claimcheck.core.suite.tau2.port.EnvFunctions.UNKNOWN + " ");
        if (at >= 0) {
            String rest = refusal.substring(at + dev.claimcheck.core.suite.tau2.port.EnvFunctions.UNKNOWN.length() + 1);
            return rest.split("[ ,;]", 2)[0];
        }
        int state = refusal.indexOf("initial_state.");
        return (state >= 0 ? refusal.substring(state) : refusal).split(":", 2)[0];
    }

    /** The task's starting database: a fresh copy with its {@code initial_state} applied (by a port that runs it). */
    ObjectNode initialDb(String taskId, Tau2Domain.DomainTask task) {
        return tools.initialDb(db, task.initialState(), "task " + taskId);
    }

    /**
     * The database after the task's reference actions, each replayed by its requestor on a fresh initial state (as
     * upstream's environment replays them): what a DB check compares with.
     */
    ObjectNode expectedDb(String taskId, Tau2Domain.DomainTask task) {
        ObjectNode state = initialDb(taskId, task);
        for (ExpectedAction a : task.criteria().actions()) {
            tools.execute(state, a.name(), a.arguments(), a.requestor());
        }
        return state;
    }

    /**
     * The DB check's hash of {@link #expectedDb}, replayed once per task (the tools are deterministic, and a trial of the
     * same task would copy the whole database and replay the same actions again).
     */
    String expectedHash(String taskId, Tau2Domain.DomainTask task) {
        return expectedHashes.computeIfAbsent(taskId, id -> hash(expectedDb(id, task)));
    }

    /** The DB check's hash of a state: SHA-256 of its canonical JSON, as the toolset presents it for hashing. */
    String hash(ObjectNode state) {
        return hash(tools.forHash(state));
    }

    static String hash(JsonNode state) {
        return PromptHash.sha256Hex(Tau2Tools.canonical(state).getBytes(StandardCharsets.UTF_8));
    }
}
