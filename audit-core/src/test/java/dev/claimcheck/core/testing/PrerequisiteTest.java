package dev.claimcheck.core.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing program fails the test with the install line; only an explicit CLAIMCHECK_SKIP entry turns that into a skip. */
class PrerequisiteTest {

    @ParameterizedTest(name = "{0} unavailable={1} CLAIMCHECK_SKIP={2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            SANDBOX    | /usr/bin/bwrap not found | -                | fail  | apt-get install -y bubblewrap python3
            SANDBOX    | /usr/bin/bwrap not found | ''               | fail  | ./test --skip-sandbox
            SANDBOX    | /usr/bin/bwrap not found | browser,launcher | fail  | apt-get install -y bubblewrap python3
            SANDBOX    | /usr/bin/bwrap not found | sandboxes        | fail  | /usr/bin/bwrap not found
            SANDBOX    | /usr/bin/bwrap not found | browser, sandbox | skip  | skipped on request
            SANDBOX    | -                        | sandbox          | skip  | ./test --skip-sandbox
            SANDBOX    | -                        | -                | run   | -
            GIT        | /usr/bin/git not found   | git              | fail  | apt-get install -y git
            SSH_KEYGEN | /usr/bin/ssh-keygen x    | ssh,ssh-keygen   | fail  | apt-get install -y openssh-client
            LAUNCHER   | -                        | -                | run   | -
            LAUNCHER   | -                        | launcher         | skip  | --skip-launcher
            """)
    void decides(Prerequisite p, String unavailable, String skip, String outcome, String message) {
        Map<String, String> env = skip == null ? Map.of() : Map.of(Prerequisite.SKIP_ENV, skip);
        switch (outcome) {
            case "run" -> assertThatCode(() -> p.require(unavailable, env)).doesNotThrowAnyException();
            case "skip" -> assertThatThrownBy(() -> p.require(unavailable, env))
                    .isInstanceOf(TestAbortedException.class).hasMessageContaining(message);
            case "fail" -> assertThatThrownBy(() -> p.require(unavailable, env))
                    .isInstanceOf(AssertionFailedError.class).hasMessageContaining(message);
            default -> throw new IllegalArgumentException(outcome);
        }
    }
}
