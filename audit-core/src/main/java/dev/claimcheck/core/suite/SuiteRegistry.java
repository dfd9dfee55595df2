package dev.claimcheck.core.suite;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.stats.ThroughputFigures;
import dev.claimcheck.core.suite.agent.AgentSuite;
import dev.claimcheck.core.suite.arc.ArcSuite;
import dev.claimcheck.core.suite.arith.ArithSuite;
import dev.claimcheck.core.suite.bfcl.BfclSuite;
import dev.claimcheck.core.suite.code.CodeSuite;
import dev.claimcheck.core.suite.docs.DocsSuite;
import dev.claimcheck.core.suite.gaia2.Gaia2Suite;
import dev.claimcheck.core.suite.ifeval.IfevalSuite;
import dev.claimcheck.core.suite.lcb.LcbSuite;
import dev.claimcheck.core.suite.longctx.LongctxSuite;
import dev.claimcheck.core.suite.math.MathSuite;
import dev.claimcheck.core.suite.mrcr.MrcrSuite;
import dev.claimcheck.core.suite.proofs.ProofSuite;
import dev.claimcheck.core.suite.swebench.SwebenchSuite;
import dev.claimcheck.core.suite.tau2.Tau2Suite;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every suite the harness knows; adding a suite adds one line here (docs/contributing.md). */
public final class SuiteRegistry {
    private static final List<Suite> SUITES = List.of(
            new ArithSuite(),
            new MathSuite(),
            new CodeSuite(),
            new LongctxSuite(),
            new DocsSuite(),
            new ArcSuite(),
            new AgentSuite(),
            new IfevalSuite(),
            new LcbSuite(),
            new BfclSuite(),
            new ProofSuite(),
            new MrcrSuite(),
            new Gaia2Suite(),
            new Tau2Suite(),
            new SwebenchSuite());

    private SuiteRegistry() {
    }

    public static List<Suite> all() {
        return SUITES;
    }

    public static Suite byId(String id) {
        return find(id).orElseThrow(() -> new BadInputException("unknown suite '" + id + "' (known: " + ids() + ")"));
    }

    public static Optional<Suite> find(String id) {
        return SUITES.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * The figures of a workload: those its suites declare (all suites of one workload share them, since run.json's
     * layout is the workload's), or the serving bench's, which is not a suite.
     */
    public static Figures figures(Workload workload) {
        if (workload == Workload.THROUGHPUT) {
            return ThroughputFigures.INSTANCE;
        }
        return SUITES.stream().filter(s -> s.workload() == workload).findFirst().map(Suite::figures)
                .orElseThrow(() -> new IllegalStateException("no suite of workload " + workload + " is registered"));
    }

    public static String ids() {
        return SUITES.stream().map(Suite::id).collect(Collectors.joining(", "));
    }
}
