package dev.claimcheck.core.suite.tau2.port;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link PortedDomain} from its name, version, upstream commit and tool groups (the tools listed by name). */
public abstract class DomainPort implements PortedDomain {
    private final String domain;
    private final String version;
    private final String upstreamCommit;
    private final List<PortedTool> tools;

    @SafeVarargs
    protected DomainPort(String domain, String version, String upstreamCommit, List<PortedTool>... groups) {
        this.domain = domain;
        this.version = version;
        this.upstreamCommit = upstreamCommit;
        List<PortedTool> all = new ArrayList<>();
        for (List<PortedTool> g : groups) {
            all.addAll(g);
        }
        all.sort(Comparator.comparing(PortedTool::name));
        this.tools = List.copyOf(all);
    }

    @Override
    public final String domain() {
        return domain;
    }

    @Override
    public final String version() {
        return version;
    }

    @Override
    public final String upstreamCommit() {
        return upstreamCommit;
    }

    @Override
    public final List<PortedTool> tools() {
        return tools;
    }
}
