package dev.claimcheck.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void backoffDoublesUpToTheCapAndJitterOnlyShortens() {
        RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(30), 0);
        assertThat(p.backoff(0, new SplittableRandom(1))).isEqualTo(Duration.ofMillis(500));
        assertThat(p.backoff(3, new SplittableRandom(1))).isEqualTo(Duration.ofMillis(4000));
        assertThat(p.backoff(40, new SplittableRandom(1))).isEqualTo(Duration.ofSeconds(30));
        RetryPolicy j = RetryPolicy.defaults();
        for (int retry = 0; retry < 10; retry++) {
            Duration d = j.backoff(retry, new SplittableRandom(retry));
            assertThat(d).isEqualTo(j.backoff(retry, new SplittableRandom(retry))); // seeded: deterministic
            assertThat(d).isLessThanOrEqualTo(p.backoff(retry, new SplittableRandom(0)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis((long) (p.backoff(retry, new SplittableRandom(0)).toMillis() * 0.8) - 1));
        }
    }

    @Test
    void retryAfterWinsButIsCapped() {
        RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(30), 0.2);
        assertThat(p.delay(0, Duration.ZERO, new SplittableRandom(1))).isZero();
        assertThat(p.delay(0, Duration.ofSeconds(5), new SplittableRandom(1))).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.delay(0, Duration.ofHours(1), new SplittableRandom(1))).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryPolicy.immediate(3).delay(2, Duration.ofSeconds(9), new SplittableRandom(1))).isZero();
    }

    @Test
    void parsesSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-11-29T02:00:00Z");
        assertThat(RetryPolicy.parseRetryAfter("7", now)).contains(Duration.ofSeconds(7));
        assertThat(RetryPolicy.parseRetryAfter("Sun, 29 Nov 2026 02:00:10 GMT", now)).contains(Duration.ofSeconds(10));
        assertThat(RetryPolicy.parseRetryAfter("Sun, 29 Nov 2026 01:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("soon", now)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter("-1", now)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter(null, now)).isEmpty();
    }
}
