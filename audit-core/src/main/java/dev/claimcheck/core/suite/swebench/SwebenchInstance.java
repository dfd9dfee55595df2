package dev.claimcheck.core.suite.swebench;

import java.util.List;

/**
 * One task instance of SWE-bench Verified as published ({@code princeton-nlp/SWE-bench_Verified}): a repository at a
 * commit, the issue, the reference patch, the test patch that adds the checking tests, and the two test lists the
 * harness judges by (every FAIL_TO_PASS and every PASS_TO_PASS test must pass for "resolved").
 */
public record SwebenchInstance(String instanceId, String repo, String baseCommit, String problemStatement,
                               String patch, String testPatch, List<String> failToPass, List<String> passToPass,
                               String version, String environmentSetupCommit) {
    public SwebenchInstance {
        failToPass = List.copyOf(failToPass);
        passToPass = List.copyOf(passToPass);
    }
}
