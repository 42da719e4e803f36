package org.learningmap.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** How many requests the request metrics counted for one route, for tests of answers sent from memory. */
public final class RequestCounts {

    private RequestCounts() {
    }

    /**
     * The number of 200 answers counted under {@code uri}, once it has not changed for 300 ms (at most
     * 5 s): a request is counted just after its answer is sent, so earlier ones must land first.
     */
    public static long settled(MeterRegistry meters, String uri) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        long last = counted(meters, uri);
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < 300_000_000L && System.nanoTime() < deadline) {
            Thread.sleep(20);
            long now = counted(meters, uri);
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
        return last;
    }

    private static long counted(MeterRegistry meters, String uri) {
        return meters.find("http.server.requests").tag("uri", uri).tag("status", "200")
                .timers().stream().mapToLong(Timer::count).sum();
    }
}
