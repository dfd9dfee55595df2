package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.ifeval.IfevalDetail;
import dev.claimcheck.core.model.Verdict;
import org.junit.jupiter.api.Test;

class IfevalGraderTest {
    static final String EXPECTED = "{\"instruction_id_list\":[\"punctuation:no_comma\",\"startend:end_checker\"],"
            + "\"kwargs\":[{},{\"end_phrase\":\"Bye.\"}]}";
    final IfevalGrader grader = new IfevalGrader();

    @Test
    void correctMeansEveryInstructionFollowedStrictly() {
        Verdict v = grader.grade("Hello there. Bye.", EXPECTED);
        assertThat(v.correct()).isTrue();
        assertThat(v.grader()).isEqualTo("ifeval");
        assertThat(v.graderVersion()).isEqualTo("1");
        IfevalDetail d = IfevalDetail.parse(v.detail()).orElseThrow();
        assertThat(d.instructions()).containsExactly(new IfevalDetail.Followed("punctuation:no_comma", true, true),
                new IfevalDetail.Followed("startend:end_checker", true, true));
        assertThat(d.reason()).isEqualTo("followed");
    }

    @Test
    void theDetailRecordsStrictAndLoosePerInstruction() {
        Verdict v = grader.grade("Hello, there.\nSee you, Bye.\nThanks, friend", EXPECTED);
        assertThat(v.correct()).isFalse();
        IfevalDetail d = IfevalDetail.parse(v.detail()).orElseThrow();
        assertThat(d.instructions()).containsExactly(new IfevalDetail.Followed("punctuation:no_comma", false, false),
                new IfevalDetail.Followed("startend:end_checker", false, true));
        assertThat(d.reason()).isEqualTo("not followed: punctuation:no_comma, startend:end_checker");
        assertThat(d.allLoose()).isFalse();
    }

    @Test
    void anExpectedAnswerThatIsNotIfevalJsonIsAVerdictWithAReasonNotAnException() {
        Verdict v = grader.grade("anything", "{\"instruction_id_list\":[\"x:y\"],\"kwargs\":[{}]}");
        assertThat(v.correct()).isFalse();
        assertThat(IfevalDetail.parse(v.detail()).orElseThrow().reason()).isEqualTo("unknown instruction id \"x:y\"");
        assertThat(grader.grade("anything", "not json").correct()).isFalse();
    }

    @Test
    void anOversizedResponseFollowsNothing() {
        Verdict v = grader.grade("a".repeat(IfevalGrader.MAX_RESPONSE_CHARS + 1), EXPECTED);
        assertThat(v.correct()).isFalse();
        assertThat(IfevalDetail.parse(v.detail()).orElseThrow().instructions()).hasSize(2)
                .allSatisfy(f -> assertThat(f.loose()).isFalse());
    }

    @Test
    void itIsRegisteredForGradeAt() {
        assertThat(Graders.byId("ifeval")).isInstanceOf(IfevalGrader.class);
    }
}
