package dev.claimcheck.core.suite.swebench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The harness's rules for django's, sympy's and seaborn's logs, on made-up logs in each runner's format (the official
 * harness's log parsers, re-implemented): the cases each rule exists for.
 */
class OtherLogStylesTest {
    @Test
    void djangoReadsTheRunnersVerboseLinesAndTheFailureHeaders() {
        String log = String.join("\n",
                "test_strip (utils_tests.test_text.TestUtilsText) ... ok",
                "test_upper (utils_tests.test_text.TestUtilsText) ... FAIL",
                "test_lower (utils_tests.test_text.TestUtilsText) ... ERROR",
                "test_slow (utils_tests.test_text.TestUtilsText) ... skipped 'slow'",
                "test_ok_upper (utils_tests.test_text.TestUtilsText) ...  OK",
                // The "ok" on a line of its own, after output the test printed.
                "test_noisy (utils_tests.test_text.TestUtilsText) ... some output",
                "more output",
                "ok",
                "======================================================================",
                "FAIL: test_upper (utils_tests.test_text.TestUtilsText)",
                "ERROR: test_lower (utils_tests.test_text.TestUtilsText)",
                "FAIL:",
                "");

        Map<String, TestStatus> s = LogParser.DJANGO.parse(log);

        assertThat(s).containsEntry("test_strip (utils_tests.test_text.TestUtilsText)", TestStatus.PASSED)
                .containsEntry("test_upper (utils_tests.test_text.TestUtilsText)", TestStatus.FAILED)
                .containsEntry("test_lower (utils_tests.test_text.TestUtilsText)", TestStatus.ERROR)
                .containsEntry("test_slow (utils_tests.test_text.TestUtilsText)", TestStatus.SKIPPED)
                .containsEntry("test_ok_upper (utils_tests.test_text.TestUtilsText)", TestStatus.PASSED)
                .containsEntry("test_noisy (utils_tests.test_text.TestUtilsText)", TestStatus.PASSED)
                // As upstream: a failure header keys the method name alone (its verbose line keyed the full id).
                .containsEntry("test_upper", TestStatus.FAILED)
                .containsEntry("test_lower", TestStatus.ERROR);
    }

    @Test
    void djangoCountsATestWhoseOkFollowsAnInterruptingMessageAsPassed() {
        String log = "test_check (check_framework.tests.Checks) ... System check identified no issues (0 silenced)\nok\n"
                + "test_view (view_tests.tests.Views) ... Internal Server Error: /raises/\nok\n";

        Map<String, TestStatus> s = LogParser.DJANGO.parse(log);

        assertThat(s).containsEntry("test_check (check_framework.tests.Checks)", TestStatus.PASSED)
                .containsEntry("test_view (view_tests.tests.Views)", TestStatus.PASSED);
    }

    @Test
    void djangoReadsTheFixtureSubmissionsLogAsResolved() throws Exception {
        String log = java.nio.file.Files.readString(SwebenchFixture.SUBMISSION.resolve(SwebenchFixture.LOGS
                + "django__django-9003/test_output.txt"));

        assertThat(TestLog.parse(log, LogParser.DJANGO).statuses())
                .containsEntry("test_strip (utils_tests.test_text.TestUtilsText)", TestStatus.PASSED);
    }

    @Test
    void sympyReadsItsStatusLinesAndFailureHeaders() {
        String log = String.join("\n",
                "sympy/core/tests/test_basic.py[3] ",
                "test_subs ok",
                "test_atoms F",
                "test_free E",
                "",
                "________________________________ xpassed tests _________________________________",
                "_________________ sympy/core/tests/test_basic.py:test_atoms __________________",
                "");

        Map<String, TestStatus> s = LogParser.SYMPY.parse(log);

        assertThat(s).containsEntry("test_subs", TestStatus.PASSED).containsEntry("test_atoms", TestStatus.FAILED)
                .containsEntry("test_free", TestStatus.ERROR)
                .containsEntry("sympy/core/tests/test_basic.py:test_atoms", TestStatus.FAILED);
    }

    @Test
    void seabornReadsTheStatusBeforeOrAfterTheId() {
        String log = String.join("\n",
                "tests/test_core.py::TestA::test_one PASSED [ 50%]",
                "FAILED tests/test_core.py::TestA::test_two - AssertionError",
                "PASSED tests/test_core.py::TestA::test_three",
                "some text PASSED here",
                "");

        Map<String, TestStatus> s = LogParser.SEABORN.parse(log);

        assertThat(s).containsEntry("tests/test_core.py::TestA::test_one", TestStatus.PASSED)
                .containsEntry("tests/test_core.py::TestA::test_two", TestStatus.FAILED)
                .containsEntry("tests/test_core.py::TestA::test_three", TestStatus.PASSED)
                .doesNotContainKey("some");
    }
}
