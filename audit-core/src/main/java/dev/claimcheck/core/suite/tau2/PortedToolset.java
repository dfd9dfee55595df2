package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.suite.tau2.airline.AirlineDomain;
import dev.claimcheck.core.suite.tau2.port.PortedDomain;
import dev.claimcheck.core.suite.tau2.port.PortedTool;
import dev.claimcheck.core.suite.tau2.port.ToolResult;
import dev.claimcheck.core.suite.tau2.retail.RetailDomain;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** A built-in port of an upstream domain's tools (docs/workloads/tau2.md "Built-in ports"). */
record PortedToolset(PortedDomain port) implements Tau2Toolset {
    /** The domains with a port, by name. */
    static final List<PortedDomain> PORTS = List.of(new AirlineDomain(), new RetailDomain());

    static Optional<PortedToolset> forDomain(String name) {
        return PORTS.stream().filter(p -> p.domain().equals(name)).findFirst().map(PortedToolset::new);
    }

    static List<String> domains() {
        return PORTS.stream().map(PortedDomain::domain).toList();
    }

    /** Upstream's airline and retail users have no tools of their own: the user's side is empty. */
    @Override
    public List<ObjectNode> schemas(String side) {
        return side.equals(AGENT) ? port.tools().stream().map(t -> t.schema().openAi()).toList() : List.of();
    }

    @Override
    public ToolResult execute(ObjectNode db, String name, JsonNode args, String side) {
        return side.equals(AGENT) ? port.execute(db, name, args) : ToolResult.error("Tool '" + name + "' not found.");
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
        return PromptHash.sha256Hex(shown.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public JsonNode forHash(ObjectNode db) {
        return port.forHash(db);
    }
}
