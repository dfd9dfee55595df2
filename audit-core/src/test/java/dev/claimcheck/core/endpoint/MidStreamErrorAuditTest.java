package dev.claimcheck.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.ErrorCause;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An audit against an engine failing every stream: the breaker stops the run, and every try sent is in the journal. */
class MidStreamErrorAuditTest {
    @Test
    void everyTrySentIsRecordedWithItsCauseBeforeTheBreakerStopsTheRun(@TempDir Path root) throws Exception {
        try (MidStreamErrorServer s = new MidStreamErrorServer()) {
            var r = AuditRunner.audit("arith", "--base-url", s.baseUrl(), "--model", "org/m", "--limit", "12",
                    "--concurrency", "1", "--max-retries", "1", "--root", root.toString(),
                    "--no-fingerprint"); // the probes' failures would count toward the breaker before any attempt
            assertThat(r.exitCode()).as(r.out() + r.err()).isNotZero();
            assertThat(r.out() + r.err()).contains("circuit breaker open");
            List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
            // 20 consecutive failures open the breaker: 10 requests of 2 tries; the 11th is never sent
            assertThat(samples).hasSize(10).allSatisfy(x -> {
                assertThat(x.error().cause()).isEqualTo(ErrorCause.SERVER_ERROR);
                assertThat(x.retries()).allSatisfy(t -> assertThat(t.message()).contains("code 500"));
            });
            int tries = samples.stream().mapToInt(x -> 1 + x.retries().size()).sum();
            assertThat(tries).as("no try left unrecorded").isEqualTo(s.chatBodies.size()).isEqualTo(20);
        }
    }
}
