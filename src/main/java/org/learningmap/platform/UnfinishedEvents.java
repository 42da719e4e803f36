package org.learningmap.platform;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes the event publications a node left behind. A node killed after a change was committed but
 * before its listeners ran (impact figures, playlist progress) leaves the publication "published" or
 * "processing" in PostgreSQL, and no other node would ever look at it. Once a publication has waited
 * {@code learningmap.events.stale-after} (default 10 minutes, far longer than any listener takes), it
 * is marked failed, and failed publications (those left behind, and those whose listener threw) are
 * handed to their listeners again, on one node at a time.
 */
@Component
class UnfinishedEvents {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedEvents.class);

    private final JdbcClient jdbc;
    private final FailedEventPublications failed;
    private final Duration staleAfter;

    UnfinishedEvents(JdbcClient jdbc, FailedEventPublications failed,
                     @Value("${learningmap.events.stale-after:10m}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.failed = failed;
        this.staleAfter = staleAfter;
    }

    @Scheduled(fixedDelayString = "${learningmap.events.resubmit-every:1m}", initialDelayString = "${learningmap.events.resubmit-every:1m}")
    @SchedulerLock(name = "platform.unfinished-events")
    void resubmit() {
        try {
            // PostgreSQL's clock, so nodes with skewed clocks agree (the table is Spring Modulith's own).
            jdbc.sql("""
                            UPDATE event_publication SET status = 'FAILED'
                            WHERE completion_date IS NULL AND status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
                              AND coalesce(last_resubmission_date, publication_date) < now() - make_interval(secs => :seconds)
                            """)
                    .param("seconds", staleAfter.toSeconds())
                    .update();
            failed.resubmit(ResubmissionOptions.defaults());
        } catch (RuntimeException e) {
            log.warn("Could not resubmit unfinished event publications: {}", e.getMessage());
        }
    }
}
