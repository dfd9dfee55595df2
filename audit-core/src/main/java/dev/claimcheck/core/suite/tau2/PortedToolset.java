package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.suite.tau2.airline.AirlineDomain;
import dev.claimcheck.core.suite.tau2.port.PortedDomain;
import dev.claimcheck.core.suite.tau2.port.PortedTool;
import dev.claimcheck.core.suite.tau2.port.ToolError;
import dev.claimcheck.core.suite.tau2.port.ToolResult;
import dev.claimcheck.core.suite.tau2.retail.RetailDomain;
import dev.claimcheck.core.suite.tau2.telecom.TelecomDomain;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** A built-in port of an upstream domain's tools (docs/workloads/tau2.md "Built-in ports"). */
record PortedToolset(PortedDomain port) implements Tau2Toolset {
    /** The domains with a port, by name. */
    static final List<PortedDomain> PORTS = List.of(new AirlineDomain(), new RetailDomain(), new TelecomDomain());

    static Optional<PortedToolset> forDomain(String name) {
        return PORTS.stream().filter(p -> p.domain().equals(name)).findFirst().map(PortedToolset::new);
    }

    static List<String> domains() {
        return PORTS.stream().map(PortedDomain::domain).toList();
    }

    /** Upstream's airline and retail users have no tools of their own (their user side is empty); telecom's do. */
    @Override
    public List<ObjectNode> schemas(String side) {
        return (side.equals(AGENT) ? port.tools() : port.userTools()).stream().map(t -> t.schema().openAi()).toList();
    }

    /** Either side's call, then upstream's {@code sync_tools} (as its environment does after every call). */
    @Override
    public ToolResult execute(ObjectNode db, String name, JsonNode args, String side) {
        ToolResult r = side.equals(AGENT) ? port.execute(db, name, args) : port.executeUser(db, name, args);
        try {
            port.sync(db);
        } catch (ToolError e) {
            // Sync reads the line of the number the initial state set, which it found then; no tool removes a line.
        }
        return r;
    }

    @Override
    public ObjectNode initialDb(ObjectNode db, JsonNode initialState, String where) {
        if (port.envFunctions().isEmpty()) {
            return Tau2Toolset.super.initialDb(db, initialState, where);
        }
        ObjectNode state = Tau2EnvState.initialize(port.envFunctions().get(), db, initialState, where);
        try {
            port.sync(state);
        } catch (ToolError e) {
            throw new BadInputException(where + ".initial_state: " + e.getMessage() + " (upstream's sync_tools refuses the scenario)");
        }
        return state;
    }

    @Override
    public Optional<ArrayNode> envAssertions(ObjectNode db, List<JsonNode> assertions) {
        return port.envFunctions().map(env -> Tau2EnvState.evaluate(env, db, assertions));
    }

    @Override
    public String recorded() {
        return port.version() + "@tau2-bench:" + port.upstreamCommit().substring(0, 12);
    }

    @Override
    public String sha256() {
        StringBuilder shown = new StringBuilder(port.version());
        for (PortedTool t : port.tools()) {
            shown.append('\n').append(t.writes() ? "write " : "read ").append(t.schema().openAi());
        }
        for (PortedTool t : port.userTools()) {
            shown.append("\nuser ").append(t.writes() ? "write " : "read ").append(t.schema().openAi());
        }
        return PromptHash.sha256Hex(shown.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public JsonNode forHash(ObjectNode db) {
        return port.forHash(db);
    }
}
