package dev.claimcheck.core.toolcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tool-parameter subset of JSON Schema, one named case per keyword. */
class ArgumentSchemaTest {
    static final String SCHEMA = """
            {"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string","enum":["c","f"]},
             "days":{"type":"integer"},"tags":{"type":"array","items":{"type":"string"}},
             "who":{"type":"object","properties":{"age":{"type":"integer"}},"required":["age"]}},
             "required":["city"],"additionalProperties":false}""";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            fits                            | {"city":"Oslo","unit":"c","days":3,"tags":["a"],"who":{"age":3}} | 0
            required property missing       | {"unit":"c"}                                                     | 1
            wrong type                      | {"city":7}                                                       | 1
            integer written as 3.0 is fine  | {"city":"x","days":3.0}                                          | 0
            fraction for an integer         | {"city":"x","days":3.5}                                          | 1
            value outside the enum          | {"city":"x","unit":"k"}                                          | 1
            undeclared property refused     | {"city":"x","zone":"y"}                                          | 1
            array item of the wrong type    | {"city":"x","tags":["a",1]}                                      | 1
            nested required missing         | {"city":"x","who":{}}                                            | 1
            not an object at all            | ["city"]                                                         | 1
            """)
    void countsEveryViolation(String name, String args, int violations) throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(ArgumentSchema.violations(json.readTree(SCHEMA), json.readTree(args))).hasSize(violations);
    }
}
