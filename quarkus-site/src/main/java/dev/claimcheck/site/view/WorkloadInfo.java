package dev.claimcheck.site.view;

import dev.claimcheck.core.model.Workload;

/** How each workload is titled and explained on the pages (the set of workloads is closed: an exhaustive switch). */
public record WorkloadInfo(String title, String measured) {
    public static WorkloadInfo of(Workload w) {
        return switch (w) {
            case ARITH -> new WorkloadInfo("Arithmetic", "accuracy on generated multi-step word problems, exact integer match of the boxed answer");
            case MATH -> new WorkloadInfo("Math", "avg@k over k attempts per problem, graded by math answer equivalence");
            case CODE -> new WorkloadInfo("Code", "pass@1: programs run against the tests in a sandbox");
            case AGENT -> new WorkloadInfo("Agent", "success rate of tool-calling episodes, final state re-checked");
            case LONGCTX -> new WorkloadInfo("Long context", "mean accuracy over context-length cells");
            case DOCS -> new WorkloadInfo("Documents", "grounded accuracy of answers from documents");
            case THROUGHPUT -> new WorkloadInfo("Throughput", "serving throughput; no score");
        };
    }
}
