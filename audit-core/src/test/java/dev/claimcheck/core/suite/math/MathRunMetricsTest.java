package dev.claimcheck.core.suite.math;

import static dev.claimcheck.core.stats.MathSamples.math;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.claimcheck.core.model.AttemptError;
import dev.claimcheck.core.model.ErrorCause;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.PassAtK;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MathRunMetricsTest {
    /** Task a: 2 of 4 correct; task b: 0 of 4 (one unknown, one parse failure, one truncated without answer). */
    static List<Sample> run() {
        List<Sample> s = new ArrayList<>();
        s.add(math("a", 0, true, "7", 100));
        s.add(math("a", 1, false, "5", 100));
        s.add(math("a", 2, true, "7", 100));
        s.add(math("a", 3, false, "6", 100));
        s.add(math("b", 0, false, "5", 100));
        s.add(math("b", 1, false, null, 100, "stop", "unknown: step budget"));
        s.add(math("b", 2, false, null, 100));
        s.add(math("b", 3, false, null, 300, "length", "response: no answer (no-answer)"));
        return s;
    }

    @Test
    void passAtKConsAtKAndCountsFromSamples() {
        Metrics m = RunMetrics.of(run(), SuiteRegistry.figures(Workload.MATH));
        var x = m.get(MathFigures.BLOCK);
        assertThat(m.score()).isCloseTo(0.25, within(1e-12));
        assertThat(x.k()).isEqualTo(4);
        assertThat(x.passAtK()).extracting(PassAtK::k).containsExactly(1, 2, 4);
        // Task a: pass@1 = 0.5, pass@2 = 1 − C(2,2)/C(4,2) = 5/6, pass@4 = 1; task b: 0.
        assertThat(x.passAtK().get(0).estimate().value()).isCloseTo(0.25, within(1e-12));
        assertThat(x.passAtK().get(1).estimate().value()).isCloseTo(5.0 / 12, within(1e-12));
        assertThat(x.passAtK().get(2).estimate().value()).isCloseTo(0.5, within(1e-12));
        assertThat(x.passAtK().get(2).estimate().tasks()).isEqualTo(2);
        // Task a votes 7 twice (correct), 5 and 6 once: correct; task b: only 5 voted: wrong.
        assertThat(x.consAtK().value()).isCloseTo(0.5, within(1e-12));
        assertThat(x.correct()).isEqualTo(2);
        assertThat(x.unknown()).isEqualTo(1);
        assertThat(x.parseFailures()).as("the truncated attempt is counted as truncated, not as a parse failure").isEqualTo(1);
        assertThat(m.truncated()).isEqualTo(1);
        assertThat(x.tokensPerCorrect()).isCloseTo(1000.0 / 2, within(1e-12));
        // A t interval over two tasks: values 1 and 0, mean 0.5, clipped to [0, 1].
        assertThat(x.consAtK().ci95Low()).isEqualTo(0.0);
        assertThat(x.consAtK().ci95High()).isEqualTo(1.0);
    }

    @Test
    void journalOrderDoesNotChangeAnything() {
        List<Sample> shuffled = new ArrayList<>(run());
        Collections.reverse(shuffled);
        assertThat(RunMetrics.of(shuffled, SuiteRegistry.figures(Workload.MATH))).isEqualTo(RunMetrics.of(run(), SuiteRegistry.figures(Workload.MATH)));
    }

    @Test
    void tasksWithFewerGradedAttemptsThanKAreLeftOutOfThatPassAtK() {
        List<Sample> s = new ArrayList<>(run());
        s.set(0, new Sample("a", 0, null, "h", null, null, null, null, null, null,
                new AttemptError(ErrorCause.TIMEOUT, "slow", 6), null));
        var x = RunMetrics.of(s, SuiteRegistry.figures(Workload.MATH)).get(MathFigures.BLOCK);
        assertThat(x.passAtK().get(2).estimate().tasks()).isEqualTo(1);
        assertThat(x.passAtK().get(0).estimate().tasks()).isEqualTo(2);
    }

    @Test
    void otherWorkloadsHaveNoMathBlock() {
        assertThat(RunMetrics.of(run(), SuiteRegistry.figures(Workload.ARITH)).get(MathFigures.BLOCK)).isNull();
    }
}
