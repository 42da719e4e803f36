package org.learningmap.network;

import static org.learningmap.network.Volunteers.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.learningmap.enrolment.AttendanceRecorded;
import org.learningmap.network.Volunteers.HoursEntry;
import org.learningmap.organisations.StaffRole;
import org.learningmap.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Volunteer hours. Counted automatically, once per source, from a session held (the first attendance
 * recorded at a session gives every helper of it the session's length) and from a shift done (its end
 * passed while the volunteer was still on it); typed by the volunteer, they count once staff approve.
 * Every counted entry publishes {@link VolunteerHoursLogged}; passing 10, 50 or 100 hours on a site
 * publishes {@link VolunteerMilestoneReached}, once per milestone.
 */
@Component
class Hours {

    static final List<Integer> MILESTONES = List.of(10, 50, 100);

    private final JdbcClient jdbc;
    private final Volunteers volunteers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Hours(JdbcClient jdbc, Volunteers volunteers, ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.volunteers = volunteers;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A session of an organisation was held: its helpers get its hours (once, however often attendance is recorded). */
    @ApplicationModuleListener
    void onAttendance(AttendanceRecorded recorded) {
        logSessionHours(recorded.sessionId());
    }

    @Transactional
    int logSessionHours(long sessionId) {
        List<Object[]> helpers = jdbc.sql("""
                        SELECT id, site_id, organisation_id, volunteer_id, account_id, starts_at, ends_at
                        FROM volunteer_session_helper WHERE session_id = ?""")
                .param(sessionId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()})
                .list();
        int logged = 0;
        for (Object[] h : helpers) {
            if (logAutomatic((long) h[1], (long) h[2], (long) h[3], (long) h[4], "SESSION", (long) h[0], (Instant) h[5], (Instant) h[6])) {
                logged++;
            }
        }
        return logged;
    }

    /** Shifts that ended with the volunteer on them count; looked at every few minutes. */
    @Scheduled(fixedDelayString = "${learningmap.network.shift-sweep:5m}", initialDelayString = "${learningmap.network.shift-sweep:5m}")
    // One node at a time (ShedLock); a second node skips the run while the first holds the lock.
    @SchedulerLock(name = "network.completed-shift-hours")
    void sweep() {
        logCompletedShifts();
    }

    int logCompletedShifts() {
        List<Object[]> done = jdbc.sql("""
                        SELECT x.id, x.site_id, x.organisation_id, x.volunteer_id, x.account_id, x.starts_at, x.ends_at
                        FROM volunteer_shift_signup x
                        WHERE x.status = 'ACTIVE' AND x.ends_at <= ?
                          AND NOT EXISTS (SELECT 1 FROM volunteer_hours h WHERE h.source = 'SHIFT' AND h.source_ref = x.id)
                        ORDER BY x.id LIMIT 500""")
                .param(ts(clock.instant()))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()})
                .list();
        int logged = 0;
        for (Object[] x : done) {
            Boolean inserted = transaction.execute(status -> logAutomatic((long) x[1], (long) x[2], (long) x[3], (long) x[4], "SHIFT",
                    (long) x[0], (Instant) x[5], (Instant) x[6]));
            if (Boolean.TRUE.equals(inserted)) {
                logged++;
            }
        }
        return logged;
    }

    private boolean logAutomatic(long siteId, long organisationId, long volunteerId, long accountId, String source, long sourceRef,
                                 Instant from, Instant to) {
        int minutes = (int) Math.max(1, Math.min(960, Duration.between(from, to).toMinutes()));
        LocalDate day = LocalDate.ofInstant(from, volunteers.zone(siteId));
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO volunteer_hours (site_id, organisation_id, volunteer_id, account_id, source, source_ref, minutes,
                                                     worked_on, status, created_at, decided_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'APPROVED', ?, ?)
                        ON CONFLICT (source, source_ref) WHERE source <> 'MANUAL' DO NOTHING RETURNING id""")
                .params(siteId, organisationId, volunteerId, accountId, source, sourceRef, minutes, day, ts(clock.instant()),
                        ts(clock.instant()))
                .query(Long.class).optional();
        id.ifPresent(entry -> counted(entry, siteId, organisationId, accountId, minutes, source));
        return id.isPresent();
    }

    /** The volunteer enters time they gave; it counts once staff of the organisation approve it. */
    @Transactional
    HoursEntry logManually(long accountId, long volunteerId, LocalDate day, int minutes, String note) {
        Volunteers.Volunteer v = volunteers.volunteer(volunteerId)
                .filter(found -> found.accountId() != null && found.accountId() == accountId && found.approved())
                .orElseThrow(RuleViolation::notFound);
        if (day == null || day.isAfter(LocalDate.now(clock.withZone(volunteers.zone(v.siteId()))))
                || day.isBefore(LocalDate.now(clock).minusYears(1))) {
            throw RuleViolation.badRequest("network.hours.bad-day");
        }
        if (minutes < 1 || minutes > 960) {
            throw RuleViolation.badRequest("network.hours.bad-minutes");
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw RuleViolation.badRequest("network.hours.note-required");
        }
        if (text.length() > 500) {
            text = text.substring(0, 500);
        }
        long id = jdbc.sql("""
                        INSERT INTO volunteer_hours (site_id, organisation_id, volunteer_id, account_id, source, minutes, worked_on, note,
                                                     status, created_at)
                        VALUES (?, ?, ?, ?, 'MANUAL', ?, ?, ?, 'PENDING', ?) RETURNING id""")
                .params(v.siteId(), v.organisationId(), v.id(), accountId, minutes, day, text, ts(clock.instant()))
                .query(Long.class).single();
        return entry(id).orElseThrow();
    }

    /** Staff of the organisation approve or turn down time a volunteer entered; approval makes it count. */
    @Transactional
    HoursEntry decide(long actorId, long organisationId, long entryId, boolean approve) {
        volunteers.requireStaff(actorId, organisationId, StaffRole.EDUCATOR);
        HoursEntry entry = entry(entryId).filter(e -> e.organisationId() == organisationId).orElseThrow(RuleViolation::notFound);
        if (!entry.pending()) {
            throw new RuleViolation("network.hours.already-decided");
        }
        if (entry.accountId() != null && entry.accountId() == actorId) {
            throw new RuleViolation("network.hours.not-your-own");
        }
        int changed = jdbc.sql("UPDATE volunteer_hours SET status = ?, decided_at = ?, decided_by = ? WHERE id = ? AND status = 'PENDING'")
                .params(approve ? "APPROVED" : "REJECTED", ts(clock.instant()), actorId, entryId).update();
        if (changed == 1 && approve && entry.accountId() != null) {
            long siteId = jdbc.sql("SELECT site_id FROM volunteer_hours WHERE id = ?").param(entryId).query(Long.class).single();
            counted(entryId, siteId, organisationId, entry.accountId(), entry.minutes(), "MANUAL");
        }
        return entry(entryId).orElseThrow();
    }

    private void counted(long entryId, long siteId, long organisationId, long accountId, int minutes, String source) {
        Instant now = clock.instant();
        events.publishEvent(new VolunteerHoursLogged(entryId, siteId, organisationId, accountId, minutes, source, now));
        // One at a time per person and site, so two entries counted at once cannot both miss a milestone.
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params((int) (siteId % Integer.MAX_VALUE), (int) (accountId % Integer.MAX_VALUE))
                .query(Object.class).optional();
        int total = approvedMinutes(accountId, siteId);
        for (int milestone : MILESTONES) {
            if (total >= milestone * 60) {
                int inserted = jdbc.sql("""
                                INSERT INTO volunteer_milestone (site_id, account_id, hours, reached_at) VALUES (?, ?, ?, ?)
                                ON CONFLICT DO NOTHING""")
                        .params(siteId, accountId, milestone, ts(now)).update();
                if (inserted == 1) {
                    events.publishEvent(new VolunteerMilestoneReached(siteId, accountId, milestone, now));
                }
            }
        }
    }

    /** The person's counted minutes on a site. */
    int approvedMinutes(long accountId, long siteId) {
        return jdbc.sql("SELECT coalesce(sum(minutes), 0) FROM volunteer_hours WHERE account_id = ? AND site_id = ? AND status = 'APPROVED'")
                .params(accountId, siteId).query(Integer.class).single();
    }

    Optional<HoursEntry> entry(long id) {
        return jdbc.sql(ENTRY_SELECT + " WHERE h.id = ?").param(id).query(Hours::entryRow).optional();
    }

    List<HoursEntry> entriesOf(long accountId, long siteId) {
        return jdbc.sql(ENTRY_SELECT + " WHERE h.account_id = ? AND h.site_id = ? ORDER BY h.worked_on DESC, h.id DESC LIMIT 100")
                .params(accountId, siteId).query(Hours::entryRow).list();
    }

    List<HoursEntry> pendingOf(long actorId, long organisationId) {
        volunteers.requireStaff(actorId, organisationId, StaffRole.EDUCATOR);
        return jdbc.sql(ENTRY_SELECT + " WHERE h.organisation_id = ? AND h.status = 'PENDING' ORDER BY h.worked_on, h.id LIMIT 200")
                .param(organisationId).query(Hours::entryRow).list();
    }

    private static final String ENTRY_SELECT = """
            SELECT h.id, h.organisation_id, h.account_id, coalesce(v.display_name, ''), h.source, h.minutes, h.worked_on, h.note, h.status
            FROM volunteer_hours h LEFT JOIN volunteer v ON v.id = h.volunteer_id""";

    private static HoursEntry entryRow(ResultSet rs, int row) throws SQLException {
        long account = rs.getLong(3);
        return new HoursEntry(rs.getLong(1), rs.getLong(2), rs.wasNull() ? null : account, rs.getString(4), rs.getString(5), rs.getInt(6),
                rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9));
    }
}
