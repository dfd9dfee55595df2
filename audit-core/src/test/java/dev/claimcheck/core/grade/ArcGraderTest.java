package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact match of the reply's last grid against the expected one; {@code |} in the table is a line break. */
class ArcGraderTest {
    private final ArcGrader grader = new ArcGrader();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            the same grid;                          012|340;                                  012|340; true;  equal (rows)
            the same grid as JSON;                  [[0,1,2],[3,4,0]];                        012|340; true;  equal (json)
            after prose, in a fence;                So:|```|0 1 2|3 4 0|```;                  012|340; true;  equal (rows)
            one cell off;                           012|341;                                  012|340; false; cells differ: 1 of 6 (rows)
            transposed;                             03|14|20;                                 012|340; false; wrong shape: 3x2, expected 2x3 (rows)
            a row missing;                          012;                                      012|340; false; wrong shape: 1x3, expected 2x3 (rows)
            ragged is not repaired;                 012|34;                                   012|340; false; malformed grid: ragged: row 2 has 2 cells, row 1 has 3
            no grid;                                I give up.;                               012|340; false; no grid in the response
            an earlier right grid does not count;   012|340||or maybe|012|341;                012|340; false; cells differ: 1 of 6 (rows)
            thinking is never graded;               <think>012|340</think>|I am unsure.;      012|340; false; no grid in the response
            the answer after thinking;              <think>999|999</think>|012|340;           012|340; true;  equal (rows)
            unclosed thinking hides what follows;   Answer below.|<think>012|340;             012|340; false; no grid in the response
            """)
    void gradesExactMatch(String name, String reply, String expected, boolean correct, String detail) {
        Verdict v = grader.grade(reply.replace('|', '\n'), expected.replace('|', '\n'));
        assertThat(v.correct()).as(name).isEqualTo(correct);
        assertThat(v.detail()).as(name).isEqualTo(detail);
        assertThat(v.score()).isEqualTo(correct ? 1.0 : 0.0);
        assertThat(v.grader()).isEqualTo("arc-grid");
        assertThat(v.graderVersion()).isEqualTo("1");
        assertThat(v.expected()).isEqualTo(expected.replace('|', '\n'));
    }

    @Test
    void theExtractedAnswerIsTheGridAsRowsOfDigits() {
        assertThat(grader.grade("[[1, 2], [3, 4]]", "12\n34").extracted()).isEqualTo("12\n34");
        assertThat(grader.grade("5 6\n7 8", "12\n34").extracted()).isEqualTo("56\n78");
        assertThat(grader.grade("nothing", "12\n34").extracted()).isNull();
    }

    @Test
    void aNullReplyOrABadExpectedAnswerIsAVerdictNotAnException() {
        assertThat(grader.grade(null, "1").detail()).isEqualTo("no grid in the response");
        Verdict bad = grader.grade("1", "1\n22");
        assertThat(bad.correct()).isFalse();
        assertThat(bad.detail()).isEqualTo("expected answer is not a grid: ragged: row 2 has 2 cells, row 1 has 1");
    }

    @Test
    void itIsRegisteredForGradeAndVerify() {
        assertThat(Graders.byIdAndVersion("arc-grid", "1")).isInstanceOf(ArcGrader.class);
    }
}
