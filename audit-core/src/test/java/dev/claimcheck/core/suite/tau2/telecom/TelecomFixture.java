package dev.claimcheck.core.suite.tau2.telecom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.tau2.port.PortFixture;
import dev.claimcheck.core.suite.tau2.port.ToolArgs;
import dev.claimcheck.core.suite.tau2.port.ToolResult;
import java.nio.file.Path;

/** The telecom port over a fresh copy of the fixture's db.json: the agent's calls, the user's, and environment functions. */
final class TelecomFixture {
    static final Path DB = Path.of("src/test/resources/suites/tau2/upstream/domains/telecom/db.json");
    final TelecomDomain port = new TelecomDomain();
    final PortFixture agent = new PortFixture(port, DB);
    final ObjectNode db = agent.db;

    /** The user's call, then upstream's sync, as the toolset runs it. */
    ToolResult user(String tool) {
        return user(tool, "{}");
    }

    ToolResult user(String tool, String args) {
        try {
            ToolResult r = port.executeUser(db, tool, PortFixture.JSON.readTree(args));
            port.sync(db);
            return r;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    JsonNode env(String envType, String function, String args) {
        try {
            JsonNode result = port.envFunctions().orElseThrow().run(db, envType, function, ToolArgs.of(PortFixture.JSON.readTree(args)));
            port.sync(db);
            return result;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    boolean holds(String function, String args) {
        return env(function.equals("assert_line_status") ? "assistant" : "user", function, args).asBoolean();
    }

    /** The scenario's user: the phone of line {@code phone}. */
    TelecomFixture as(String name, String phone) {
        env("user", "set_user_info", "{\"name\":\"" + name + "\",\"phone_number\":\"" + phone + "\"}");
        return this;
    }

    JsonNode device(String field) {
        return db.at("/user_db/device/" + field);
    }

    JsonNode surroundings(String field) {
        return db.at("/user_db/surroundings/" + field);
    }
}
