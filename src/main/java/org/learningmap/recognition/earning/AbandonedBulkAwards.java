package org.learningmap.recognition.earning;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A bulk award runs on the node that received the file. When that node stops, its job would stay
 * "running" for ever; any node finds it by its silence and marks it as failed. The rows awarded stay,
 * and sending the file again awards only the rest (people who hold the badge keep their award).
 */
@Component
class AbandonedBulkAwards {

    private static final Logger log = LoggerFactory.getLogger(AbandonedBulkAwards.class);

    private final BulkJobs jobs;
    private final Clock clock;
    private final Duration silence;

    AbandonedBulkAwards(BulkJobs jobs, Clock clock, @Value("${learningmap.import.abandoned-after:5m}") Duration silence) {
        this.jobs = jobs;
        this.clock = clock;
        this.silence = silence;
    }

    @Scheduled(fixedDelayString = "${learningmap.import.sweep-every:1m}", initialDelayString = "${learningmap.import.sweep-every:1m}")
    // One node at a time (ShedLock); a second node skips the run while the first holds the lock.
    @SchedulerLock(name = "recognition.abandoned-bulk-awards")
    void sweep() {
        int abandoned = jobs.abandonSilentJobs(clock.instant().minus(silence), clock.instant());
        if (abandoned > 0) {
            log.warn("Marked {} bulk award job(s) as failed: their node stopped reporting progress", abandoned);
        }
    }
}
