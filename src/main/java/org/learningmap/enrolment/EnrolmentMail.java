package org.learningmap.enrolment;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.accounts.Addressee;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.Formats;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.catalogue.CalendarFile;
import org.learningmap.platform.Attachment;
import org.learningmap.platform.Notifications;
import org.learningmap.shared.Languages;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Messages about a person's sign-up, each in the person's language and by the channel they chose
 * (e-mail, or a text message for someone with only a phone), queued in the transaction that made the
 * change. E-mails about a place carry the session's .ics; those about a lost place a cancellation
 * .ics. People who asked for no messages, or have neither address, get none.
 */
@Component
class EnrolmentMail {

    /** Which calendar file goes with a message. */
    enum Calendar { NONE, PUBLISH, CANCEL }

    /** At most this many sessions of a course get a cancellation .ics each. */
    static final int MAX_CALENDAR_FILES = 20;

    private final Notifications notifications;
    private final MessageSource messages;
    private final Accounts accounts;
    private final Catalogue catalogue;
    private final Sites sites;
    private final String baseUrl;

    EnrolmentMail(Notifications notifications, MessageSource messages, Accounts accounts, Catalogue catalogue, Sites sites,
                  @Value("${learningmap.base-url}") String baseUrl) {
        this.notifications = notifications;
        this.messages = messages;
        this.accounts = accounts;
        this.catalogue = catalogue;
        this.sites = sites;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A place, or a place in the queue, with the secret link to give it up. */
    void signedUp(EnrolmentRow enrolment, SessionFacts session, EnrolmentStatus status, Integer position, String manageToken) {
        signedUp(enrolment, session, status, position, manageToken, null);
    }

    /** The same, for a caller that has just read the person ({@code person}; null: read it here). */
    void signedUp(EnrolmentRow enrolment, SessionFacts session, EnrolmentStatus status, Integer position, String manageToken,
                  Addressee person) {
        String link = manageToken == null ? null : link(enrolment.siteId(), "/enrolment/manage/" + manageToken);
        String kind = status == EnrolmentStatus.CONFIRMED ? "confirmed" : "waitlisted";
        send(enrolment, session, "enrolment.mail." + kind, (what, when, name) -> new Object[] {name, what, when, position,
                link == null ? "" : link, accountLink(enrolment.siteId())},
                status == EnrolmentStatus.CONFIRMED ? Calendar.PUBLISH : Calendar.NONE, person);
    }

    /** Someone gave up a place and this person, first in line, has it now. */
    void promoted(EnrolmentRow enrolment) {
        send(enrolment, null, "enrolment.mail.promoted", (what, when, name) -> new Object[] {name, what, when,
                accountLink(enrolment.siteId())}, Calendar.PUBLISH);
    }

    /** Staff took the place back, with their reason. */
    void cancelledByStaff(EnrolmentRow enrolment, String reason) {
        send(enrolment, null, "enrolment.mail.staff-cancelled", (what, when, name) -> new Object[] {name, what, when, reason},
                Calendar.CANCEL);
    }

    /** The session (or the whole activity) will not take place, so the place is gone. */
    void sessionCancelled(EnrolmentRow enrolment) {
        send(enrolment, null, "enrolment.mail.session-cancelled", (what, when, name) -> new Object[] {name, what, when,
                link(enrolment.siteId(), "/search")}, Calendar.CANCEL);
    }

    /** One session of a course the person is signed up for will not take place; the rest still do. */
    void oneSessionCancelled(EnrolmentRow enrolment, SessionFacts session) {
        send(enrolment, session, "enrolment.mail.course-session-cancelled", (what, when, name) -> {
            Locale locale = localeOf(enrolment);
            return new Object[] {name, what, date(session.startsAt(), enrolment.siteId(), locale)};
        }, Calendar.CANCEL);
    }

    /** Asks whether the person still comes, with a link to say yes and one to release the place. */
    void reminder(EnrolmentRow enrolment, SessionFacts session, String token) {
        send(enrolment, null, "enrolment.mail.reminder", (what, when, name) -> {
            Locale locale = localeOf(enrolment);
            return new Object[] {name, what, date(session.startsAt(), enrolment.siteId(), locale),
                    link(enrolment.siteId(), "/enrolment/reminder/" + token)};
        }, Calendar.NONE);
    }

    interface Arguments {
        Object[] of(String what, String when, String name);
    }

    /** {@code session}: the session's facts when the caller has them already (a sign-up for that one session), else null. */
    private void send(EnrolmentRow enrolment, SessionFacts session, String key, Arguments arguments, Calendar calendar) {
        send(enrolment, session, key, arguments, calendar, null);
    }

    /** {@code read}: the person as the caller has just read them (the account of the sign-up), or null. */
    private void send(EnrolmentRow enrolment, SessionFacts session, String key, Arguments arguments, Calendar calendar, Addressee read) {
        if (enrolment.accountId() == null) {
            return;
        }
        Optional<Addressee> addressee = read != null && read.account().id() == enrolment.accountId() ? Optional.of(read)
                : accounts.addressee(enrolment.accountId());
        Optional<AccountSummary> person = addressee.map(Addressee::account);
        Optional<Notifications.Recipient> reachable = addressee.map(Addressee::recipient);
        if (person.isEmpty() || reachable.isEmpty()) {
            return;
        }
        String language = person.get().preferredLanguage();
        Locale locale = Locale.forLanguageTag(Languages.isInterfaceLanguage(language) ? language : "en");
        boolean known = session != null && enrolment.sessionId() != null && enrolment.sessionId() == session.sessionId();
        String what = known ? session.activityTitle().in(locale) : title(enrolment, locale);
        String when = known ? date(session.startsAt(), enrolment.siteId(), locale) : when(enrolment, locale);
        Object[] args = java.util.Arrays.copyOf(arguments.of(what, when, person.get().displayName()), 7);
        args[6] = sites.byId(enrolment.siteId()).map(site -> site.name().in(locale)).orElse("");
        Notifications.Recipient to = new Notifications.Recipient(reachable.get().email(), reachable.get().phone(),
                locale.getLanguage(), reachable.get().preferredChannel());
        Notifications.Message message = new Notifications.Message(key + ".subject", key + ".body", key + ".sms",
                java.util.Arrays.asList(args), calendarFiles(enrolment, session, calendar, locale.getLanguage(), what));
        notifications.send(to, message);
    }

    /** The .ics files for the message: the session's, a course's sessions in one file, or cancellation notices. */
    private List<Attachment> calendarFiles(EnrolmentRow enrolment, SessionFacts session, Calendar calendar, String language, String what) {
        if (calendar == Calendar.NONE) {
            return List.of();
        }
        boolean cancel = calendar == Calendar.CANCEL;
        Long sessionId = session != null ? Long.valueOf(session.sessionId()) : enrolment.sessionId();
        if (sessionId != null) {
            return catalogue.sessionCalendar(sessionId, language, cancel).map(EnrolmentMail::attachment).stream().toList();
        }
        List<Long> sessions = catalogue.sessionsOf(enrolment.activityId()).stream()
                .filter(s -> cancel || !s.cancelled()).map(SessionFacts::sessionId).limit(MAX_CALENDAR_FILES).toList();
        if (sessions.isEmpty()) {
            return List.of();
        }
        if (!cancel) {
            return List.of(attachment(catalogue.calendarOf(sessions, java.util.Set.of(), language, what,
                    "activity-" + enrolment.activityId() + ".ics")));
        }
        return sessions.stream().flatMap(id -> catalogue.sessionCalendar(id, language, true).stream()).map(EnrolmentMail::attachment).toList();
    }

    private static Attachment attachment(CalendarFile file) {
        return new Attachment(file.filename(), file.contentType(), file.content());
    }

    private Locale localeOf(EnrolmentRow enrolment) {
        String language = accounts.preferredLanguage(enrolment.accountId());
        return Locale.forLanguageTag(Languages.isInterfaceLanguage(language) ? language : "en");
    }

    private String title(EnrolmentRow enrolment, Locale locale) {
        List<SessionFacts> sessions = catalogue.sessionsOf(enrolment.activityId());
        return sessions.isEmpty() ? "" : sessions.getFirst().activityTitle().in(locale);
    }

    private String when(EnrolmentRow enrolment, Locale locale) {
        if (enrolment.sessionId() != null) {
            return catalogue.session(enrolment.sessionId()).map(s -> date(s.startsAt(), enrolment.siteId(), locale)).orElse("");
        }
        List<SessionFacts> sessions = catalogue.sessionsOf(enrolment.activityId()).stream().filter(s -> !s.cancelled()).toList();
        if (sessions.isEmpty()) {
            return "";
        }
        String first = date(sessions.getFirst().startsAt(), enrolment.siteId(), locale);
        return sessions.size() == 1 ? first
                : messages.getMessage("enrolment.mail.course-when", new Object[] {first, sessions.size()}, locale);
    }

    private String date(Instant at, long siteId, Locale locale) {
        Site site = sites.byId(siteId).orElseThrow();
        return Formats.date(at, site.zone(), locale) + ", " + Formats.time(at, site.zone(), locale);
    }

    private String accountLink(long siteId) {
        return link(siteId, "/account/enrolments");
    }

    String link(long siteId, String path) {
        String slug = sites.byId(siteId).map(Site::slug).orElse("");
        return baseUrl + "/" + slug + path;
    }
}
