package dev.claimcheck.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each engine's wording for a prompt plus max_tokens over the context, and what is not that. */
class ContextLengthErrorTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            vLLM before 0.10          | 400 | This model's maximum context length is 4096 tokens. However, you requested 5000 tokens (904 in the messages, 4096 in the completion). | true
            vLLM current              | 400 | 'max_tokens' or 'max_completion_tokens' is too large: 8000. This model's maximum context length is 4096 tokens and your request has 2778 input tokens (8000 > 4096 - 2778). | true
            OpenAI                    | 400 | {"error":{"code":"context_length_exceeded"}}                                   | true
            SGLang                    | 400 | Requested token count exceeds the model's maximum context length: input is longer than the model's context length | true
            llama.cpp current         | 400 | {"error":{"code":400,"message":"the request exceeds the available context size, try increasing it","type":"exceed_context_size_error"}} | true
            llama.cpp first builds    | 500 | {"error":{"code":500,"message":"the request exceeds the available context size. try increasing the context size or enable context shift","type":"exceed_context_size_error"}} | true
            a plain bad request       | 400 | {"error":{"message":"temperature must be non-negative"}}                        | false
            a 500 with other wording  | 500 | {"error":{"message":"maximum context length is 4096"}}                          | false
            """)
    void recognisesEachEnginesWording(String engine, int status, String body, boolean expected) {
        assertThat(ContextLengthError.matches(status, body)).isEqualTo(expected);
    }
}
