package org.learningmap.enrolment.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.SessionFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sessions a person holds a place on (CONFIRMED) or waits for (WAITLISTED), from their enrolments:
 * an enrolment without a session covers every session of its activity. Sessions of the last
 * {@link #PAST} and of the coming year are listed, at most {@link #MAX}.
 */
@Component
class PersonalSessions {

    static final Duration PAST = Duration.ofDays(30);
    static final Duration AHEAD = Duration.ofDays(366);
    static final int MAX = 500;

    /** The person's sessions by id; those only waited for are tentative. */
    record Listed(Set<Long> sessionIds, Set<Long> tentative) {
    }

    private record Enrolment(Long sessionId, long activityId, String status) {
    }

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final Clock clock;

    PersonalSessions(JdbcClient jdbc, Catalogue catalogue, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    Listed of(long accountId) {
        Instant now = clock.instant();
        Instant from = now.minus(PAST);
        Instant to = now.plus(AHEAD);
        List<Enrolment> enrolments = jdbc.sql("""
                        SELECT session_id, activity_id, status FROM enrolment
                        WHERE account_id = ? AND status IN ('CONFIRMED', 'WAITLISTED')
                        ORDER BY id
                        """)
                .param(accountId)
                .query(Enrolment.class)
                .list();
        Set<Long> confirmed = new LinkedHashSet<>();
        Set<Long> waiting = new LinkedHashSet<>();
        for (Enrolment enrolment : enrolments) {
            Set<Long> into = "CONFIRMED".equals(enrolment.status()) ? confirmed : waiting;
            List<SessionFacts> sessions = enrolment.sessionId() != null
                    ? catalogue.session(enrolment.sessionId()).stream().toList()
                    : catalogue.sessionsOf(enrolment.activityId());
            for (SessionFacts session : sessions) {
                if (session.endsAt().isAfter(from) && session.startsAt().isBefore(to) && into.size() < MAX) {
                    into.add(session.sessionId());
                }
            }
        }
        waiting.removeAll(confirmed);
        Set<Long> all = new LinkedHashSet<>(confirmed);
        all.addAll(waiting);
        return new Listed(all, waiting);
    }
}
