package dev.claimcheck.core.proof;

import static dev.claimcheck.core.proof.ProofsTest.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.AttemptError;
import dev.claimcheck.core.model.ErrorCause;
import dev.claimcheck.core.model.Sample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProofSelectorTest {
    static String picks(List<Sample> samples) {
        return String.join(" ", ProofSelector.select(samples).stream()
                .map(s -> s.sample().taskId() + "#" + s.sample().attempt() + ":" + s.why()).toList());
    }

    @Test
    void oneAttemptMayFillSeveralRolesAndTheChoiceIgnoresJournalOrder() {
        List<Sample> samples = new ArrayList<>(List.of(
                sample("t2", 0, true, 10, "stop", null, "x", null),
                sample("t1", 1, true, 10, "stop", null, "x", null),
                sample("t1", 0, false, 90, "length", null, "x", null),
                new Sample("t0", 0, null, "h", null, null, null, null, null, null,
                        new AttemptError(ErrorCause.TIMEOUT, "slow", 6), null)));
        String expected = "t1#1:correct t1#0:wrong+longest+truncated";
        assertThat(picks(samples)).isEqualTo(expected);
        Collections.reverse(samples);
        assertThat(picks(samples)).isEqualTo(expected);
    }

    @Test
    void atMostFourAndNoneWithoutGradedAttempts() {
        List<Sample> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(sample("t" + i, 0, i % 2 == 0, i, i % 3 == 0 ? "length" : "stop", null, "x", null));
        }
        assertThat(ProofSelector.select(many)).hasSizeLessThanOrEqualTo(ProofSelector.MAX);
        assertThat(picks(many)).isEqualTo("t0#0:correct+truncated t1#0:wrong t19#0:longest");
        assertThat(ProofSelector.select(List.of())).isEmpty();
    }
}
