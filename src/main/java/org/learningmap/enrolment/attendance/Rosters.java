package org.learningmap.enrolment.attendance;

import java.sql.Timestamp;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.enrolment.AttendanceMethod;
import org.learningmap.enrolment.AttendanceRecorded;
import org.learningmap.enrolment.AttendanceWithdrawn;
import org.learningmap.enrolment.CheckInPasses;
import org.learningmap.enrolment.NoShowRecorded;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance at a session: who is on its roster, marking people present (by tap, pass or the
 * session's own QR), walk-ins, undo, and finishing with no-shows. The people on a session's roster
 * are the confirmed enrolments of its own pool or, for a course or camp, of its activity's pool.
 * Every change that records presence or absence publishes one event, once.
 */
@Service
class Rosters {

    static final String NOT_ENROLLED = "attendance.not-enrolled";
    static final String UNKNOWN_PASS = "attendance.pass.unknown";
    static final String CANCELLED = "attendance.session-cancelled";
    static final String TOO_EARLY = "attendance.finish.too-early";
    static final String NAME_REQUIRED = "attendance.walk-in.name-required";
    static final String TOO_LONG = "attendance.walk-in.too-long";

    private static final String ON_ROSTER = "(e.session_id = :session OR (e.session_id IS NULL AND e.activity_id = :activity))";

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final Organisations organisations;
    private final Accounts accounts;
    private final CheckInPasses passes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Rosters(JdbcClient jdbc, Catalogue catalogue, Organisations organisations, Accounts accounts, CheckInPasses passes,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.accounts = accounts;
        this.passes = passes;
        this.events = events;
        this.clock = clock;
    }

    /** The session, if it is of this site; staff of its organisation only (others: 403, unknown: 404). */
    SessionFacts openForStaff(long sessionId, long siteId, long accountId) {
        SessionFacts session = catalogue.session(sessionId).filter(s -> s.siteId() == siteId).orElseThrow(RuleViolation::notFound);
        if (!organisations.hasRole(accountId, session.organisationId(), StaffRole.EDUCATOR)) {
            throw RuleViolation.forbidden();
        }
        return session;
    }

    /** The session of this site, for the person checking themselves in. */
    SessionFacts session(long sessionId, long siteId) {
        return catalogue.session(sessionId).filter(s -> s.siteId() == siteId).orElseThrow(RuleViolation::notFound);
    }

    Roster roster(SessionFacts session, Locale locale) {
        List<Roster.Entry> confirmed = jdbc.sql("""
                        SELECT e.id AS enrolment_id, e.account_id, a.id AS attendance_id, a.status, a.method, a.walk_in_name,
                               e.source = 'WALK_IN' AS walk_in
                          FROM enrolment e
                          LEFT JOIN attendance a ON a.session_id = :session
                               AND (a.enrolment_id = e.id OR (e.account_id IS NOT NULL AND a.account_id = e.account_id))
                         WHERE e.status = 'CONFIRMED' AND """ + ON_ROSTER + " ORDER BY e.id")
                .param("session", session.sessionId()).param("activity", session.activityId())
                .query((rs, n) -> new Roster.Entry(rs.getLong("enrolment_id"), (Long) rs.getObject("attendance_id"),
                        (Long) rs.getObject("account_id"), rs.getString("walk_in_name"), rs.getString("status"),
                        rs.getString("method"), rs.getBoolean("walk_in")))
                .list();
        List<Roster.Entry> walkIns = jdbc.sql("""
                        SELECT a.id, a.account_id, a.walk_in_name, a.status, a.method FROM attendance a
                         WHERE a.session_id = ? AND a.enrolment_id IS NULL ORDER BY a.id
                        """)
                .param(session.sessionId())
                .query((rs, n) -> new Roster.Entry(null, rs.getLong("id"), (Long) rs.getObject("account_id"),
                        rs.getString("walk_in_name"), rs.getString("status"), rs.getString("method"), true))
                .list();
        List<Long> waiting = jdbc.sql("SELECT e.account_id FROM enrolment e WHERE e.status = 'WAITLISTED' AND " + ON_ROSTER
                        + " ORDER BY e.pool_id, e.id")
                .param("session", session.sessionId()).param("activity", session.activityId())
                .query((rs, n) -> (Long) rs.getObject(1)).list();
        Collator collator = Collator.getInstance(locale);
        Comparator<Roster.Entry> byName = Comparator.comparing(e -> e.name() == null ? "" : e.name(), collator);
        List<Roster.Entry> named = new ArrayList<>(confirmed.stream().map(this::named).sorted(byName).toList());
        List<Roster.Entry> namedWalkIns = walkIns.stream().map(this::named).toList();
        List<String> waitlist = waiting.stream().map(id -> nameOf(id).orElse(null)).toList();
        int present = (int) (named.stream().filter(Roster.Entry::present).count()
                + namedWalkIns.stream().filter(Roster.Entry::present).count());
        int noShows = (int) named.stream().filter(Roster.Entry::noShow).count();
        Integer capacity = jdbc.sql("SELECT capacity FROM place_pool WHERE " + (session.wholeActivityRegistration()
                        ? "activity_id = ? AND session_id IS NULL" : "session_id = ?"))
                .param(session.wholeActivityRegistration() ? session.activityId() : session.sessionId())
                .query((rs, n) -> (Integer) rs.getObject(1)).optional().orElse(session.capacity());
        return new Roster(session, named, namedWalkIns, waitlist, present, noShows, capacity, finished(session.sessionId()));
    }

    /** One line of the roster, after a change. */
    Optional<Roster.Entry> entry(SessionFacts session, Locale locale, String rowId) {
        Roster roster = roster(session, locale);
        return java.util.stream.Stream.concat(roster.confirmed().stream(), roster.walkIns().stream())
                .filter(e -> e.rowId().equals(rowId)).findFirst();
    }

    /** Marks a person with a place present; nothing changes (and nothing is published) if they already are. */
    @Transactional
    boolean markPresent(SessionFacts session, long enrolmentId, AttendanceMethod method, Long by) {
        Long accountId = jdbc.sql("SELECT e.account_id FROM enrolment e WHERE e.id = :id AND e.status = 'CONFIRMED' AND " + ON_ROSTER)
                .param("id", enrolmentId).param("session", session.sessionId()).param("activity", session.activityId())
                .query((rs, n) -> Optional.ofNullable((Long) rs.getObject(1))).optional()
                .orElseThrow(RuleViolation::notFound).orElse(null);
        return present(session, enrolmentId, accountId, method, by, null, null);
    }

    /** What scanning or typing a pass on the roster did. */
    record PassResult(boolean enrolled, boolean newlyPresent, long accountId, String name) {
    }

    /** Marks the holder of a pass present, if they have a place; says who it is either way. */
    @Transactional
    PassResult byPass(SessionFacts session, String code, long by) {
        long accountId = passes.holderOf(code).orElseThrow(() -> RuleViolation.badRequest(UNKNOWN_PASS));
        String name = nameOf(accountId).orElse("");
        Optional<Long> enrolment = confirmedEnrolmentOf(session, accountId);
        if (enrolment.isPresent()) {
            return new PassResult(true, present(session, enrolment.get(), accountId, AttendanceMethod.PASS, by, null, null),
                    accountId, name);
        }
        boolean alreadyWalkedIn = jdbc.sql("SELECT count(*) FROM attendance WHERE session_id = ? AND account_id = ? AND status = 'PRESENT'")
                .params(session.sessionId(), accountId).query(Integer.class).single() > 0;
        return new PassResult(alreadyWalkedIn, false, accountId, name);
    }

    /** The person checks themselves in with the session's QR code. */
    @Transactional
    boolean selfCheckIn(SessionFacts session, long accountId) {
        long enrolment = confirmedEnrolmentOf(session, accountId)
                .orElseThrow(() -> new RuleViolation(HttpStatus.CONFLICT, NOT_ENROLLED));
        return present(session, enrolment, accountId, AttendanceMethod.SESSION_CODE, accountId, null, null);
    }

    /** What adding a walk-in did. */
    record WalkInResult(String name, boolean placeTaken, boolean newlyPresent) {
    }

    /**
     * Someone at the door. A pass or an e-mail address of an account links them to it. If they
     * already have a place they are simply marked present; otherwise they take a free place (an
     * enrolment from the door) when there is one, and are recorded as present either way.
     */
    @Transactional
    WalkInResult walkIn(SessionFacts session, String typedName, String typedContact, String passCode, long by) {
        String name = typedName == null ? "" : typedName.strip();
        String contact = typedContact == null ? "" : typedContact.strip();
        if (name.length() > 200 || contact.length() > 200) {
            throw RuleViolation.badRequest(TOO_LONG);
        }
        Long accountId = null;
        if (passCode != null && !passCode.isBlank()) {
            accountId = passes.holderOf(passCode).orElseThrow(() -> RuleViolation.badRequest(UNKNOWN_PASS));
        } else if (contact.contains("@")) {
            accountId = accounts.byEmail(contact).map(AccountSummary::id).orElse(null);
        }
        if (accountId != null) {
            name = nameOf(accountId).orElse(name);
            contact = "";
            Optional<Long> enrolment = confirmedEnrolmentOf(session, accountId);
            if (enrolment.isPresent()) {
                return new WalkInResult(name, false, present(session, enrolment.get(), accountId, AttendanceMethod.WALK_IN, by, null, null));
            }
        } else if (name.isEmpty()) {
            throw RuleViolation.badRequest(NAME_REQUIRED);
        }
        refuseIfCancelled(session);
        Long enrolmentId = takeFreePlace(session, accountId, by);
        boolean newly = present(session, enrolmentId, accountId, AttendanceMethod.WALK_IN, by,
                accountId == null ? name : null, accountId == null && !contact.isEmpty() ? contact : null);
        return new WalkInResult(name, enrolmentId != null, newly);
    }

    /** Undoes a presence tapped by mistake. After finishing, a person with a place becomes a no-show instead. */
    @Transactional
    void undo(SessionFacts session, long attendanceId) {
        record Row(Long enrolmentId, Long accountId, String status) {
        }
        Row row = jdbc.sql("SELECT enrolment_id, account_id, status FROM attendance WHERE id = ? AND session_id = ?")
                .params(attendanceId, session.sessionId())
                .query((rs, n) -> new Row((Long) rs.getObject(1), (Long) rs.getObject(2), rs.getString(3)))
                .optional().orElseThrow(RuleViolation::notFound);
        if (!"PRESENT".equals(row.status())) {
            return;
        }
        Instant now = clock.instant();
        if (finished(session.sessionId()) && row.enrolmentId() != null) {
            int changed = jdbc.sql("UPDATE attendance SET status = 'NO_SHOW', method = NULL, recorded_at = ? WHERE id = ? AND status = 'PRESENT'")
                    .params(Timestamp.from(now), attendanceId).update();
            if (changed == 1) {
                events.publishEvent(new NoShowRecorded(session.siteId(), session.organisationId(), session.activityId(),
                        session.sessionId(), row.accountId(), now));
            }
            return;
        }
        if (jdbc.sql("DELETE FROM attendance WHERE id = ? AND status = 'PRESENT'").param(attendanceId).update() == 1) {
            events.publishEvent(new AttendanceWithdrawn(session.siteId(), session.organisationId(), session.activityId(),
                    session.sessionId(), row.accountId(), now));
        }
    }

    /** Records a no-show for every confirmed person not marked present; finishing again adds nothing. */
    @Transactional
    int finish(SessionFacts session, long by) {
        Instant now = clock.instant();
        if (now.isBefore(session.startsAt())) {
            throw new RuleViolation(TOO_EARLY);
        }
        jdbc.sql("""
                        INSERT INTO roster_finish (session_id, site_id, organisation_id, finished_by, finished_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                        """)
                .params(session.sessionId(), session.siteId(), session.organisationId(), by, Timestamp.from(now)).update();
        List<Optional<Long>> absent = jdbc.sql("""
                        INSERT INTO attendance (site_id, organisation_id, activity_id, session_id, enrolment_id, account_id,
                                                status, recorded_by, recorded_at)
                        SELECT :site, :organisation, :activity, :session, e.id, e.account_id, 'NO_SHOW', :by, :now
                          FROM enrolment e
                         WHERE e.status = 'CONFIRMED' AND """ + ON_ROSTER + """
                            AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = :session
                                            AND (a.enrolment_id = e.id OR (e.account_id IS NOT NULL AND a.account_id = e.account_id)))
                        ON CONFLICT DO NOTHING
                        RETURNING account_id
                        """)
                .param("site", session.siteId()).param("organisation", session.organisationId())
                .param("activity", session.activityId()).param("session", session.sessionId())
                .param("by", by).param("now", Timestamp.from(now))
                .query((rs, n) -> Optional.ofNullable((Long) rs.getObject(1))).list();
        for (Optional<Long> accountId : absent) {
            events.publishEvent(new NoShowRecorded(session.siteId(), session.organisationId(), session.activityId(),
                    session.sessionId(), accountId.orElse(null), now));
        }
        return absent.size();
    }

    boolean finished(long sessionId) {
        return jdbc.sql("SELECT count(*) FROM roster_finish WHERE session_id = ?").param(sessionId).query(Integer.class).single() > 0;
    }

    Optional<String> nameOf(Long accountId) {
        return accountId == null ? Optional.empty() : accounts.byId(accountId).map(AccountSummary::displayName);
    }

    private Roster.Entry named(Roster.Entry e) {
        String name = e.accountId() != null ? nameOf(e.accountId()).orElse(e.name()) : e.name();
        return new Roster.Entry(e.enrolmentId(), e.attendanceId(), e.accountId(), name, e.status(), e.method(), e.walkIn());
    }

    private Optional<Long> confirmedEnrolmentOf(SessionFacts session, long accountId) {
        return jdbc.sql("SELECT e.id FROM enrolment e WHERE e.account_id = :account AND e.status = 'CONFIRMED' AND " + ON_ROSTER
                        + " ORDER BY e.id LIMIT 1")
                .param("account", accountId).param("session", session.sessionId()).param("activity", session.activityId())
                .query(Long.class).optional();
    }

    /** Records presence once; a no-show who turns up after all becomes present. True when something changed. */
    private boolean present(SessionFacts session, Long enrolmentId, Long accountId, AttendanceMethod method, Long by,
                            String walkInName, String walkInContact) {
        refuseIfCancelled(session);
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                        INSERT INTO attendance (site_id, organisation_id, activity_id, session_id, enrolment_id, account_id,
                                                walk_in_name, walk_in_contact, status, method, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PRESENT', ?, ?, ?)
                        ON CONFLICT DO NOTHING
                        """)
                .params(session.siteId(), session.organisationId(), session.activityId(), session.sessionId(), enrolmentId,
                        accountId, walkInName, walkInContact, method.name(), by, Timestamp.from(now))
                .update();
        if (inserted == 0) {
            inserted = jdbc.sql("""
                            UPDATE attendance SET status = 'PRESENT', method = ?, recorded_by = ?, recorded_at = ?
                             WHERE session_id = ? AND status = 'NO_SHOW' AND (enrolment_id = ? OR account_id = ?)
                            """)
                    .params(method.name(), by, Timestamp.from(now), session.sessionId(), enrolmentId, accountId).update();
        }
        if (inserted > 0) {
            events.publishEvent(new AttendanceRecorded(session.siteId(), session.organisationId(), session.activityId(),
                    session.sessionId(), accountId, method, now));
            return true;
        }
        return false;
    }

    private void refuseIfCancelled(SessionFacts session) {
        if (session.cancelled()) {
            throw new RuleViolation(CANCELLED);
        }
    }

    /**
     * A place for a walk-in, taken like any other (a conditional update of the pool), or
     * {@code null} when none is free. A person on the waitlist moves up into it.
     */
    private Long takeFreePlace(SessionFacts session, Long accountId, long by) {
        boolean whole = session.wholeActivityRegistration();
        jdbc.sql("""
                        INSERT INTO place_pool (site_id, organisation_id, activity_id, session_id, capacity)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                        """)
                .params(session.siteId(), session.organisationId(), session.activityId(), whole ? null : session.sessionId(),
                        session.capacity())
                .update();
        long pool = jdbc.sql("SELECT id FROM place_pool WHERE " + (whole ? "activity_id = ? AND session_id IS NULL" : "session_id = ?"))
                .param(whole ? session.activityId() : session.sessionId()).query(Long.class).single();
        int taken = jdbc.sql("UPDATE place_pool SET confirmed = confirmed + 1 WHERE id = ? AND (capacity IS NULL OR confirmed < capacity)")
                .param(pool).update();
        if (taken == 0) {
            return null;
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (accountId != null) {
            Optional<Long> waiting = jdbc.sql("""
                            UPDATE enrolment SET status = 'CONFIRMED', confirmed_at = ?
                             WHERE pool_id = ? AND account_id = ? AND status = 'WAITLISTED' RETURNING id
                            """)
                    .params(now, pool, accountId).query(Long.class).optional();
            if (waiting.isPresent()) {
                return waiting.get();
            }
        }
        return jdbc.sql("""
                        INSERT INTO enrolment (pool_id, site_id, organisation_id, activity_id, session_id, account_id, status, source,
                                               acted_by, confirmed_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'CONFIRMED', 'WALK_IN', ?, ?) RETURNING id
                        """)
                .params(pool, session.siteId(), session.organisationId(), session.activityId(), whole ? null : session.sessionId(),
                        accountId, by, now)
                .query(Long.class).single();
    }
}
