package org.learningmap.audit;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes audit entries older than {@code learningmap.audit.retention} (400 days unless set: a year
 * and a bit, so a yearly review still finds last year's), every night, on one node at a time.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditLog audit;
    private final Clock clock;
    private final Duration retention;

    AuditRetention(AuditLog audit, Clock clock, @Value("${learningmap.audit.retention:400d}") String retention) {
        this.audit = audit;
        this.clock = clock;
        this.retention = DurationStyle.detectAndParse(retention);
        if (this.retention.isNegative() || this.retention.isZero()) {
            throw new IllegalArgumentException("learningmap.audit.retention must be positive: " + retention);
        }
    }

    @Scheduled(cron = "${learningmap.audit.retention-cron:0 17 3 * * *}")
    // One node at a time (ShedLock); a second node skips the run while the first holds the lock.
    @SchedulerLock(name = "audit.retention")
    void sweep() {
        int deleted = deleteExpired();
        if (deleted > 0) {
            log.info("Deleted {} audit entries older than {}", deleted, retention);
        }
    }

    int deleteExpired() {
        return audit.deleteOlderThan(clock.instant().minus(retention));
    }
}
