package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.tau2.ExpectedAction;
import dev.claimcheck.core.grade.tau2.Tau2Json;
import dev.claimcheck.core.model.PromptHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a native run reads beside the tasks: the policy (the agent's system prompt), the database {@code db.json} and
 * the declarative tools {@code tools.json} ({@link Tau2Tools}); each hashed. A domain without them is refused with what
 * is missing: upstream's tools are Python, which this harness does not run.
 */
record Tau2NativeDomain(String policy, ObjectNode db, Tau2Tools tools, Tau2Input policyHash, Tau2Input dbHash,
                        Tau2Input toolsHash) {
    static Tau2NativeDomain load(Tau2Domain d) {
        Path dir = d.dir();
        Path tools = dir.resolve("tools.json");
        if (!Files.isRegularFile(tools)) {
            throw new BadInputException(dir + ": no tools.json, so domain " + d.name() + " cannot run natively: upstream "
                    + "states its tools as Python over the database (src/tau2/domains/" + d.name() + "/tools.py), which "
                    + "this harness does not run; write the declarative tools.json (docs/workloads/tau2.md#native-run) or "
                    + "re-score published trajectories with --import-results FILE");
        }
        if (!Files.isRegularFile(dir.resolve("db.json"))) {
            throw new BadInputException(dir + ": no db.json" + (Files.isRegularFile(dir.resolve("db.toml"))
                    ? " (db.toml is read only by an import; convert it to db.json for a native run)" : "")
                    + ": a native run needs the database the tools work on");
        }
        if (!Files.isRegularFile(dir.resolve("policy.md"))) {
            throw new BadInputException(dir + ": no policy.md: a native run gives the policy to the agent as its system prompt");
        }
        Tau2Input.Read policy = Tau2Input.read(dir.resolve("policy.md"), "policy");
        Tau2Input.Read db = Tau2Input.read(dir.resolve("db.json"), "db");
        Tau2Input.Read t = Tau2Input.read(tools, "tools");
        JsonNode root = Tau2Json.parse(db.text(), dir.resolve("db.json").toString());
        if (!root.isObject()) {
            throw new BadInputException(dir.resolve("db.json") + ": expected a JSON object (tables by name)");
        }
        return new Tau2NativeDomain(policy.text(), (ObjectNode) root, Tau2Tools.parse(t.text(), tools.toString()),
                policy.hash(), db.hash(), t.hash());
    }

    /** The database after the task's reference actions, replayed on a fresh copy: what a DB check compares with. */
    ObjectNode expectedDb(java.util.List<ExpectedAction> actions) {
        ObjectNode state = db.deepCopy();
        for (ExpectedAction a : actions) {
            tools.execute(state, a.name(), a.arguments());
        }
        return state;
    }

    static String hash(JsonNode state) {
        return PromptHash.sha256Hex(Tau2Tools.canonical(state).getBytes(StandardCharsets.UTF_8));
    }
}
