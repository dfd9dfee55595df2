package dev.claimcheck.core.suite;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.suite.agent.AgentSuite;
import dev.claimcheck.core.suite.arith.ArithSuite;
import dev.claimcheck.core.suite.code.CodeSuite;
import dev.claimcheck.core.suite.docs.DocsSuite;
import dev.claimcheck.core.suite.longctx.LongctxSuite;
import dev.claimcheck.core.suite.math.MathSuite;
import java.util.List;
import java.util.stream.Collectors;

/** Every suite the harness knows; adding a suite adds one line here. */
public final class SuiteRegistry {
    private static final List<Suite> SUITES = List.of(
            new ArithSuite(),
            new MathSuite(),
            new CodeSuite(),
            new LongctxSuite(),
            new DocsSuite(),
            new AgentSuite());

    private SuiteRegistry() {
    }

    public static List<Suite> all() {
        return SUITES;
    }

    public static Suite byId(String id) {
        return SUITES.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new BadInputException("unknown suite '" + id + "' (known: " + ids() + ")"));
    }

    public static String ids() {
        return SUITES.stream().map(Suite::id).collect(Collectors.joining(", "));
    }
}
