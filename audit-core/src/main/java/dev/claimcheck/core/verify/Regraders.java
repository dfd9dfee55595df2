package dev.claimcheck.core.verify;

import dev.claimcheck.core.suite.agent.AgentReplay;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The re-graders by suite id. A suite added later brings its re-grader here (one line); a suite without one is "not re-graded". */
public final class Regraders {
    private final Map<String, Regrader> bySuite;

    public Regraders(List<Regrader> regraders) {
        this.bySuite = regraders.stream().flatMap(r -> r.suiteIds().stream().map(id -> Map.entry(id, r)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every re-grader the harness has. */
    public static Regraders standard() {
        return standard(false);
    }

    /** Every re-grader, with code programs re-executed in the sandbox when {@code reexecute} ({@code verify --reexecute}). */
    public static Regraders standard(boolean reexecute) {
        return new Regraders(List.of(
                new GeneratedSuiteRegrader(List.of("arith", "longctx", "docs")),
                new RecordedAnswerRegrader(List.of("math")),
                new RecordedTestsRegrader(List.of("code"), reexecute),
                new GeneratedSuiteRegrader(List.of("agent"), (suite, task, s) -> AgentReplay.verdict(task, s), true),
                new ServingRegrader(List.of("serving"))));
    }

    public Optional<Regrader> forSuite(String suiteId) {
        return Optional.ofNullable(bySuite.get(suiteId));
    }

    public Map<String, Regrader> all() {
        return bySuite.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                java.util.TreeMap::new));
    }

}
