package dev.claimcheck.core.suite.tau2.airline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.tau2.port.ToolResult;
import java.nio.file.Path;

/** The upstream-layout airline fixture's db.json, and calls on a fresh copy of it through the port. */
final class AirlineFixture {
    static final Path DB = Path.of("src/test/resources/suites/tau2/upstream/domains/airline/db.json");
    static final ObjectMapper JSON = new ObjectMapper();
    static final AirlineDomain PORT = new AirlineDomain();

    final ObjectNode db;

    AirlineFixture() {
        db = fresh();
    }

    static ObjectNode fresh() {
        try {
            return (ObjectNode) JSON.readTree(DB.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    ToolResult call(String tool, String args) {
        try {
            return PORT.execute(db, tool, JSON.readTree(args));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The call's JSON answer; the call must have succeeded. */
    JsonNode ok(String tool, String args) {
        ToolResult r = call(tool, args);
        assertThat(r.error()).as(r.text()).isFalse();
        try {
            return JSON.readTree(r.text());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(r.text());
        }
    }

    /** The call must fail with exactly {@code error} and leave the database as it was. */
    void refused(String tool, String args, String error) {
        ObjectNode before = db.deepCopy();
        assertThat(call(tool, args)).isEqualTo(new ToolResult(error, true));
        assertThat(db).as("unchanged by the refused " + tool).isEqualTo(before);
    }

    JsonNode at(String pointer) {
        return db.at(pointer);
    }
}
