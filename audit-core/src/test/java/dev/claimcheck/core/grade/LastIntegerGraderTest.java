package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LastIntegerGraderTest {
    private static final LastIntegerGrader GRADER = new LastIntegerGrader();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain last number              | 18   | She earns 9 * 2 = 18 dollars.            | true
            last number wins               | 18   | 18 eggs, so 3 are left                   | false
            thousands comma removed        | 1234 | The total is 1,234.                      | true
            box read as digits             | 42   | So \\boxed{42}.                          | true
            sign is not read               | 3    | It drops to -3 degrees                   | true
            negative gold read as digits   | -3   | It drops to 3 degrees                    | true
            decimal reads its last digits  | 5    | The price is 2.5                         | true
            decimal gold                   | 2    | The price is 2.5                         | false
            worked solution as gold        | 'sold 48/2 = 24.\n#### 72' | The answer is 72 | true
            leading zero is invalid        | 7    | The code is 007                          | false
            zeros read as zero             | 0    | It is 00                                 | true
            no digits is invalid           | 7    | I cannot tell                            | false
            next question text counts      | 5    | 5 apples. Question: Tom has 6            | false
            """)
    void readsTheLastDigitRunLikeTheScript(String name, String gold, String pred, boolean equal) {
        var v = GRADER.grade(pred, gold);
        assertThat(v.correct()).as(name + " " + v.detail()).isEqualTo(equal);
        assertThat(v.grader()).isEqualTo("last-integer");
        assertThat(v.graderVersion()).isEqualTo("1");
    }

    @Test
    void aResponseWithoutDigitsIsInvalidNotAnError() {
        var v = GRADER.grade(null, "4");
        assertThat(v.correct()).isFalse();
        assertThat(v.extracted()).isNull();
        assertThat(v.detail()).startsWith("invalid");
    }

    @Test
    void isRegistered() {
        assertThat(Graders.byId("last-integer")).isInstanceOf(LastIntegerGrader.class);
    }
}
