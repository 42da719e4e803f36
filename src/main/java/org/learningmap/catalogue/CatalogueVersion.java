package org.learningmap.catalogue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A number that grows whenever an activity, session, topic or an activity's topics change (triggers
 * bump {@code catalogue_change_seq}). Answers kept in memory are reused only while it stays the same,
 * on every node, since all nodes read the same sequence.
 *
 * <p>Reading it is one query, which at thousands of requests a second would cost more than the
 * answers kept in memory. So a node reads it at most about once per
 * {@code learningmap.catalogue.version-recheck-within} (1 second; 0 reads it on every call) and
 * every caller gets a value whose reading <em>started</em> less than that long ago: a change to the
 * catalogue shows in the answers of every node within that time. A value is read again in the
 * background once it is half that old, by one reader at a time, so callers do not wait for the
 * database while it answers; only a caller that finds the value older than the whole bound (after
 * a quiet spell, or when the database is slow) reads it itself, and callers arriving meanwhile wait
 * for that one reading instead of each asking.
 */
@Component
class CatalogueVersion {

    private static final Logger log = LoggerFactory.getLogger(CatalogueVersion.class);

    /** A value, and when (in {@link System#nanoTime()} terms) the query that read it was sent. */
    private record Reading(long value, long startedAt) {
    }

    private final LongSupplier database;
    private final LongSupplier ticker;
    private final long recheckNanos;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final Object reading = new Object();
    private volatile Reading last;

    @Autowired
    CatalogueVersion(JdbcClient jdbc,
                     @Value("${learningmap.catalogue.version-recheck-within:1s}") Duration recheckWithin) {
        this(jdbc == null ? null : () -> jdbc.sql("SELECT last_value + CASE WHEN is_called THEN 1 ELSE 0 END FROM catalogue_change_seq")
                .query(Long.class).single(), recheckWithin, System::nanoTime);
    }

    /** Read on every call: for tests that replace {@link #current()}. */
    CatalogueVersion(JdbcClient jdbc) {
        this(jdbc, Duration.ZERO);
    }

    CatalogueVersion(LongSupplier database, Duration recheckWithin, LongSupplier ticker) {
        this.database = database;
        this.recheckNanos = recheckWithin.toNanos();
        this.ticker = ticker;
    }

    long current() {
        if (recheckNanos <= 0) {
            return database.getAsLong();
        }
        Reading seen = last;
        if (seen != null) {
            long age = ticker.getAsLong() - seen.startedAt();
            if (age >= 0 && age < recheckNanos) {
                if (age >= recheckNanos / 2) {
                    refreshInBackground();
                }
                return seen.value();
            }
        }
        synchronized (reading) {
            seen = last;
            if (seen != null) {
                long age = ticker.getAsLong() - seen.startedAt();
                if (age >= 0 && age < recheckNanos) {
                    return seen.value();
                }
            }
            return read().value();
        }
    }

    private void refreshInBackground() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("catalogue-version").start(() -> {
            try {
                read();
            } catch (RuntimeException e) {
                // The next caller past the bound reads it itself and sees the failure.
                log.debug("Reading the catalogue version in the background failed", e);
            } finally {
                refreshing.set(false);
            }
        });
    }

    /** Reads the sequence and keeps the reading unless one that started later is already kept. */
    private Reading read() {
        long startedAt = ticker.getAsLong();
        Reading fresh = new Reading(database.getAsLong(), startedAt);
        synchronized (this) {
            Reading kept = last;
            if (kept == null || fresh.startedAt() - kept.startedAt() > 0) {
                last = fresh;
            }
        }
        return fresh;
    }
}
