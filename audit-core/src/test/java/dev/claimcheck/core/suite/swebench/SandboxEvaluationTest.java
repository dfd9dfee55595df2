package dev.claimcheck.core.suite.swebench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.testing.Prerequisite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fixture instance (src/test/resources/suites/swebench: calc.py whose add subtracts, a test patch adding test_add)
 * evaluated in the sandbox with the machine's python3 and pytest: the right patch resolves it, a wrong one does not,
 * and a patch that does not apply is "not applied".
 */
class SandboxEvaluationTest {
    private static final Path FIXTURE = Path.of("src/test/resources/suites/swebench");

    private Sandbox sandbox;
    private SwebenchInstance instance;
    private Map<String, String> repository;

    @BeforeEach
    void setUp() throws IOException {
        sandbox = Sandbox.system();
        Prerequisite.SANDBOX.require(sandbox.unavailableReason());
        Prerequisite.PYTEST.requireExecutable(Path.of("/usr/bin/pytest-3"));
        repository = Map.of("calc.py", read("repository/calc.py"), "test_calc.py", read("repository/test_calc.py"));
        instance = new SwebenchInstance("acme__calc-1", "pytest-dev/pytest", "0".repeat(40), "add subtracts", read("gold.diff"),
                read("test.diff"), List.of("test_calc.py::test_add"), List.of("test_calc.py::test_mul"), "1.0", "1".repeat(40));
    }

    private static String read(String name) throws IOException {
        return Files.readString(FIXTURE.resolve(name));
    }

    private Resolution evaluate(String patch) {
        TestLog log = TestLog.parse(SandboxEvaluation.testLog(sandbox, repository, instance, patch), LogParser.PYTEST);
        assertThat(log.notApplied()).isEmpty();
        return Resolution.of(instance, log.statuses());
    }

    @Test
    void theReferencePatchResolvesTheInstance() throws IOException {
        Resolution r = evaluate(read("gold.diff"));

        assertThat(r.resolved()).isTrue();
        assertThat(r.failToPassSuccess()).containsExactly("test_calc.py::test_add");
        assertThat(r.passToPassSuccess()).containsExactly("test_calc.py::test_mul");
    }

    @Test
    void aWrongPatchDoesNotAndTheFailingTestIsNamed() throws IOException {
        Resolution r = evaluate(read("wrong.diff"));

        assertThat(r.resolved()).isFalse();
        assertThat(r.failToPassFailure()).containsExactly("test_calc.py::test_add");
        assertThat(r.passToPassSuccess()).containsExactly("test_calc.py::test_mul");
    }

    @Test
    void withoutAPatchTheFailToPassTestFails() {
        assertThat(evaluate("").failToPassFailure()).containsExactly("test_calc.py::test_add");
    }

    @Test
    void aPatchThatDoesNotApplyIsNotApplied() {
        String log = SandboxEvaluation.testLog(sandbox, repository, instance,
                "diff --git a/calc.py b/calc.py\n--- a/calc.py\n+++ b/calc.py\n@@ -1,1 +1,1 @@\n-no such line\n+x\n");

        assertThat(TestLog.parse(log, LogParser.PYTEST).notApplied()).contains("the log reports \">>>>> Patch Apply Failed\"");
    }
}
