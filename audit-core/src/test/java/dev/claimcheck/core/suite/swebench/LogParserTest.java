package dev.claimcheck.core.suite.swebench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The harness's per-repository rules for reading a test log, and its rule for "resolved". */
class LogParserTest {
    private static final String SUMMARY = """
            tests/test_a.py ..Fx                                                     [100%]
            =========================== short test summary info ============================
            PASSED tests/test_a.py::test_one
            PASSED tests/test_a.py::test_two[1-2]
            FAILED tests/test_a.py::test_three - AssertionError: assert 1 == 2
            XFAIL tests/test_a.py::test_four - known bug
            SKIPPED [1] tests/test_a.py:40: needs numpy
            ERROR tests/test_a.py::test_five - fixture 'db' not found
            """;

    @Test
    void pytestReadsTheSummaryLinesStatusFirst() {
        Map<String, TestStatus> s = LogParser.PYTEST.parse(SUMMARY);

        assertThat(s).containsEntry("tests/test_a.py::test_one", TestStatus.PASSED)
                .containsEntry("tests/test_a.py::test_two[1-2]", TestStatus.PASSED)
                .containsEntry("tests/test_a.py::test_three", TestStatus.FAILED)
                .containsEntry("tests/test_a.py::test_four", TestStatus.XFAIL)
                .containsEntry("tests/test_a.py::test_five", TestStatus.ERROR)
                .doesNotContainKey("tests/test_a.py");
    }

    @Test
    void theOptionsStyleShortensAnAbsolutePathParameterToItsLastSegment() {
        Map<String, TestStatus> s = LogParser.PYTEST_OPTIONS.parse("PASSED tests/test_r.py::test_cert[/tmp/pytest-7/certs/ca.pem]\n"
                + "PASSED tests/test_r.py::test_url[http://x//y]\n");

        assertThat(s).containsOnlyKeys("tests/test_r.py::test_cert[/ca.pem]", "tests/test_r.py::test_url[http://x//y]");
    }

    @Test
    void theV2StyleStripsColourCodesFirst() {
        Map<String, TestStatus> s = LogParser.PYTEST_V2.parse("\u001b[32mPASSED\u001b[0m sklearn/tests/test_x.py::test_fit\n");

        assertThat(s).containsOnly(Map.entry("sklearn/tests/test_x.py::test_fit", TestStatus.PASSED));
    }

    @Test
    void matplotlibIdsSpellMouseButtonsAsNumbers() {
        assertThat(LogParser.MATPLOTLIB.parse("PASSED lib/test_w.py::test_click[MouseButton.LEFT]\n"))
                .containsOnlyKeys("lib/test_w.py::test_click[1]");
    }

    @Test
    void repositoriesMapToTheirStyleAndOnesOutsideTheHarnessesMapHaveNone() {
        assertThat(LogParser.forRepo("pytest-dev/pytest")).contains(LogParser.PYTEST);
        assertThat(LogParser.forRepo("psf/requests")).contains(LogParser.PYTEST_OPTIONS);
        assertThat(LogParser.forRepo("astropy/astropy")).contains(LogParser.PYTEST_V2);
        assertThat(LogParser.forRepo("matplotlib/matplotlib")).contains(LogParser.MATPLOTLIB);
        assertThat(LogParser.forRepo("django/django")).contains(LogParser.DJANGO);
        assertThat(LogParser.forRepo("sympy/sympy")).contains(LogParser.SYMPY);
        assertThat(LogParser.forRepo("mwaskom/seaborn")).contains(LogParser.SEABORN);
        assertThat(LogParser.forRepo("acme/widgets")).isEmpty();
    }

    @Test
    void aLogReportingAFailedPatchOrWithoutTheMarkersHasNoStatuses() {
        String marked = TestLog.START + "\nPASSED t.py::a\n" + TestLog.END + "\n";

        assertThat(TestLog.parse(marked, LogParser.PYTEST)).isEqualTo(new TestLog(Optional.empty(), Map.of("t.py::a", TestStatus.PASSED)));
        assertThat(TestLog.parse(">>>>> Patch Apply Failed\n" + marked, LogParser.PYTEST).notApplied()).isPresent();
        assertThat(TestLog.parse("PASSED t.py::a\n", LogParser.PYTEST).notApplied().orElseThrow()).contains("no \">>>>> Start Test Output\"");
        assertThat(TestLog.parse("PASSED t.py::outside\n" + marked, LogParser.PYTEST).statuses()).containsOnlyKeys("t.py::a");
    }

    @Test
    void resolvedMeansNoListedTestFailsAndAMissingTestFails() {
        SwebenchInstance instance = new SwebenchInstance("a__b-1", "pallets/flask", "c", "", "", "",
                List.of("t.py::fixed", "t.py::skipped"), List.of("t.py::kept"), "1.0", "e");

        Resolution ok = Resolution.of(instance, Map.of("t.py::fixed", TestStatus.XFAIL, "t.py::skipped", TestStatus.SKIPPED,
                "t.py::kept", TestStatus.PASSED));
        Resolution missing = Resolution.of(instance, Map.of("t.py::fixed", TestStatus.PASSED));
        Resolution errored = Resolution.of(instance, Map.of("t.py::fixed", TestStatus.PASSED, "t.py::kept", TestStatus.ERROR));

        assertThat(ok.resolved()).isTrue(); // a SKIPPED listed test counts as neither, as upstream
        assertThat(ok.failToPassSuccess()).containsExactly("t.py::fixed");
        assertThat(missing.resolved()).isFalse();
        assertThat(missing.passToPassFailure()).containsExactly("t.py::kept");
        assertThat(errored.resolved()).isFalse();
    }
}
