package org.learningmap.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The catalogue version as every kept answer checks it: read from the database at most about once a
 * second per node, and never older than that second, so a change made on any node shows within it.
 */
class CatalogueVersionTest {

    static final Duration SECOND = Duration.ofSeconds(1);

    final AtomicLong sequence = new AtomicLong(7);
    final AtomicInteger queries = new AtomicInteger();
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    CatalogueVersion version(Duration recheckWithin) {
        return new CatalogueVersion(() -> {
            queries.incrementAndGet();
            return sequence.get();
        }, recheckWithin, nanos::get);
    }

    void after(Duration elapsed) {
        nanos.addAndGet(elapsed.toNanos());
    }

    @Test
    void manyRequestsWithinASecondCostOneQuery() {
        CatalogueVersion version = version(SECOND);
        for (int i = 0; i < 1000; i++) {
            assertThat(version.current()).isEqualTo(7);
        }
        after(Duration.ofMillis(400));
        assertThat(version.current()).isEqualTo(7);
        assertThat(queries).hasValue(1);
    }

    @Test
    void aChangeShowsOnceTheLastReadingIsASecondOld() {
        CatalogueVersion version = version(SECOND);
        assertThat(version.current()).isEqualTo(7);
        sequence.incrementAndGet();
        after(Duration.ofMillis(300));
        assertThat(version.current()).isEqualTo(7);
        after(Duration.ofMillis(700));
        assertThat(version.current()).as("a reading a whole second old is never used").isEqualTo(8);
    }

    @Test
    void aReadingHalfASecondOldIsRenewedInTheBackgroundWhileCallersGetTheKeptValue() throws Exception {
        CatalogueVersion version = version(SECOND);
        assertThat(version.current()).isEqualTo(7);
        sequence.incrementAndGet();
        after(Duration.ofMillis(600));
        assertThat(version.current()).as("still within the second: no caller waits").isEqualTo(7);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (queries.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(queries).as("renewed in the background").hasValue(2);
        while (version.current() != 8 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(version.current()).isEqualTo(8);
        after(Duration.ofMillis(900));
        assertThat(version.current()).as("the renewed reading counts from when it was made").isEqualTo(8);
    }

    @Test
    void withNoRecheckEveryCallAsksTheDatabase() {
        CatalogueVersion version = version(Duration.ZERO);
        version.current();
        sequence.incrementAndGet();
        assertThat(version.current()).isEqualTo(8);
        assertThat(queries).hasValue(2);
    }
}
