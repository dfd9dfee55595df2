package dev.claimcheck.core.suite.tau2.retail;

import dev.claimcheck.core.suite.tau2.port.DomainPort;

/**
 * τ²-bench's retail domain, its 16 agent tools written in Java from upstream's {@code src/tau2/domains/retail/tools.py}
 * at {@link #UPSTREAM} (docs/workloads/tau2.md "Built-in ports" lists where it differs). Its database hash is the
 * plain one: upstream's {@code RetailDB} does not canonicalize.
 */
public final class RetailDomain extends DomainPort {
    public static final String UPSTREAM = "2b80cb1fbdbb05697d079d63b8a032f6154aedd2";

    public RetailDomain() {
        super("retail", "retail-port-1", UPSTREAM, RetailReads.tools(), RetailPending.tools(), RetailDelivered.tools());
    }
}
