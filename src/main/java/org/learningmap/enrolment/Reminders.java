package org.learningmap.enrolment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Still coming?" e-mails to everyone with a place, about {@code learningmap.enrolment.reminder-lead}
 * (24 hours) before each session, with a link to confirm or to release the place. A released place
 * goes to the first in line at once. Safe with several nodes: a reminder is claimed by inserting its
 * row (unique per sign-up and session) in the transaction that queues the e-mail.
 */
@Component
class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    static final int BATCH = 500;

    /** A reminder link's sign-up and session, and whether it was answered. */
    record Reminder(long id, long enrolmentId, long sessionId, String answer) {
    }

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final EnrolmentStore store;
    private final Enrolments enrolments;
    private final EnrolmentMail mail;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration lead;

    Reminders(JdbcClient jdbc, Catalogue catalogue, EnrolmentStore store, Enrolments enrolments, EnrolmentMail mail,
              TransactionTemplate transactions, Clock clock,
              @Value("${learningmap.enrolment.reminder-lead:PT24H}") Duration lead) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.store = store;
        this.enrolments = enrolments;
        this.mail = mail;
        this.transactions = transactions;
        this.clock = clock;
        this.lead = lead;
    }

    @Scheduled(fixedDelayString = "${learningmap.enrolment.reminder-every:PT5M}", initialDelayString = "${learningmap.enrolment.reminder-every:PT5M}")
    // One node at a time (ShedLock); a second node skips the run while the first holds the lock.
    @SchedulerLock(name = "enrolment.session-reminders")
    void run() {
        try {
            int sent = sendDue();
            if (sent > 0) {
                log.info("Sent {} session reminders", sent);
            }
        } catch (RuntimeException e) {
            log.warn("Could not send session reminders; trying again later", e);
        }
    }

    /** Reminds everyone with a place in a session starting within the lead time; returns how many were reminded. */
    int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (SessionFacts session : catalogue.sessionsStartingBetween(now, now.plus(lead), BATCH)) {
            Optional<PoolRow> pool = session.wholeActivityRegistration() ? store.activityPool(session.activityId())
                    : store.sessionPool(session.sessionId());
            if (pool.isEmpty()) {
                continue;
            }
            for (EnrolmentRow enrolment : store.activeOfPool(pool.get().id())) {
                if (enrolment.status() == EnrolmentStatus.CONFIRMED && remind(enrolment, session, now)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean remind(EnrolmentRow enrolment, SessionFacts session, Instant now) {
        Boolean sent = transactions.execute(status -> {
            String token = Tokens.generate();
            boolean claimed = jdbc.sql("""
                            INSERT INTO enrolment_reminder (enrolment_id, session_id, site_id, organisation_id, token_hash, sent_at)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (enrolment_id, session_id) DO NOTHING
                            """)
                    .params(enrolment.id(), session.sessionId(), enrolment.siteId(), enrolment.organisationId(), Tokens.hash(token),
                            Timestamp.from(now))
                    .update() == 1;
            if (claimed) {
                mail.reminder(enrolment, session, token);
            }
            return claimed;
        });
        return Boolean.TRUE.equals(sent);
    }

    /** The reminder a link is for, if the link is genuine. */
    Optional<Reminder> byLink(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, enrolment_id, session_id, answer FROM enrolment_reminder WHERE token_hash = ?")
                .param(Tokens.hash(token))
                .query((rs, n) -> new Reminder(rs.getLong("id"), rs.getLong("enrolment_id"), rs.getLong("session_id"), rs.getString("answer")))
                .optional();
    }

    /** The person says they are coming; recorded. */
    void coming(String token) {
        Reminder reminder = byLink(token).orElseThrow(Reminders::invalid);
        jdbc.sql("UPDATE enrolment_reminder SET answer = 'COMING', answered_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), reminder.id()).update();
    }

    /** The person cannot come: the place is released and goes to the first in line. */
    void release(String token) {
        Reminder reminder = byLink(token).orElseThrow(Reminders::invalid);
        transactions.executeWithoutResult(status -> {
            EnrolmentRow enrolment = store.find(reminder.enrolmentId()).orElseThrow(Reminders::invalid);
            enrolments.release(enrolment);
            jdbc.sql("UPDATE enrolment_reminder SET answer = 'RELEASED', answered_at = ? WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), reminder.id()).update();
        });
    }

    private static RuleViolation invalid() {
        return new RuleViolation(HttpStatus.NOT_FOUND, EnrolmentRules.INVALID_LINK);
    }
}
