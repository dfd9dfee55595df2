package dev.claimcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.suite.RegradeMethod;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteRegistry;
import org.junit.jupiter.api.Test;

/** Every registered suite is re-graded by the method it declares; nothing is keyed by a suite id list in verify/. */
class RegradersTest {
    @Test
    void everyRegisteredSuiteAndTheServingBenchHaveARegrader() {
        Regraders all = Regraders.standard();
        for (Suite suite : SuiteRegistry.all()) {
            assertThat(all.forSuite(suite.id())).as(suite.id()).isPresent();
        }
        assertThat(all.forSuite("serving")).get().isInstanceOf(ServingRegrader.class);
    }

    @Test
    void eachMethodHasItsOwnRegrader() {
        for (RegradeMethod m : RegradeMethod.values()) {
            assertThat(Regraders.of(m, false)).as(m.name()).isNotNull();
        }
        assertThat(Regraders.of(RegradeMethod.RECORDED_ANSWER, false)).isInstanceOf(RecordedAnswerRegrader.class);
        assertThat(Regraders.of(RegradeMethod.RECORDED_TESTS, true)).isInstanceOf(RecordedTestsRegrader.class);
    }

    @Test
    void anUnknownSuiteOrAnEmptySetIsNotRegraded() {
        assertThat(Regraders.standard().forSuite("nope")).isEmpty();
        assertThat(Regraders.standard().forSuite("")).isEmpty();
        assertThat(Regraders.none().forSuite("arith")).isEmpty();
        assertThat(Regraders.none().forSuite("serving")).isEmpty();
    }
}
