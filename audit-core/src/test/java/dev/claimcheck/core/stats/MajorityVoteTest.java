package dev.claimcheck.core.stats;

import static dev.claimcheck.core.stats.MathSamples.math;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MajorityVoteTest {
    @Test
    void theMostFrequentAnswerWins() {
        assertThat(MajorityVote.correct(List.of(math("t", 0, false, "5", 1), math("t", 1, true, "7", 1),
                math("t", 2, true, "7", 1)))).isTrue();
        assertThat(MajorityVote.correct(List.of(math("t", 0, false, "5", 1), math("t", 1, true, "7", 1),
                math("t", 2, false, "5", 1)))).isFalse();
    }

    @Test
    void correctAnswersWrittenDifferentlyVoteTogether() {
        // 7, 7.0 and \frac{14}{2} are all graded equal to the gold: three votes against two for 5.
        assertThat(MajorityVote.correct(List.of(math("t", 0, true, "7", 1), math("t", 1, true, "7.0", 1),
                math("t", 2, true, "\\frac{14}{2}", 1), math("t", 3, false, "5", 1), math("t", 4, false, "5", 1)))).isTrue();
    }

    @Test
    void aTieGoesToTheAnswerGivenFirstWhateverTheJournalOrder() {
        var wrongFirst = List.of(math("t", 1, true, "7", 1), math("t", 0, false, "5", 1));
        var rightFirst = List.of(math("t", 1, false, "5", 1), math("t", 0, true, "7", 1));
        assertThat(MajorityVote.correct(wrongFirst)).isFalse();
        assertThat(MajorityVote.correct(rightFirst)).isTrue();
    }

    @Test
    void attemptsWithoutAnAnswerDoNotVote() {
        assertThat(MajorityVote.correct(List.of(math("t", 0, false, null, 1), math("t", 1, false, null, 1),
                math("t", 2, true, "7", 1)))).isTrue();
        assertThat(MajorityVote.correct(List.of(math("t", 0, false, null, 1)))).isFalse();
    }
}
