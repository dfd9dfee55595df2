package dev.claimcheck.core.suite.tau2.retail;

import dev.claimcheck.core.suite.tau2.port.PortedDomain;
import dev.claimcheck.core.suite.tau2.port.PortedTool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * τ²-bench's retail domain, its 15 agent tools written in Java from upstream's {@code src/tau2/domains/retail/tools.py}
 * at {@link #UPSTREAM} (docs/workloads/tau2.md "Built-in ports" lists where it differs). Its database hash is the
 * plain one: upstream's {@code RetailDB} does not canonicalize.
 */
public final class RetailDomain implements PortedDomain {
    public static final String UPSTREAM = "2b80cb1fbdbb05697d079d63b8a032f6154aedd2";
    private static final List<PortedTool> TOOLS = allTools();

    private static List<PortedTool> allTools() {
        List<PortedTool> all = new ArrayList<>(RetailReads.tools());
        all.addAll(RetailPending.tools());
        all.addAll(RetailDelivered.tools());
        all.sort(Comparator.comparing(PortedTool::name));
        return List.copyOf(all);
    }

    @Override
    public String domain() {
        return "retail";
    }

    @Override
    public String version() {
        return "retail-port-1";
    }

    @Override
    public String upstreamCommit() {
        return UPSTREAM;
    }

    @Override
    public List<PortedTool> tools() {
        return TOOLS;
    }
}
