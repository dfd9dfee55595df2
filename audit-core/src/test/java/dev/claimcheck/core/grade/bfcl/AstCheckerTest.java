package dev.claimcheck.core.grade.bfcl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * BFCL's AST matching rules, one named row each: the reply (prompt-mode text, decoded by {@link PythonCalls}), the
 * category's kind, the possible answer, and whether it matches. The functions are fixed: {@code calc.area(width:
 * integer, height: float = 1.0, unit: string = "m", tags: array of string, opts: dict)} with width required, and
 * {@code get_weather(city: string, days: integer)} with city required.
 */
class AstCheckerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTIONS = """
            [{"name":"calc.area","parameters":{"type":"dict","properties":{"width":{"type":"integer"},"height":{"type":"float"},
              "unit":{"type":"string"},"tags":{"type":"array","items":{"type":"string"}},"opts":{"type":"dict"}},"required":["width"]}},
             {"name":"get_weather","parameters":{"type":"dict","properties":{"city":{"type":"string"},"days":{"type":"integer"}},"required":["city"]}}]""";
    private static final String AREA = "{'calc.area': {'width': [5], 'height': [2.0, ''], 'unit': ['m', 'metre', '']}}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            exact call matches                              | SINGLE      | calc.area(width=5, height=2.0, unit='m')           | [AREA] | true
            optional parameters may be left out            | SINGLE      | calc.area(width=5)                                  | [AREA] | true
            wrong function name                             | SINGLE      | get_weather(city='Paris')                           | [AREA] | false
            missing required parameter                      | SINGLE      | calc.area(height=2.0)                               | [AREA] | false
            parameter the function does not have            | SINGLE      | calc.area(width=5, depth=3)                         | [AREA] | false
            parameter the answer does not list              | SINGLE      | calc.area(width=5, tags=['a'])                      | [AREA] | false
            integer where a float is declared is accepted   | SINGLE      | calc.area(width=5, height=2)                        | [AREA] | true
            float where an integer is declared is refused   | SINGLE      | calc.area(width=5.0)                                | [AREA] | false
            string where an integer is declared is refused  | SINGLE      | calc.area(width='5')                                | [AREA] | false
            value outside the allowed list                  | SINGLE      | calc.area(width=6)                                  | [AREA] | false
            any allowed alternative matches                 | SINGLE      | calc.area(width=5, unit='metre')                    | [AREA] | true
            strings ignore case, spaces and punctuation     | SINGLE      | calc.area(width=5, unit=' M.')                      | [AREA] | true
            empty string given where blank is allowed       | SINGLE      | calc.area(width=5, unit='')                         | [AREA] | true
            answer requires a parameter without a blank     | SINGLE      | calc.area(height=2.0, width=5)                      | [{'calc.area': {'width': [5], 'height': [2.0]}}] | true
            non-optional answer parameter left out          | SINGLE      | calc.area(width=5)                                  | [{'calc.area': {'width': [5], 'height': [2.0]}}] | false
            list in the answer's order                      | SINGLE      | calc.area(width=5, tags=['a', 'b'])                 | [{'calc.area': {'width': [5], 'tags': [['a', 'b']]}}] | true
            list in another order is refused                | SINGLE      | calc.area(width=5, tags=['b', 'a'])                 | [{'calc.area': {'width': [5], 'tags': [['a', 'b']]}}] | false
            list item of the wrong type                     | SINGLE      | calc.area(width=5, tags=['a', 2])                   | [{'calc.area': {'width': [5], 'tags': [['a', 2]]}}] | false
            dict compared key by key                        | SINGLE      | calc.area(width=5, opts={'round': True})            | [{'calc.area': {'width': [5], 'opts': [{'round': [True], 'digits': [2, '']}]}}] | true
            dict with a wrong value                         | SINGLE      | calc.area(width=5, opts={'round': False})           | [{'calc.area': {'width': [5], 'opts': [{'round': [True]}]}}] | false
            two calls where one is expected                 | SINGLE      | [calc.area(width=5), calc.area(width=5)]            | [AREA] | false
            no call where one is expected                   | SINGLE      | I cannot help with that.                            | [AREA] | false
            parallel calls in the answer's order            | PARALLEL    | [get_weather(city='Paris'), get_weather(city='Rome')] | [{'get_weather': {'city': ['Paris']}}, {'get_weather': {'city': ['Rome']}}] | true
            parallel calls in any order                     | PARALLEL    | [get_weather(city='Rome'), get_weather(city='Paris')] | [{'get_weather': {'city': ['Paris']}}, {'get_weather': {'city': ['Rome']}}] | true
            parallel calls answering one answer twice       | PARALLEL    | [get_weather(city='Paris'), get_weather(city='paris')] | [{'get_weather': {'city': ['Paris']}}, {'get_weather': {'city': ['Rome']}}] | false
            parallel with a call missing                    | PARALLEL    | [get_weather(city='Paris')]                         | [{'get_weather': {'city': ['Paris']}}, {'get_weather': {'city': ['Rome']}}] | false
            parallel multiple functions                     | PARALLEL    | [calc.area(width=5), get_weather(city='Rome', days=3)] | [{'get_weather': {'city': ['Rome'], 'days': [3, '']}}, AREA] | true
            irrelevance with no call                        | IRRELEVANCE | Sorry, none of these functions fits.                | [] | true
            irrelevance with a call                         | IRRELEVANCE | get_weather(city='Paris')                           | [] | false
            relevance with a call                           | RELEVANCE   | get_weather(city='Anywhere')                        | [] | true
            relevance with no call                          | RELEVANCE   | Nothing to call.                                    | [] | false
            """)
    void matchesByTheDocumentedRules(String name, CheckKind kind, String reply, String answers, boolean ok) throws Exception {
        List<Call> calls = PythonCalls.decode(reply).orElse(List.of());
        JsonNode gt = JSON.readTree(python(answers.replace("AREA", AREA)));
        AstChecker.Result r = AstChecker.check(kind, docs(), gt, calls, false);
        assertThat(r.ok()).as(r.reason()).isEqualTo(ok);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            native tool name with underscores matches the dotted name | calc_area   | true
            dotted name as published also matches                     | calc.area   | true
            another name does not                                     | calc_areas  | false
            """)
    void nativeNamesMayUseUnderscores(String name, String called, boolean ok) throws Exception {
        Call call = new Call(called, java.util.Map.of("width", JSON.readTree("5")));
        JsonNode gt = JSON.readTree(python("[" + AREA + "]"));
        assertThat(AstChecker.check(CheckKind.SINGLE, docs(), gt, List.of(call), true).ok()).isEqualTo(ok);
    }

    static List<FunctionDoc> docs() throws Exception {
        List<FunctionDoc> out = new ArrayList<>();
        JSON.readTree(FUNCTIONS).forEach(f -> out.add(FunctionDoc.of(f)));
        return out;
    }

    /** The table writes answers in Python's quoting, as BFCL's files read to a person; JSON needs double quotes. */
    static String python(String s) {
        return s.replace('\'', '"').replace("True", "true").replace("False", "false");
    }
}
