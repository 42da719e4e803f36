package org.learningmap.network;

import static org.learningmap.network.Volunteers.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.Formats;
import org.learningmap.catalogue.Topic;
import org.learningmap.network.Volunteers.HelpBooking;
import org.learningmap.network.Volunteers.HelpSlot;
import org.learningmap.network.Volunteers.Volunteer;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.organisations.VenueSummary;
import org.learningmap.platform.Notifications;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.LocalizedText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 1:1 help: volunteers offer 30-minute slots at a branch in their languages and topics; a person, or
 * staff of the branch's organisation on behalf of a visitor (with an account, or just a name and a
 * phone), books one matching the language and topic. The database keeps a volunteer and a person from
 * being booked twice at overlapping times. A reminder goes the day before; the volunteer records
 * whether the help happened ({@link HelpSessionHeld}).
 */
@Component
class HelpDesk {

    static final Duration SLOT = Duration.ofMinutes(30);
    static final Duration REMIND_BEFORE = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Volunteers volunteers;
    private final Accounts accounts;
    private final Organisations organisations;
    private final Catalogue catalogue;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    HelpDesk(JdbcClient jdbc, Volunteers volunteers, Accounts accounts, Organisations organisations, Catalogue catalogue,
             Notifications notifications, ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.volunteers = volunteers;
        this.accounts = accounts;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.notifications = notifications;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * An approved volunteer offers a help slot at a branch of their organisation. A volunteer under 18
     * names, by e-mail, the adult who will be present (an adult volunteer or a staff member of the
     * organisation) when the site's safeguarding rule says so.
     */
    @Transactional
    HelpSlot offer(long accountId, long volunteerId, long venueId, LocalDate day, LocalTime at, Collection<String> languages,
                   Collection<String> topics, String presentEmail) {
        Volunteer v = volunteers.volunteer(volunteerId)
                .filter(found -> found.accountId() != null && found.accountId() == accountId)
                .orElseThrow(RuleViolation::notFound);
        if (!v.approved()) {
            throw new RuleViolation("network.volunteer.not-approved");
        }
        VenueSummary venue = organisations.venue(venueId).filter(found -> found.organisationId() == v.organisationId())
                .orElseThrow(RuleViolation::notFound);
        if (day == null || at == null) {
            throw RuleViolation.badRequest("network.help.when-required");
        }
        Instant starts = day.atTime(at).atZone(volunteers.zone(v.siteId())).toInstant();
        if (!starts.isAfter(clock.instant())) {
            throw RuleViolation.badRequest("network.help.in-the-past");
        }
        Set<String> spoken = Volunteers.within(languages, Volunteers.LANGUAGES, "network.help.language-required");
        Set<String> siteTopics = new TreeSet<>(catalogue.topics(v.siteId()).stream().map(Topic::slug).toList());
        Set<String> helpTopics = Volunteers.within(topics, siteTopics, "network.help.topic-required");
        Long present = presentAdult(v, presentEmail);
        try {
            long id = jdbc.sql("""
                            INSERT INTO help_slot (site_id, organisation_id, venue_id, volunteer_id, volunteer_account_id, present_account_id,
                                                   starts_at, ends_at, languages, topics, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?) RETURNING id""")
                    .params(v.siteId(), v.organisationId(), venue.id(), v.id(), accountId, present, ts(starts), ts(starts.plus(SLOT)),
                            Volunteers.array(spoken), Volunteers.array(helpTopics), ts(clock.instant()))
                    .query(Long.class).single();
            return slot(id).orElseThrow();
        } catch (DataIntegrityViolationException e) {
            if (Volunteers.violates(e, "help_slot_no_overlap")) {
                throw new RuleViolation("network.help.slot-overlap");
            }
            throw e;
        }
    }

    /** The adult present at a minor volunteer's slot, when the site's rule asks for one; refused when there is none. */
    private Long presentAdult(Volunteer v, String presentEmail) {
        boolean minor = volunteers.isMinor(v.accountId(), v.siteId());
        String email = presentEmail == null ? "" : presentEmail.strip();
        if (email.isEmpty()) {
            if (minor && volunteers.minorsNeverAlone(v.siteId())) {
                throw new RuleViolation("network.safeguarding.minor-alone");
            }
            return null;
        }
        AccountSummary adult = accounts.byEmail(email).filter(found -> found.id() != v.accountId())
                .orElseThrow(() -> new RuleViolation("network.safeguarding.no-such-adult"));
        boolean staff = organisations.hasRole(adult.id(), v.organisationId(), StaffRole.EDUCATOR);
        boolean adultVolunteer = volunteers.approvedVolunteer(adult.id(), v.organisationId()).isPresent();
        if ((!staff && !adultVolunteer) || volunteers.isMinor(adult.id(), v.siteId())) {
            throw new RuleViolation("network.safeguarding.no-such-adult");
        }
        return adult.id();
    }

    /** The volunteer takes back a slot nobody has booked. */
    @Transactional
    void withdrawSlot(long accountId, long slotId) {
        HelpSlot slot = slot(slotId).filter(s -> s.volunteerAccountId() == accountId).orElseThrow(RuleViolation::notFound);
        if (slot.booked()) {
            throw new RuleViolation("network.help.slot-taken");
        }
        jdbc.sql("UPDATE help_slot SET status = 'CANCELLED' WHERE id = ?").param(slot.id()).update();
    }

    /** Free slots from now on, matching the language and topic (either may be blank); of one organisation if given. */
    List<HelpSlot> findFree(long siteId, Long organisationId, String language, String topic) {
        String lang = language == null ? "" : language.strip();
        String slug = topic == null ? "" : topic.strip();
        return jdbc.sql(SLOT_SELECT + " " + """
                         WHERE s.site_id = ? AND s.status = 'OPEN' AND s.starts_at > ?
                           AND (CAST(? AS bigint) IS NULL OR s.organisation_id = ?)
                           AND (? = '' OR ? = ANY (s.languages)) AND (? = '' OR ? = ANY (s.topics))
                           AND NOT EXISTS (SELECT 1 FROM help_booking b WHERE b.slot_id = s.id AND b.status <> 'CANCELLED')
                         ORDER BY s.starts_at, s.id LIMIT 30""")
                .params(siteId, ts(clock.instant()), organisationId, organisationId, lang, lang, slug, slug)
                .query(HelpDesk::slotRow).list();
    }

    /** The person books a slot for themselves. */
    @Transactional
    HelpBooking bookForMyself(long accountId, long slotId, String topic, String language) {
        return book(slotId, topic, language, accountId, null, null, accountId);
    }

    /**
     * Staff of the slot's organisation book it for a visitor: a person with an account (by e-mail), or
     * one known only by name and phone.
     */
    @Transactional
    HelpBooking bookForVisitor(long actorId, long organisationId, long slotId, String topic, String language, String email,
                               String name, String phone) {
        volunteers.requireStaff(actorId, organisationId, StaffRole.EDUCATOR);
        HelpSlot slot = slot(slotId).filter(s -> s.organisationId() == organisationId).orElseThrow(RuleViolation::notFound);
        String mail = email == null ? "" : email.strip();
        if (!mail.isEmpty()) {
            AccountSummary person = accounts.byEmail(mail).orElseThrow(() -> RuleViolation.badRequest("network.help.no-such-account"));
            return book(slot.id(), topic, language, person.id(), null, null, actorId);
        }
        String visitor = name == null ? "" : name.strip();
        String digits = phone == null ? "" : phone.replaceAll("[\\s().-]", "");
        if (visitor.isEmpty() || visitor.length() > 120) {
            throw RuleViolation.badRequest("network.help.name-required");
        }
        if (!digits.matches("\\+?[0-9]{6,15}")) {
            throw RuleViolation.badRequest("network.help.phone-invalid");
        }
        return book(slot.id(), topic, language, null, visitor, digits, actorId);
    }

    private HelpBooking book(long slotId, String topic, String language, Long personId, String visitorName, String visitorPhone,
                             long bookedBy) {
        if (personId != null && !accounts.mayKeepPersonalData(personId)) {
            throw new RuleViolation(org.learningmap.accounts.Accounts.AWAITING_GUARDIAN);
        }
        jdbc.sql("SELECT id FROM help_slot WHERE id = ? FOR UPDATE").param(slotId).query(Long.class).optional()
                .orElseThrow(RuleViolation::notFound);
        HelpSlot slot = slot(slotId).orElseThrow(RuleViolation::notFound);
        if (!"OPEN".equals(slot.status()) || !slot.startsAt().isAfter(clock.instant())) {
            throw new RuleViolation("network.help.slot-gone");
        }
        if (slot.booked()) {
            throw new RuleViolation("network.help.slot-taken");
        }
        if (!slot.topics().contains(topic) || !slot.languages().contains(language)) {
            throw RuleViolation.badRequest("network.help.no-match");
        }
        if (personId != null && personId == slot.volunteerAccountId()) {
            throw new RuleViolation("network.help.own-slot");
        }
        if (slot.presentAccountId() == null && volunteers.isMinor(slot.volunteerAccountId(), slot.siteId())
                && volunteers.minorsNeverAlone(slot.siteId())) {
            throw new RuleViolation("network.safeguarding.minor-alone");
        }
        String key = personId != null ? "account:" + personId : "phone:" + visitorPhone;
        try {
            long id = jdbc.sql("""
                            INSERT INTO help_booking (site_id, organisation_id, slot_id, venue_id, volunteer_account_id, person_account_id,
                                                      visitor_name, visitor_phone, person_key, topic, language, starts_at, ends_at,
                                                      booked_by, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(slot.siteId(), slot.organisationId(), slot.id(), slot.venueId(), slot.volunteerAccountId(), personId,
                            visitorName, visitorPhone, key, topic, language, ts(slot.startsAt()), ts(slot.endsAt()), bookedBy,
                            ts(clock.instant()))
                    .query(Long.class).single();
            return booking(id).orElseThrow();
        } catch (DataIntegrityViolationException e) {
            if (Volunteers.violates(e, "help_booking_person_free")) {
                throw new RuleViolation("network.help.person-busy");
            }
            if (Volunteers.violates(e, "help_booking_volunteer_free") || Volunteers.violates(e, "help_booking_one_per_slot")) {
                throw new RuleViolation("network.help.slot-taken");
            }
            throw e;
        }
    }

    /** The person, or staff of the organisation, cancel a booking that has not happened. */
    @Transactional
    void cancel(long actorId, long bookingId) {
        HelpBooking b = booking(bookingId).orElseThrow(RuleViolation::notFound);
        boolean own = b.personAccountId() != null && b.personAccountId() == actorId;
        if (!own && !organisations.hasRole(actorId, b.organisationId(), StaffRole.EDUCATOR)) {
            throw RuleViolation.notFound();
        }
        jdbc.sql("UPDATE help_booking SET status = 'CANCELLED' WHERE id = ? AND status = 'BOOKED'").param(b.id()).update();
    }

    /** The volunteer (or staff of the organisation) records, once the slot began, that the help happened or the person did not come. */
    @Transactional
    HelpBooking record(long actorId, long bookingId, boolean held) {
        HelpBooking b = booking(bookingId).orElseThrow(RuleViolation::notFound);
        if (b.volunteerAccountId() != actorId && !organisations.hasRole(actorId, b.organisationId(), StaffRole.EDUCATOR)) {
            throw RuleViolation.notFound();
        }
        if (!b.booked()) {
            throw new RuleViolation("network.help.already-recorded");
        }
        if (clock.instant().isBefore(b.startsAt())) {
            throw new RuleViolation("network.help.not-yet");
        }
        int changed = jdbc.sql("UPDATE help_booking SET status = ? WHERE id = ? AND status = 'BOOKED'")
                .params(held ? "HELD" : "NO_SHOW", b.id()).update();
        if (changed == 1 && held) {
            events.publishEvent(new HelpSessionHeld(b.id(), b.siteId(), b.organisationId(), b.venueId(), b.personAccountId(),
                    b.volunteerAccountId(), b.topic(), b.language(), clock.instant()));
        }
        return booking(b.id()).orElseThrow();
    }

    // --- reminders

    @Scheduled(fixedDelayString = "${learningmap.network.reminder-sweep:5m}", initialDelayString = "${learningmap.network.reminder-sweep:5m}")
    // One node at a time (ShedLock); a second node skips the run while the first holds the lock.
    @SchedulerLock(name = "network.help-booking-reminders")
    void sweep() {
        sendReminders();
    }

    /** Tells everyone booked in the next 24 hours, once, in their language; returns how many were told. */
    int sendReminders() {
        Instant now = clock.instant();
        List<Long> due = jdbc.sql("""
                        SELECT id FROM help_booking WHERE status = 'BOOKED' AND reminded_at IS NULL AND starts_at > ? AND starts_at <= ?
                        ORDER BY starts_at LIMIT 500""")
                .params(ts(now), ts(now.plus(REMIND_BEFORE))).query(Long.class).list();
        int told = 0;
        for (long id : due) {
            Boolean sent = transaction.execute(status -> remind(id));
            if (Boolean.TRUE.equals(sent)) {
                told++;
            }
        }
        return told;
    }

    private boolean remind(long bookingId) {
        int claimed = jdbc.sql("UPDATE help_booking SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL AND status = 'BOOKED'")
                .params(ts(clock.instant()), bookingId).update();
        if (claimed == 0) {
            return false;
        }
        HelpBooking b = booking(bookingId).orElseThrow();
        Optional<Notifications.Recipient> recipient = b.personAccountId() != null ? accounts.recipient(b.personAccountId())
                : Optional.of(new Notifications.Recipient(null, b.visitorPhone(), b.language(), Notifications.Channel.SMS));
        if (recipient.isEmpty()) {
            return false;
        }
        String language = recipient.get().language();
        Locale locale = Locale.forLanguageTag(language);
        ZoneId zone = volunteers.zone(b.siteId());
        String venue = organisations.venue(b.venueId()).map(v -> v.name().in(language) + ", " + v.address()).orElse("");
        String topic = catalogue.topics(b.siteId()).stream().filter(t -> t.slug().equals(b.topic())).findFirst()
                .map(Topic::name).orElse(LocalizedText.of("en", b.topic())).in(language);
        notifications.send(recipient.get(), Notifications.Message.of("network.help.reminder.subject", "network.help.reminder.body",
                "network.help.reminder.sms", Formats.date(b.startsAt(), zone, locale), Formats.time(b.startsAt(), zone, locale), venue,
                topic));
        return true;
    }

    // --- reading

    Optional<HelpSlot> slot(long id) {
        return jdbc.sql(SLOT_SELECT + " WHERE s.id = ?").param(id).query(HelpDesk::slotRow).optional();
    }

    Optional<HelpBooking> booking(long id) {
        return jdbc.sql(BOOKING_SELECT + " WHERE b.id = ?").param(id).query(HelpDesk::bookingRow).optional();
    }

    /** The volunteer's slots of the site from yesterday on. */
    List<HelpSlot> slotsOfVolunteer(long accountId, long siteId) {
        return jdbc.sql(SLOT_SELECT + " WHERE s.volunteer_account_id = ? AND s.site_id = ? AND s.status = 'OPEN' AND s.starts_at > ? ORDER BY s.starts_at LIMIT 100")
                .params(accountId, siteId, ts(clock.instant().minus(Duration.ofDays(1)))).query(HelpDesk::slotRow).list();
    }

    /** Bookings of the volunteer's slots on the site, recent and coming. */
    List<HelpBooking> bookingsWithVolunteer(long accountId, long siteId) {
        return jdbc.sql(BOOKING_SELECT + " WHERE b.volunteer_account_id = ? AND b.site_id = ? AND b.status <> 'CANCELLED' AND b.starts_at > ? ORDER BY b.starts_at LIMIT 100")
                .params(accountId, siteId, ts(clock.instant().minus(Duration.ofDays(14)))).query(HelpDesk::bookingRow).list();
    }

    /** The person's own bookings on the site. */
    List<HelpBooking> bookingsOf(long accountId, long siteId) {
        return jdbc.sql(BOOKING_SELECT + " WHERE b.person_account_id = ? AND b.site_id = ? ORDER BY b.starts_at DESC LIMIT 100")
                .params(accountId, siteId).query(HelpDesk::bookingRow).list();
    }

    /** The organisation's coming bookings, for its staff. */
    List<HelpBooking> bookingsOfOrganisation(long actorId, long organisationId) {
        volunteers.requireStaff(actorId, organisationId, StaffRole.EDUCATOR);
        return jdbc.sql(BOOKING_SELECT + " WHERE b.organisation_id = ? AND b.status <> 'CANCELLED' AND b.starts_at > ? ORDER BY b.starts_at LIMIT 100")
                .params(organisationId, ts(clock.instant().minus(Duration.ofDays(1)))).query(HelpDesk::bookingRow).list();
    }

    private static final String SLOT_SELECT = """
            SELECT s.*, v.display_name,
                   EXISTS (SELECT 1 FROM help_booking b WHERE b.slot_id = s.id AND b.status <> 'CANCELLED') AS booked
            FROM help_slot s JOIN volunteer v ON v.id = s.volunteer_id""";

    private static HelpSlot slotRow(ResultSet rs, int row) throws SQLException {
        long present = rs.getLong("present_account_id");
        Long presentId = rs.wasNull() ? null : present;
        return new HelpSlot(rs.getLong("id"), rs.getLong("site_id"), rs.getLong("organisation_id"), rs.getLong("venue_id"),
                rs.getLong("volunteer_id"), rs.getLong("volunteer_account_id"), rs.getString("display_name"), presentId,
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), Volunteers.strings(rs.getArray("languages")),
                Volunteers.strings(rs.getArray("topics")), rs.getString("status"), rs.getBoolean("booked"));
    }

    private static final String BOOKING_SELECT = """
            SELECT b.*, v.display_name AS volunteer_name
            FROM help_booking b JOIN help_slot s ON s.id = b.slot_id JOIN volunteer v ON v.id = s.volunteer_id""";

    private static HelpBooking bookingRow(ResultSet rs, int row) throws SQLException {
        long person = rs.getLong("person_account_id");
        Long personId = rs.wasNull() ? null : person;
        return new HelpBooking(rs.getLong("id"), rs.getLong("slot_id"), rs.getLong("site_id"), rs.getLong("organisation_id"),
                rs.getLong("venue_id"), rs.getLong("volunteer_account_id"), rs.getString("volunteer_name"), personId,
                rs.getString("visitor_name"), rs.getString("visitor_phone"), rs.getString("topic"), rs.getString("language"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getString("status"));
    }
}
