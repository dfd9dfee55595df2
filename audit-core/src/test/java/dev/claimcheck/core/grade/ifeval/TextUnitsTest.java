package dev.claimcheck.core.grade.ifeval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextUnitsTest {
    @ParameterizedTest(name = "{1} in \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            One. Two! Three?                              | 3
            Dr. Who met Mr. Smith at 3.30 p.m. today.     | 2
            He said "stop." Then he left.                 | 2
            Wait... what?! Really.                        | 3
            No terminator at all                          | 1
            J. R. R. Tolkien wrote books.                 | 1
            e.g. this one. And that one.                  | 2
            """)
    void sentences(String text, int count) {
        assertThat(TextUnits.sentences(text)).hasSize(count);
    }

    @ParameterizedTest(name = "{1} in \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            It's a well-known fact.      | 6
            naïve café über               | 3
            3.14 is pi                    | 4
            """)
    void words(String text, int count) {
        assertThat(TextUnits.words(text)).hasSize(count);
    }
}
