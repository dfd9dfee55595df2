package dev.claimcheck.core.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.store.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one rule for the body a run sends: implied defaults, the explicit body over them, the lane's max_tokens last. */
class RequestBodiesTest {
    static ObjectNode json(String text) throws Exception {
        return (ObjectNode) Json.mapper().readTree(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no defaults: the lane's max_tokens      | {}                                      | {"model":"m"}                          | {"model":"m","max_tokens":16384}
            explicit max_tokens wins over the lane  | {}                                      | {"model":"m","max_tokens":8}           | {"model":"m","max_tokens":8}
            the protocol's max_tokens over the lane | {"stop":["Q"],"max_tokens":512}         | {"model":"m"}                          | {"model":"m","stop":["Q"],"max_tokens":512}
            stated settings over the protocol's     | {"max_tokens":512,"temperature":0.0}    | {"model":"m","temperature":1.2,"max_tokens":32768} | {"model":"m","max_tokens":32768,"temperature":1.2}
            an explicit stop replaces the protocol's| {"stop":["Q"]}                          | {"model":"m","stop":["A"]}             | {"model":"m","max_tokens":16384,"stop":["A"]}
            """)
    void explicitOverDefaultsOverTheLane(String name, String defaults, String explicit, String sent) throws Exception {
        assertThat(RequestBodies.merge(json(defaults), json(explicit), 16384)).isEqualTo(json(sent));
    }
}
