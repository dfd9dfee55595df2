package dev.claimcheck.core.grade.bfcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Prompt-mode replies read as calls; anything else reads as no call. */
class PythonCallsTest {
    @Test
    void readsABracketedListOfCallsWithPythonLiterals() {
        List<Call> calls = PythonCalls.decode("[a.b(x=1, y='s', z=[1.5, -2e3], t=(True, None)), c(d={'k': \"v\"})]").orElseThrow();
        assertThat(calls).extracting(Call::name).containsExactly("a.b", "c");
        assertThat(calls.get(0).arguments().get("x").isIntegralNumber()).isTrue();
        assertThat(calls.get(0).arguments().get("y").asText()).isEqualTo("s");
        assertThat(calls.get(0).arguments().get("z").toString()).isEqualTo("[1.5,-2000.0]");
        assertThat(calls.get(0).arguments().get("t").toString()).isEqualTo("[true,null]");
        assertThat(calls.get(1).arguments().get("d").toString()).isEqualTo("{\"k\":\"v\"}");
    }

    @Test
    void acceptsABareCallAndACodeFence() {
        assertThat(PythonCalls.decode("f(a=1)").orElseThrow()).hasSize(1);
        assertThat(PythonCalls.decode("```python\n[f(a='x\\'y')]\n```").orElseThrow().get(0).arguments().get("a").asText())
                .isEqualTo("x'y");
        assertThat(PythonCalls.decode("[f()]").orElseThrow().get(0).arguments()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            prose                       | I cannot help with that.
            positional argument         | f(1)
            text after the calls        | [f(a=1)] and more
            unknown bare word           | f(a=maybe)
            unterminated string         | f(a='x)
            argument given twice        | f(a=1, a=2)
            empty list                  | []
            """)
    void readsAnythingElseAsNoCall(String name, String text) {
        assertThat(PythonCalls.decode(text)).isEmpty();
    }
}
