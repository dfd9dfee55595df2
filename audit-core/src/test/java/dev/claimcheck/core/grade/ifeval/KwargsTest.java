package dev.claimcheck.core.grade.ifeval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.BadInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A kwarg a checker needs that is missing or ill-typed is an error naming the instruction and the kwarg. */
class KwargsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            length_constraints:number_words       | {"relation":"at least"}                          | instruction length_constraints:number_words: kwarg num_words is missing
            length_constraints:number_words       | {"relation":"at least","num_words":null}         | instruction length_constraints:number_words: kwarg num_words is missing
            length_constraints:number_words       | {"relation":"at least","num_words":"300"}        | instruction length_constraints:number_words: kwarg num_words must be an integer, got "300"
            length_constraints:number_words       | {"relation":"more than","num_words":3}           | instruction length_constraints:number_words: kwarg relation must be "less than" or "at least", got "more than"
            length_constraints:number_words       | {"relation":"at least","num_words":-1}           | instruction length_constraints:number_words: kwarg num_words must be at least 0, got -1
            keywords:existence                    | {"keywords":"garden"}                            | instruction keywords:existence: kwarg keywords must be a non-empty list of strings, got "garden"
            keywords:letter_frequency             | {"letter":"ab","let_frequency":2,"let_relation":"at least"} | instruction keywords:letter_frequency: kwarg letter must be one letter a-z, got "ab"
            language:response_language            | {"language":"zh"}                                | instruction language:response_language: kwarg language "zh" is not a language our detector supports
            length_constraints:nth_paragraph_first_word | {"num_paragraphs":2,"nth_paragraph":3,"first_word":"so"} | instruction length_constraints:nth_paragraph_first_word: kwarg nth_paragraph must be at most num_paragraphs (2), got 3
            punctuation:no_comma                  | {"num_words":3}                                  | instruction punctuation:no_comma: kwarg num_words is not a kwarg of this instruction (it takes none)
            detectable_content:postscript         | []                                               | instruction detectable_content:postscript: kwargs must be a JSON object
            """)
    void aBadKwargIsNamed(String id, String kwargs, String message) throws Exception {
        assertThatThrownBy(() -> Instruction.of(id).bind(JSON.readTree(kwargs))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void nullValuedKwargsOfOtherInstructionsAreAbsent() throws Exception {
        Check c = Instruction.PUNCTUATION_NO_COMMA.bind(JSON.readTree("{\"num_words\":null,\"keywords\":null}"));
        assertThat(c.follows("no comma")).isTrue();
    }

    @Test
    void anUnknownInstructionIdIsNamed() {
        assertThatThrownBy(() -> Instruction.of("punctuation:no_semicolon")).isInstanceOf(BadInputException.class)
                .hasMessage("unknown instruction id \"punctuation:no_semicolon\"");
    }

    @Test
    void theSpecNamesAMismatchOfInstructionsAndKwargs() throws Exception {
        assertThatThrownBy(() -> IfevalSpec.of(JSON.readTree("[\"punctuation:no_comma\",\"startend:quotation\"]"),
                JSON.readTree("[{}]"))).isInstanceOf(BadInputException.class)
                .hasMessage("kwargs must be a list with one object per instruction (2 instructions, 1 kwargs objects)");
    }
}
