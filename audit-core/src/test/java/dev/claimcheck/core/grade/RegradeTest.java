package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Verdict;
import org.junit.jupiter.api.Test;

class RegradeTest {
    static Sample recorded(String content, String expected, String version) {
        return new Sample("t", 0, null, "h", null, null, new Response(content, "reasoning \\boxed{1}", null, "stop"),
                null, null, new Verdict(false, 0, null, expected, MathGrader.ID, version, "as recorded"), null, null);
    }

    @Test
    void regradesTheRecordedContentAgainstTheRecordedExpectedAnswer() {
        Verdict v = Regrade.of(recorded("so the answer is \\boxed{\\frac{5}{6}}", "\\frac{5}{6}", MathGrader.VERSION));
        assertThat(v.correct()).isTrue();
        assertThat(v.graderVersion()).isEqualTo(MathGrader.VERSION);
        // The separate reasoning field is never graded.
        assertThat(Regrade.of(recorded("no idea", "1", MathGrader.VERSION)).correct()).isFalse();
    }

    @Test
    void aRunGradedByVersionOneIsRegradedWithVersionOne() {
        String response = "The answer is 7, because the total is 12.";
        Verdict v1 = Regrade.of(recorded(response, "12", "1"));
        assertThat(v1.graderVersion()).isEqualTo("1");
        assertThat(v1.correct()).as(v1.detail()).isTrue();
        assertThat(Regrade.of(recorded(response, "12", "2")).correct()).isFalse();
    }

    @Test
    void aRunGradedByVersionTwoIsRegradedWithVersionTwo() {
        // v3 reads a one-sided inequality as the interval it names; v2 did not.
        Verdict v2 = Regrade.of(recorded("\\boxed{x > 1}", "(1, \\infty)", "2"));
        assertThat(v2.graderVersion()).isEqualTo("2");
        assertThat(v2.correct()).as(v2.detail()).isFalse();
        assertThat(Regrade.of(recorded("\\boxed{x > 1}", "(1, \\infty)", "3")).correct()).isTrue();
    }

    @Test
    void anUnavailableGraderVersionIsBadInput() {
        assertThatThrownBy(() -> Regrade.of(recorded("\\boxed{1}", "1", "0")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("version 0 is not available")
                .hasMessageContaining("this harness has 3, 2, 1");
    }
}
