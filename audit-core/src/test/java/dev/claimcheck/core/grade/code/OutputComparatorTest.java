package dev.claimcheck.core.grade.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputComparatorTest {
    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', textBlock = """
            3\\n                | 3                | true  | trailing newline is stripped
            '  1 2 \\n3  '      | 1 2\\n3           | true  | each line is stripped
            1.0                 | 1                | true  | numeric tokens compare as decimals
            0.50 2              | 0.5 2.000        | true  | several numeric tokens
            1e3                 | 1000             | true  | exponent notation is a decimal
            3                   | 4                | false | different number
            1 2                 | 1 2 3            | false | token counts differ
            1\\n2               | 1                | false | line counts differ
            Yes                 | YES              | false | case matters
            ''                  | ''               | true  | empty matches empty
            a b                 | a  b             | false | inner spacing of words matters
            """)
    void stdoutComparison(String actual, String expected, boolean equal, String name) {
        assertThat(OutputComparator.stdoutMatches(actual.replace("\\n", "\n"), expected.replace("\\n", "\n")))
                .isEqualTo(equal);
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', textBlock = """
            [1, 2]          | [1,2]        | true  | whitespace in JSON does not matter
            1.0             | 1            | true  | numbers compare as decimals
            true            | 1            | false | a boolean is not a number
            '"ab"'          | '"ab"'       | true  | strings
            [[1],[2,3]]     | [[1],[2]]    | false | nested lists differ
            '{"a":1}'       | '{"a":1.0}'  | true  | objects by key
            null            | null         | true  | None
            """)
    void returnValueComparison(String actual, String expected, boolean equal, String name) {
        assertThat(OutputComparator.returnMatches(actual, expected)).isEqualTo(equal);
    }
}
