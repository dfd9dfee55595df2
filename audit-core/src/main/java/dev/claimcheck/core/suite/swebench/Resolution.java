package dev.claimcheck.core.suite.swebench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The harness's verdict over one instance's two test lists: a listed test succeeds when its status is PASSED or
 * XFAIL, fails when it is FAILED, ERROR or absent from the log, and (as upstream) counts as neither when SKIPPED.
 * Resolved means no FAIL_TO_PASS and no PASS_TO_PASS test failed (the harness's "FULL" status).
 */
public record Resolution(List<String> failToPassSuccess, List<String> failToPassFailure,
                         List<String> passToPassSuccess, List<String> passToPassFailure) {
    public Resolution {
        failToPassSuccess = List.copyOf(failToPassSuccess);
        failToPassFailure = List.copyOf(failToPassFailure);
        passToPassSuccess = List.copyOf(passToPassSuccess);
        passToPassFailure = List.copyOf(passToPassFailure);
    }

    public static Resolution of(SwebenchInstance instance, Map<String, TestStatus> statuses) {
        List<String> f2pOk = new ArrayList<>();
        List<String> f2pBad = new ArrayList<>();
        List<String> p2pOk = new ArrayList<>();
        List<String> p2pBad = new ArrayList<>();
        sort(instance.failToPass(), statuses, f2pOk, f2pBad);
        sort(instance.passToPass(), statuses, p2pOk, p2pBad);
        return new Resolution(f2pOk, f2pBad, p2pOk, p2pBad);
    }

    public boolean resolved() {
        return failToPassFailure.isEmpty() && passToPassFailure.isEmpty();
    }

    private static void sort(List<String> tests, Map<String, TestStatus> statuses, List<String> ok, List<String> bad) {
        for (String test : tests) {
            TestStatus status = statuses.get(test);
            if (status != null && status.passed()) {
                ok.add(test);
            } else if (status == null || status == TestStatus.FAILED || status == TestStatus.ERROR) {
                bad.add(test);
            }
        }
    }
}
