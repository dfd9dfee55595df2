package dev.claimcheck.core.suite.tau2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.suite.tau2.port.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The declarative tools of the native fixture domain (suites/tau2/native) over its db.json. */
class Tau2ToolsTest {
    static final Path DOMAIN = Path.of("src/test/resources/suites/tau2/native/domains/airline");
    static final ObjectMapper JSON = new ObjectMapper();

    static Tau2Tools tools() throws Exception {
        return Tau2Tools.parse(Files.readString(DOMAIN.resolve("tools.json")), "tools.json");
    }

    static ObjectNode db() throws Exception {
        return (ObjectNode) JSON.readTree(DOMAIN.resolve("db.json").toFile());
    }

    static JsonNode args(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void readAnswersTheRecordAtThePathAndChangesNothing() throws Exception {
        ObjectNode db = db();
        ToolResult r = tools().execute(db, "get_user_details", args("{\"user_id\":\"ava_lee_101\"}"));
        assertThat(r.error()).isFalse();
        assertThat(JSON.readTree(r.text()).get("name").asText()).isEqualTo("Ava Lee");
        assertThat(db).isEqualTo(db());
    }

    @Test
    void setWritesTheArgumentWithItsTypeAndAppendAddsToTheList() throws Exception {
        ObjectNode db = db();
        Tau2Tools t = tools();
        t.execute(db, "update_reservation_baggages", args("{\"reservation_id\":\"R2002\",\"total_baggages\":2,\"payment_id\":\"c\"}"));
        assertThat(db.at("/reservations/R2002/baggage").isInt()).isTrue();
        assertThat(db.at("/reservations/R2002/baggage").asInt()).isEqualTo(2);
        t.execute(db, "add_reservation_note", args("{\"reservation_id\":\"R2002\",\"note\":\"wheelchair\"}"));
        assertThat(db.at("/reservations/R2002/notes/0/text").asText()).isEqualTo("wheelchair");
    }

    @Test
    void aMissingRecordAnUnknownToolOrAMissingArgumentIsAToolErrorThatChangesNothing() throws Exception {
        ObjectNode db = db();
        Tau2Tools t = tools();
        assertThat(t.execute(db, "cancel_reservation", args("{\"reservation_id\":\"R9\"}")))
                .isEqualTo(new ToolResult("Error: reservations/R9 not found", true));
        assertThat(t.execute(db, "book_flight", args("{}")).text()).isEqualTo("Error: unknown tool book_flight");
        assertThat(t.execute(db, "cancel_reservation", args("{}")).text()).isEqualTo("Error: missing argument reservation_id");
        assertThat(t.execute(db, "cancel_reservation", null).error()).isTrue();
        assertThat(db).isEqualTo(db());
    }

    @Test
    void theCanonicalFormIgnoresKeyOrderSoEqualDatabasesHashEqual() throws Exception {
        assertThat(Tau2NativeDomain.hash(args("{\"b\":1,\"a\":{\"y\":[1,2],\"x\":null}}")))
                .isEqualTo(Tau2NativeDomain.hash(args("{\"a\":{\"x\":null,\"y\":[1,2]},\"b\":1}")))
                .isNotEqualTo(Tau2NativeDomain.hash(args("{\"a\":{\"x\":null,\"y\":[2,1]},\"b\":1}")));
    }

    @Test
    void aToolFileWithAnUnknownOperationOrAWriteWithoutAValueIsRefusedAtTheField() {
        assertThatThrownBy(() -> Tau2Tools.parse("{\"tools\":[{\"name\":\"x\",\"op\":\"delete\",\"path\":\"a\"}]}", "tools.json"))
                .isInstanceOf(BadInputException.class).hasMessage("tools.json: tools[0].op: 'delete' is not one of [read, set, append, respond]");
        assertThatThrownBy(() -> Tau2Tools.parse("{\"tools\":[{\"name\":\"x\",\"op\":\"set\",\"path\":\"a\",\"field\":\"f\"}]}", "tools.json"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("tools.json: tools[0].value: missing");
        assertThatThrownBy(() -> Tau2Tools.parse("{}", "tools.json"))
                .isInstanceOf(BadInputException.class).hasMessage("tools.json: tools: missing");
    }
}
