package org.learningmap.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per key: up to {@code capacity} attempts at once, refilled evenly over a
 * minute. Kept in memory on each node, so with several nodes the limit is per node. Full buckets
 * carry no information, so they are forgotten once many keys are tracked.
 */
final class TokenBuckets {

    static final int FORGET_ABOVE = 10_000;

    private final int capacity;
    private final double tokensPerMilli;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("the limit must allow at least one attempt a minute");
        }
        this.capacity = perMinute;
        this.tokensPerMilli = perMinute / 60_000.0;
        this.clock = clock;
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }

    /** Takes one token for the key; empty when the key may go ahead, else how long to wait. */
    Optional<Duration> take(String key) {
        long now = clock.millis();
        if (buckets.size() > FORGET_ABOVE) {
            forgetFull(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            long millis = (long) Math.ceil((1 - bucket.tokens) / tokensPerMilli);
            return Optional.of(Duration.ofMillis(Math.max(1, millis)));
        }
    }

    private void refill(Bucket bucket, long now) {
        long elapsed = Math.max(0, now - bucket.updatedAt);
        bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * tokensPerMilli);
        bucket.updatedAt = now;
    }

    private void forgetFull(long now) {
        buckets.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                refill(entry.getValue(), now);
                return entry.getValue().tokens >= capacity;
            }
        });
    }

    int tracked() {
        return buckets.size();
    }
}
