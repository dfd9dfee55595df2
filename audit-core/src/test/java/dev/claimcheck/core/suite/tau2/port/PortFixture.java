package dev.claimcheck.core.suite.tau2.port;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A ported domain over a fresh copy of a fixture's db.json: calls, their answers, and refusals that change nothing. */
public class PortFixture {
    public static final ObjectMapper JSON = new ObjectMapper();

    public final ObjectNode db;
    private final PortedDomain port;

    public PortFixture(PortedDomain port, Path dbFile) {
        this.port = port;
        this.db = read(dbFile);
    }

    public static ObjectNode read(Path dbFile) {
        try {
            return (ObjectNode) JSON.readTree(dbFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ToolResult call(String tool, String args) {
        try {
            return port.execute(db, tool, JSON.readTree(args));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The call's answer as JSON (text that is not JSON as a string node); the call must have succeeded. */
    public JsonNode ok(String tool, String args) {
        ToolResult r = call(tool, args);
        assertThat(r.error()).as(r.text()).isFalse();
        try {
            return JSON.readTree(r.text());
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(r.text());
        }
    }

    /** The call must fail with exactly {@code error} and leave the database as it was. */
    public void refused(String tool, String args, String error) {
        ObjectNode before = db.deepCopy();
        assertThat(call(tool, args)).isEqualTo(new ToolResult(error, true));
        assertThat(db).as("unchanged by the refused " + tool).isEqualTo(before);
    }

    public JsonNode at(String pointer) {
        return db.at(pointer);
    }
}
