package dev.claimcheck.core.verify;

import dev.claimcheck.core.suite.RegradeMethod;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.suite.agent.AgentReplay;
import dev.claimcheck.core.suite.swebench.SwebenchReplay;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The re-graders: a registered suite declares its {@link RegradeMethod} ({@code Suite.regrade()}), mapped here to its
 * re-grader by an exhaustive switch, so a new suite needs no line here; the serving bench (no suite) has its own. A
 * run whose suite is unknown, or that this set lacks, is "not re-graded".
 */
public final class Regraders {
    private final Map<RegradeMethod, Regrader> byMethod;
    private final Regrader serving;

    private Regraders(Map<RegradeMethod, Regrader> byMethod, Regrader serving) {
        this.byMethod = byMethod.isEmpty() ? Map.of() : new EnumMap<>(byMethod);
        this.serving = serving;
    }

    /** Every re-grader the harness has. */
    public static Regraders standard() {
        return standard(false);
    }

    /** Every re-grader, with code programs re-executed in the sandbox when {@code reexecute} ({@code verify --reexecute}). */
    public static Regraders standard(boolean reexecute) {
        return standard(reexecute, false);
    }

    /** As above, with proof judges and math answer judges asked again when {@code rejudge} ({@code verify --rejudge}). */
    public static Regraders standard(boolean reexecute, boolean rejudge) {
        Map<RegradeMethod, Regrader> byMethod = new EnumMap<>(RegradeMethod.class);
        for (RegradeMethod m : RegradeMethod.values()) {
            byMethod.put(m, of(m, reexecute, rejudge));
        }
        return new Regraders(byMethod, new ServingRegrader());
    }

    /** No re-grader at all: every run is "not re-graded" (tests of the other checks). */
    public static Regraders none() {
        return new Regraders(Map.of(), null);
    }

    static Regrader of(RegradeMethod method, boolean reexecute) {
        return of(method, reexecute, false);
    }

    static Regrader of(RegradeMethod method, boolean reexecute, boolean rejudge) {
        return switch (method) {
            case REGENERATE -> new GeneratedSuiteRegrader();
            case RECORDED_ANSWER -> new RecordedAnswerRegrader(rejudge);
            case RECORDED_TESTS -> new RecordedTestsRegrader(reexecute);
            case AGENT_REPLAY -> new GeneratedSuiteRegrader((suite, task, s) -> AgentReplay.verdict(task, s), true);
            case RECORDED_JUDGES -> new RecordedJudgesRegrader(rejudge);
            case RECORDED_TEST_LOG -> new GeneratedSuiteRegrader((suite, task, s) -> SwebenchReplay.verdict(task, s), true);
        };
    }

    public Optional<Regrader> forSuite(String suiteId) {
        if (ComparisonCheck.SERVING.equals(suiteId)) {
            return Optional.ofNullable(serving);
        }
        return SuiteRegistry.find(suiteId).map(s -> byMethod.get(s.regrade()));
    }
}
