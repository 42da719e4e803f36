package org.learningmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aKeyMayMakeItsMinutesWorthAtOnceThenOneMorePerShare() {
        HandClock clock = new HandClock();
        TokenBuckets buckets = new TokenBuckets(20, clock);
        for (int i = 0; i < 20; i++) {
            assertThat(buckets.take("192.0.2.1")).as("attempt %s", i + 1).isEmpty();
        }
        assertThat(buckets.take("192.0.2.1")).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(2_900), Duration.ofSeconds(3)));

        clock.now = clock.now.plusSeconds(3);
        assertThat(buckets.take("192.0.2.1")).isEmpty();
        assertThat(buckets.take("192.0.2.1")).isPresent();

        assertThat(buckets.take("192.0.2.2")).as("another key has its own bucket").isEmpty();
    }

    @Test
    void waitingAWholeMinuteRefillsTheBucketButNoMore() {
        HandClock clock = new HandClock();
        TokenBuckets buckets = new TokenBuckets(5, clock);
        for (int i = 0; i < 5; i++) {
            buckets.take("k");
        }
        clock.now = clock.now.plus(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            assertThat(buckets.take("k")).isEmpty();
        }
        assertThat(buckets.take("k")).isPresent();
    }

    @Test
    void manyIdleKeysAreForgotten() {
        HandClock clock = new HandClock();
        TokenBuckets buckets = new TokenBuckets(5, clock);
        for (int i = 0; i <= TokenBuckets.FORGET_ABOVE; i++) {
            buckets.take("203.0." + (i / 256) + "." + (i % 256));
        }
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        buckets.take("one more");
        assertThat(buckets.tracked()).isLessThan(10);
    }
}
