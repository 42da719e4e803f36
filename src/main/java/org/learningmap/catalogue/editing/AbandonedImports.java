package org.learningmap.catalogue.editing;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An import runs on the node that received the file. When that node stops, its job would stay
 * "running" for ever; any node finds such a job by its missing heartbeat and marks it as failed.
 * Running jobs write progress several times a second, so minutes of silence mean the node is gone.
 */
@Component
class AbandonedImports {

    private static final Logger log = LoggerFactory.getLogger(AbandonedImports.class);

    private final ImportJobStore jobs;
    private final Clock clock;
    private final Duration silence;

    AbandonedImports(ImportJobStore jobs, Clock clock,
                     @Value("${learningmap.import.abandoned-after:5m}") Duration silence) {
        this.jobs = jobs;
        this.clock = clock;
        this.silence = silence;
    }

    @Scheduled(fixedDelayString = "${learningmap.import.sweep-every:1m}", initialDelayString = "${learningmap.import.sweep-every:1m}")
    // One node at a time (ShedLock); a second node skips the run while the first holds the lock.
    @SchedulerLock(name = "catalogue.abandoned-imports")
    void sweep() {
        int abandoned = jobs.abandonSilentJobs(clock.instant().minus(silence), clock.instant());
        if (abandoned > 0) {
            log.warn("Marked {} import job(s) as failed: their node stopped reporting progress", abandoned);
        }
    }
}
