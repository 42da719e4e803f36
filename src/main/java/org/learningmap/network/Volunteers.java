package org.learningmap.network;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.catalogue.Topic;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.organisations.VenueSummary;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The volunteers of an organisation: a person offers to volunteer (roles, languages, topics, home
 * branches, weekly availability), staff of the organisation approve; staff publish shifts at a branch
 * and assign volunteers to shifts and to sessions as helpers; volunteers sign up for open shifts and
 * cancel. Volunteers under 18 need a guardian's consent. Staff of one organisation never see or
 * change another's volunteers.
 */
@Service
public class Volunteers {

    /** What a volunteer does. */
    public static final List<String> ROLES = List.of("DIGITAL_LEADER", "E_SCOUT", "HUB_COORDINATOR", "TRAINER");
    /** The languages a volunteer may speak, by code. */
    public static final List<String> LANGUAGES = List.of("lt", "uk", "en", "ru", "pl");
    public static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    public static final List<String> PARTS = List.of("MORNING", "AFTERNOON", "EVENING");
    /** Younger than this, a volunteer needs a guardian's consent and, by the site's rule, an adult beside them. */
    static final int ADULT_AGE = 18;

    /** A person's offer to volunteer for an organisation, with the organisation's decision. */
    public record Volunteer(long id, long siteId, long organisationId, Long accountId, String displayName, List<String> roles,
                            List<String> languages, List<String> topics, List<Long> venueIds, List<String> availability,
                            boolean minor, String status) {

        public boolean approved() {
            return "APPROVED".equals(status);
        }

        public boolean pending() {
            return "PENDING".equals(status);
        }

        public boolean availableAt(String day, String part) {
            return availability.contains(day + "-" + part);
        }
    }

    /** A shift at a branch; {@code taken} counts the volunteers on it. */
    public record Shift(long id, long siteId, long organisationId, long venueId, Instant startsAt, Instant endsAt, int capacity,
                        boolean open, String note, int taken, boolean cancelled) {

        public boolean full() {
            return taken >= capacity;
        }
    }

    /** A volunteer on a shift. */
    public record ShiftSignup(long id, long shiftId, long organisationId, long volunteerId, long accountId, String volunteerName,
                              long venueId, Instant startsAt, Instant endsAt, String status) {

        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /** A volunteer helping at a session. */
    public record SessionHelper(long id, long sessionId, long volunteerId, String volunteerName, Instant startsAt, Instant endsAt) {
    }

    /** One entry of volunteer time: {@code source} SESSION, SHIFT or MANUAL; {@code status} PENDING, APPROVED or REJECTED. */
    public record HoursEntry(long id, long organisationId, Long accountId, String volunteerName, String source, int minutes,
                             LocalDate workedOn, String note, String status) {

        public boolean pending() {
            return "PENDING".equals(status);
        }
    }

    /** A 30-minute 1:1 help slot a volunteer offers at a branch; {@code booked} once someone has it. */
    public record HelpSlot(long id, long siteId, long organisationId, long venueId, long volunteerId, long volunteerAccountId,
                           String volunteerName, Long presentAccountId, Instant startsAt, Instant endsAt, List<String> languages,
                           List<String> topics, String status, boolean booked) {
    }

    /** A person booked into a help slot; {@code status} BOOKED, CANCELLED, HELD or NO_SHOW. */
    public record HelpBooking(long id, long slotId, long siteId, long organisationId, long venueId, long volunteerAccountId,
                              String volunteerName, Long personAccountId, String personName, String visitorPhone, String topic,
                              String language, Instant startsAt, Instant endsAt, String status) {

        public boolean booked() {
            return "BOOKED".equals(status);
        }
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Organisations organisations;
    private final Catalogue catalogue;
    private final Sites sites;
    private final Clock clock;

    Volunteers(JdbcClient jdbc, Accounts accounts, Organisations organisations, Catalogue catalogue, Sites sites, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.sites = sites;
        this.clock = clock;
    }

    // --- the site's rule

    /** Whether, on this site, a volunteer under 18 never runs a 1:1 session without an adult present (default: yes). */
    public boolean minorsNeverAlone(long siteId) {
        return jdbc.sql("SELECT minors_never_alone FROM network_site_setting WHERE site_id = ?").param(siteId)
                .query(Boolean.class).optional().orElse(true);
    }

    /** Changes the site's safeguarding rule; only a coordinator of the site may. */
    @Transactional
    public void setMinorsNeverAlone(long actorId, long siteId, boolean never) {
        boolean coordinator = org.learningmap.accounts.CurrentAccount.get()
                .filter(me -> me.id() == actorId).map(me -> me.coordinates(siteId)).orElse(false);
        if (!coordinator) {
            throw RuleViolation.forbidden();
        }
        jdbc.sql("""
                        INSERT INTO network_site_setting (site_id, minors_never_alone) VALUES (?, ?)
                        ON CONFLICT (site_id) DO UPDATE SET minors_never_alone = excluded.minors_never_alone""")
                .params(siteId, never).update();
    }

    /** Whether the person is under 18 this year on the site (a person who gave no year of birth counts as an adult). */
    public boolean isMinor(long accountId, long siteId) {
        int thisYear = LocalDate.now(clock.withZone(zone(siteId))).getYear();
        return accounts.yearOfBirth(accountId).map(year -> thisYear - year < ADULT_AGE).orElse(false);
    }

    // --- profiles

    /**
     * The person offers to volunteer for an organisation of the site, or changes their offer. A new
     * offer waits for the organisation's approval; a person under 18 needs a guardian's consent first.
     */
    @Transactional
    public Volunteer offer(long accountId, long organisationId, Collection<String> roles, Collection<String> languages,
                           Collection<String> topics, Collection<Long> venueIds, Collection<String> availability) {
        long siteId = organisations.siteOf(organisationId).orElseThrow(RuleViolation::notFound);
        if (!organisations.isApproved(organisationId)) {
            throw RuleViolation.notFound();
        }
        AccountSummary person = accounts.byId(accountId).orElseThrow(RuleViolation::forbidden);
        Set<String> chosenRoles = within(roles, ROLES, "network.volunteer.roles-required");
        Set<String> spoken = within(languages, LANGUAGES, "network.volunteer.languages-required");
        Set<String> siteTopics = new TreeSet<>(catalogue.topics(siteId).stream().map(Topic::slug).toList());
        Set<String> chosenTopics = within(topics, siteTopics, null);
        Set<Long> ownVenues = new TreeSet<>(organisations.venuesOf(organisationId).stream().map(VenueSummary::id).toList());
        Set<Long> branches = new TreeSet<>(venueIds == null ? List.of() : venueIds);
        if (branches.isEmpty()) {
            throw RuleViolation.badRequest("network.volunteer.branch-required");
        }
        if (!ownVenues.containsAll(branches)) {
            throw RuleViolation.notFound();
        }
        Set<String> codes = new TreeSet<>();
        DAYS.forEach(day -> PARTS.forEach(part -> codes.add(day + "-" + part)));
        Set<String> times = within(availability, codes, null);
        boolean minor = isMinor(accountId, siteId);
        if (minor && !accounts.guardianConsented(accountId)) {
            throw new RuleViolation("network.safeguarding.guardian-consent");
        }
        long id = jdbc.sql("""
                        INSERT INTO volunteer (site_id, organisation_id, account_id, display_name, roles, languages, topics, venue_ids,
                                               availability, minor, created_at)
                        VALUES (?, ?, ?, ?, ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?, ?)
                        ON CONFLICT (organisation_id, account_id) DO UPDATE SET
                            display_name = excluded.display_name, roles = excluded.roles, languages = excluded.languages,
                            topics = excluded.topics, venue_ids = excluded.venue_ids, availability = excluded.availability,
                            minor = excluded.minor,
                            status = CASE WHEN volunteer.status = 'APPROVED' THEN 'APPROVED' ELSE 'PENDING' END
                        RETURNING id""")
                .params(siteId, organisationId, accountId, person.displayName(), array(chosenRoles), array(spoken),
                        array(chosenTopics), array(branches), array(times), minor, java.sql.Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return volunteer(id).orElseThrow();
    }

    /** The person stops volunteering for the organisation: their future shifts and open help slots go too. */
    @Transactional
    public void withdraw(long accountId, long volunteerId) {
        Volunteer v = volunteer(volunteerId).filter(found -> found.accountId() != null && found.accountId() == accountId)
                .orElseThrow(RuleViolation::notFound);
        jdbc.sql("UPDATE volunteer SET status = 'WITHDRAWN' WHERE id = ?").param(v.id()).update();
        jdbc.sql("UPDATE volunteer_shift_signup SET status = 'CANCELLED' WHERE volunteer_id = ? AND status = 'ACTIVE' AND starts_at > ?")
                .params(v.id(), ts(clock.instant())).update();
        jdbc.sql("UPDATE help_slot SET status = 'CANCELLED' WHERE volunteer_id = ? AND status = 'OPEN' AND starts_at > ?"
                        + " AND NOT EXISTS (SELECT 1 FROM help_booking b WHERE b.slot_id = help_slot.id AND b.status = 'BOOKED')")
                .params(v.id(), ts(clock.instant())).update();
    }

    /** Staff (editor or owner) of the organisation approve or turn down an offer to volunteer. */
    @Transactional
    public Volunteer decide(long actorId, long organisationId, long volunteerId, boolean approve) {
        requireStaff(actorId, organisationId, StaffRole.EDITOR);
        Volunteer v = volunteerOf(organisationId, volunteerId);
        if (approve && v.accountId() != null) {
            boolean minor = isMinor(v.accountId(), v.siteId());
            if (minor && !accounts.guardianConsented(v.accountId())) {
                throw new RuleViolation("network.safeguarding.guardian-consent");
            }
            jdbc.sql("UPDATE volunteer SET minor = ? WHERE id = ?").params(minor, v.id()).update();
        }
        jdbc.sql("UPDATE volunteer SET status = ?, decided_at = ?, decided_by = ? WHERE id = ?")
                .params(approve ? "APPROVED" : "REJECTED", ts(clock.instant()), actorId, v.id()).update();
        return volunteer(v.id()).orElseThrow();
    }

    public Optional<Volunteer> volunteer(long id) {
        return jdbc.sql("SELECT * FROM volunteer WHERE id = ?").param(id).query(Volunteers::volunteerRow).optional();
    }

    /** The person's offers to volunteer on a site. */
    public List<Volunteer> volunteeringOf(long accountId, long siteId) {
        return jdbc.sql("SELECT * FROM volunteer WHERE account_id = ? AND site_id = ? ORDER BY id")
                .params(accountId, siteId).query(Volunteers::volunteerRow).list();
    }

    /** The person's approved volunteering for an organisation, if any. */
    public Optional<Volunteer> approvedVolunteer(long accountId, long organisationId) {
        return jdbc.sql("SELECT * FROM volunteer WHERE account_id = ? AND organisation_id = ? AND status = 'APPROVED'")
                .params(accountId, organisationId).query(Volunteers::volunteerRow).optional();
    }

    /** Everyone who offered to volunteer for the organisation; staff of the organisation only. */
    public List<Volunteer> volunteersOf(long actorId, long organisationId) {
        requireStaff(actorId, organisationId, StaffRole.EDUCATOR);
        return jdbc.sql("SELECT * FROM volunteer WHERE organisation_id = ? ORDER BY status <> 'PENDING', display_name, id")
                .param(organisationId).query(Volunteers::volunteerRow).list();
    }

    // --- shifts

    /** Staff publish a shift at one of the organisation's branches; an open shift is offered to volunteers. */
    @Transactional
    public Shift publishShift(long actorId, long organisationId, long venueId, LocalDate day, LocalTime from, LocalTime to,
                              int capacity, boolean open, String note) {
        requireStaff(actorId, organisationId, StaffRole.EDUCATOR);
        VenueSummary venue = organisations.venue(venueId).filter(v -> v.organisationId() == organisationId)
                .orElseThrow(RuleViolation::notFound);
        if (day == null || from == null || to == null) {
            throw RuleViolation.badRequest("network.shift.when-required");
        }
        ZoneId zone = zone(venue.siteId());
        Instant starts = day.atTime(from).atZone(zone).toInstant();
        Instant ends = day.atTime(to).atZone(zone).toInstant();
        if (!ends.isAfter(starts) || ends.isAfter(starts.plusSeconds(16 * 3600))) {
            throw RuleViolation.badRequest("network.shift.bad-times");
        }
        if (!starts.isAfter(clock.instant())) {
            throw RuleViolation.badRequest("network.shift.in-the-past");
        }
        if (capacity < 1 || capacity > 100) {
            throw RuleViolation.badRequest("network.shift.bad-capacity");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > 300) {
            text = text.substring(0, 300);
        }
        long id = jdbc.sql("""
                        INSERT INTO volunteer_shift (site_id, organisation_id, venue_id, starts_at, ends_at, capacity, open, note, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(venue.siteId(), organisationId, venueId, ts(starts), ts(ends), capacity, open, text, actorId)
                .query(Long.class).single();
        return shift(id).orElseThrow();
    }

    /** Staff cancel a shift: everyone on it comes off. */
    @Transactional
    public void cancelShift(long actorId, long organisationId, long shiftId) {
        requireStaff(actorId, organisationId, StaffRole.EDUCATOR);
        Shift shift = shift(shiftId).filter(s -> s.organisationId() == organisationId).orElseThrow(RuleViolation::notFound);
        jdbc.sql("UPDATE volunteer_shift SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL")
                .params(ts(clock.instant()), shift.id()).update();
        jdbc.sql("UPDATE volunteer_shift_signup SET status = 'CANCELLED' WHERE shift_id = ? AND status = 'ACTIVE'")
                .param(shift.id()).update();
    }

    /** A volunteer takes a place on an open shift of an organisation they volunteer for. */
    @Transactional
    public ShiftSignup signUpForShift(long accountId, long shiftId) {
        Shift shift = lockShift(shiftId);
        if (!shift.open()) {
            throw RuleViolation.notFound();
        }
        Volunteer v = approvedVolunteer(accountId, shift.organisationId())
                .orElseThrow(() -> new RuleViolation("network.shift.not-a-volunteer"));
        return place(shift, v, null);
    }

    /** Staff put an approved volunteer of the organisation on a shift. */
    @Transactional
    public ShiftSignup assignShift(long actorId, long organisationId, long shiftId, long volunteerId) {
        requireStaff(actorId, organisationId, StaffRole.EDUCATOR);
        Volunteer v = volunteerOf(organisationId, volunteerId);
        if (!v.approved() || v.accountId() == null) {
            throw new RuleViolation("network.volunteer.not-approved");
        }
        Shift shift = lockShift(shiftId);
        if (shift.organisationId() != organisationId) {
            throw RuleViolation.notFound();
        }
        return place(shift, v, actorId);
    }

    private ShiftSignup place(Shift shift, Volunteer v, Long assignedBy) {
        if (shift.cancelled()) {
            throw new RuleViolation("network.shift.cancelled");
        }
        if (!shift.startsAt().isAfter(clock.instant())) {
            throw new RuleViolation("network.shift.started");
        }
        boolean already = jdbc.sql("SELECT EXISTS (SELECT 1 FROM volunteer_shift_signup WHERE shift_id = ? AND account_id = ? AND status = 'ACTIVE')")
                .params(shift.id(), v.accountId()).query(Boolean.class).single();
        if (already) {
            throw new RuleViolation("network.shift.already");
        }
        if (shift.full()) {
            throw new RuleViolation("network.shift.full");
        }
        try {
            long id = jdbc.sql("""
                            INSERT INTO volunteer_shift_signup (site_id, organisation_id, shift_id, volunteer_id, account_id, starts_at,
                                                                ends_at, assigned_by, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(shift.siteId(), shift.organisationId(), shift.id(), v.id(), v.accountId(), ts(shift.startsAt()),
                            ts(shift.endsAt()), assignedBy, ts(clock.instant()))
                    .query(Long.class).single();
            return signup(id).orElseThrow();
        } catch (DataIntegrityViolationException e) {
            if (violates(e, "volunteer_shift_no_overlap")) {
                throw new RuleViolation("network.shift.overlap");
            }
            throw e;
        }
    }

    /** The volunteer gives up their place on a shift that has not started. */
    @Transactional
    public void cancelShiftSignup(long accountId, long signupId) {
        ShiftSignup signup = signup(signupId).filter(s -> s.accountId() == accountId).orElseThrow(RuleViolation::notFound);
        if (!signup.active()) {
            return;
        }
        if (!signup.startsAt().isAfter(clock.instant())) {
            throw new RuleViolation("network.shift.started");
        }
        jdbc.sql("UPDATE volunteer_shift_signup SET status = 'CANCELLED' WHERE id = ?").param(signupId).update();
    }

    /** Staff mark that a volunteer did not come to a shift: no hours are counted for it. */
    @Transactional
    public void markShiftNoShow(long actorId, long organisationId, long signupId) {
        requireStaff(actorId, organisationId, StaffRole.EDUCATOR);
        ShiftSignup signup = signup(signupId).filter(s -> s.organisationId() == organisationId).orElseThrow(RuleViolation::notFound);
        jdbc.sql("UPDATE volunteer_shift_signup SET status = 'NO_SHOW' WHERE id = ? AND status = 'ACTIVE'").param(signup.id()).update();
    }

    public Optional<Shift> shift(long id) {
        return jdbc.sql(SHIFT_SELECT + " WHERE s.id = ?").param(id).query(Volunteers::shiftRow).optional();
    }

    /** The organisation's shifts from a day on, for its staff. */
    public List<Shift> shiftsOf(long actorId, long organisationId, Instant from) {
        requireStaff(actorId, organisationId, StaffRole.EDUCATOR);
        return jdbc.sql(SHIFT_SELECT + " WHERE s.organisation_id = ? AND s.ends_at > ? ORDER BY s.starts_at, s.id LIMIT 200")
                .params(organisationId, ts(from)).query(Volunteers::shiftRow).list();
    }

    /** Open shifts, not yet started, of the organisations the person volunteers for on the site. */
    public List<Shift> openShiftsFor(long accountId, long siteId) {
        return jdbc.sql(SHIFT_SELECT + " " + """
                         WHERE s.site_id = ? AND s.open AND s.cancelled_at IS NULL AND s.starts_at > ?
                           AND s.organisation_id IN (SELECT organisation_id FROM volunteer WHERE account_id = ? AND status = 'APPROVED')
                           AND NOT EXISTS (SELECT 1 FROM volunteer_shift_signup x WHERE x.shift_id = s.id AND x.account_id = ? AND x.status = 'ACTIVE')
                         ORDER BY s.starts_at, s.id LIMIT 100""")
                .params(siteId, ts(clock.instant()), accountId, accountId).query(Volunteers::shiftRow).list();
    }

    /** The person's own places on shifts of the site, newest last. */
    public List<ShiftSignup> shiftsOfVolunteer(long accountId, long siteId) {
        return jdbc.sql(SIGNUP_SELECT + " WHERE x.account_id = ? AND x.site_id = ? ORDER BY x.starts_at DESC, x.id LIMIT 100")
                .params(accountId, siteId).query(Volunteers::signupRow).list();
    }

    /** Who is on the organisation's shift. */
    public List<ShiftSignup> signupsOf(long actorId, long organisationId, long shiftId) {
        requireStaff(actorId, organisationId, StaffRole.EDUCATOR);
        return jdbc.sql(SIGNUP_SELECT + " WHERE x.shift_id = ? AND x.organisation_id = ? ORDER BY v.display_name")
                .params(shiftId, organisationId).query(Volunteers::signupRow).list();
    }

    Optional<ShiftSignup> signup(long id) {
        return jdbc.sql(SIGNUP_SELECT + " WHERE x.id = ?").param(id).query(Volunteers::signupRow).optional();
    }

    private Shift lockShift(long shiftId) {
        jdbc.sql("SELECT id FROM volunteer_shift WHERE id = ? FOR UPDATE").param(shiftId).query(Long.class).optional()
                .orElseThrow(RuleViolation::notFound);
        return shift(shiftId).orElseThrow(RuleViolation::notFound);
    }

    // --- helpers at sessions

    /** Staff put an approved volunteer of the organisation on one of its sessions as a helper. */
    @Transactional
    public SessionHelper assignToSession(long actorId, long organisationId, long sessionId, long volunteerId) {
        requireStaff(actorId, organisationId, StaffRole.EDUCATOR);
        SessionFacts session = catalogue.session(sessionId).filter(s -> s.organisationId() == organisationId)
                .orElseThrow(RuleViolation::notFound);
        Volunteer v = volunteerOf(organisationId, volunteerId);
        if (!v.approved() || v.accountId() == null) {
            throw new RuleViolation("network.volunteer.not-approved");
        }
        if (session.cancelled()) {
            throw new RuleViolation("network.session.cancelled");
        }
        jdbc.sql("""
                        INSERT INTO volunteer_session_helper (site_id, organisation_id, session_id, volunteer_id, account_id, starts_at,
                                                              ends_at, assigned_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, account_id) DO NOTHING""")
                .params(session.siteId(), organisationId, sessionId, v.id(), v.accountId(), ts(session.startsAt()),
                        ts(session.endsAt()), actorId)
                .update();
        return helpersOfSession(sessionId).stream().filter(h -> h.volunteerId() == v.id()).findFirst().orElseThrow();
    }

    /** The organisation's upcoming sessions with their helpers, for its staff. */
    public List<SessionFacts> upcomingSessions(long actorId, long organisationId) {
        requireStaff(actorId, organisationId, StaffRole.EDUCATOR);
        Instant now = clock.instant();
        return catalogue.sessionsOfOrganisation(organisationId, now, now.plusSeconds(31L * 24 * 3600)).stream()
                .filter(s -> !s.cancelled()).limit(30).toList();
    }

    public List<SessionHelper> helpersOfSession(long sessionId) {
        return jdbc.sql("""
                        SELECT h.id, h.session_id, h.volunteer_id, v.display_name, h.starts_at, h.ends_at
                        FROM volunteer_session_helper h JOIN volunteer v ON v.id = h.volunteer_id
                        WHERE h.session_id = ? ORDER BY v.display_name""")
                .param(sessionId)
                .query((rs, n) -> new SessionHelper(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
                .list();
    }

    // --- shared

    Volunteer volunteerOf(long organisationId, long volunteerId) {
        return volunteer(volunteerId).filter(v -> v.organisationId() == organisationId).orElseThrow(RuleViolation::notFound);
    }

    void requireStaff(long actorId, long organisationId, StaffRole atLeast) {
        if (!organisations.hasRole(actorId, organisationId, atLeast)) {
            throw RuleViolation.forbidden();
        }
    }

    ZoneId zone(long siteId) {
        return sites.byId(siteId).map(Site::zone).orElse(ZoneId.of("UTC"));
    }

    static boolean violates(DataIntegrityViolationException e, String constraint) {
        Throwable cause = e.getMostSpecificCause();
        return cause.getMessage() != null && cause.getMessage().contains(constraint);
    }

    static java.sql.Timestamp ts(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }

    static String array(Collection<?> values) {
        StringBuilder text = new StringBuilder("{");
        for (Object value : values) {
            if (text.length() > 1) {
                text.append(',');
            }
            text.append('"').append(value.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return text.append('}').toString();
    }

    static <T> Set<T> within(Collection<T> chosen, Collection<T> allowed, String requiredReason) {
        Set<T> set = new TreeSet<>(chosen == null ? List.of() : chosen.stream().filter(java.util.Objects::nonNull).toList());
        if (set.isEmpty() && requiredReason != null) {
            throw RuleViolation.badRequest(requiredReason);
        }
        if (!allowed.containsAll(set)) {
            throw RuleViolation.badRequest("error.invalid-input");
        }
        return set;
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }

    private static Volunteer volunteerRow(ResultSet rs, int row) throws SQLException {
        long account = rs.getLong("account_id");
        return new Volunteer(rs.getLong("id"), rs.getLong("site_id"), rs.getLong("organisation_id"), rs.wasNull() ? null : account,
                rs.getString("display_name"), strings(rs.getArray("roles")), strings(rs.getArray("languages")),
                strings(rs.getArray("topics")), longs(rs.getArray("venue_ids")), strings(rs.getArray("availability")),
                rs.getBoolean("minor"), rs.getString("status"));
    }

    private static final String SHIFT_SELECT = """
            SELECT s.*, (SELECT count(*) FROM volunteer_shift_signup x WHERE x.shift_id = s.id AND x.status = 'ACTIVE') AS taken
            FROM volunteer_shift s""";

    private static Shift shiftRow(ResultSet rs, int row) throws SQLException {
        return new Shift(rs.getLong("id"), rs.getLong("site_id"), rs.getLong("organisation_id"), rs.getLong("venue_id"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getInt("capacity"),
                rs.getBoolean("open"), rs.getString("note"), rs.getInt("taken"), rs.getTimestamp("cancelled_at") != null);
    }

    private static final String SIGNUP_SELECT = """
            SELECT x.id, x.shift_id, x.organisation_id, x.volunteer_id, x.account_id, v.display_name, s.venue_id, x.starts_at,
                   x.ends_at, x.status
            FROM volunteer_shift_signup x JOIN volunteer v ON v.id = x.volunteer_id JOIN volunteer_shift s ON s.id = x.shift_id""";

    private static ShiftSignup signupRow(ResultSet rs, int row) throws SQLException {
        return new ShiftSignup(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6),
                rs.getLong(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(), rs.getString(10));
    }
}
