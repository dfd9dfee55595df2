package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerSetGraderTest {
    final AnswerSetGrader grader = new AnswerSetGrader();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the cue line                          | Let me look.\\nAnswer: 4821937                              | 4821937                     | true
            no cue: the last line                 | The value is given in section 3.\\n4821937.                  | 4821937                     | true
            quoted and bold                       | Answer: **"4821937"**                                       | 4821937                     | true
            a different value                     | Answer: 4821938                                             | 4821937                     | false
            a set in another order                | Answer: v_qrtk, v_bdfg and v_zzxx                           | v_bdfg, v_qrtk, v_zzxx      | true
            a set missing one value               | Answer: v_qrtk, v_bdfg                                      | v_bdfg, v_qrtk, v_zzxx      | false
            a set with an extra value             | Answer: 1111111; 2222222; 3333333                           | 1111111, 2222222            | false
            case and spacing of a place           | ANSWER:   port   ambrose                                    | Port Ambrose                | true
            the last cue wins                     | Answer: 1\\nOn reflection,\\nanswer: ORCHID                  | ORCHID                      | true
            an empty answer                       | Answer:                                                     | ORCHID                      | false
            """)
    void gradesAnswersAsNormalisedSets(String name, String response, String expected, boolean correct) {
        assertThat(grader.grade(response.replace("\\n", "\n"), expected).correct()).isEqualTo(correct);
    }

    @Test
    void hostileOutputIsAVerdict() {
        assertThat(grader.grade(null, "1").correct()).isFalse();
        assertThat(grader.grade("Answer: " + "9,".repeat(10_000), "9").detail()).startsWith("answer longer than");
        assertThat(grader.grade("\u0000\uFFFF{{{", "1").correct()).isFalse();
    }
}
