package org.learningmap.enrolment;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.Formats;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.platform.Outbox;
import org.learningmap.shared.Languages;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * E-mails about a person's sign-up, each in the person's language, written to the outbox in the
 * transaction that made the change. People without an e-mail address get none.
 */
@Component
class EnrolmentMail {

    private final Outbox outbox;
    private final MessageSource messages;
    private final Accounts accounts;
    private final Catalogue catalogue;
    private final Sites sites;
    private final String baseUrl;

    EnrolmentMail(Outbox outbox, MessageSource messages, Accounts accounts, Catalogue catalogue, Sites sites,
                  @Value("${learningmap.base-url}") String baseUrl) {
        this.outbox = outbox;
        this.messages = messages;
        this.accounts = accounts;
        this.catalogue = catalogue;
        this.sites = sites;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A place, or a place in the queue, with the secret link to give it up. */
    void signedUp(EnrolmentRow enrolment, SessionFacts session, EnrolmentStatus status, Integer position, String manageToken) {
        String link = manageToken == null ? null : link(enrolment.siteId(), "/enrolment/manage/" + manageToken);
        String kind = status == EnrolmentStatus.CONFIRMED ? "confirmed" : "waitlisted";
        send(enrolment, session, "enrolment.mail." + kind, (what, when, name) -> new Object[] {name, what, when, position,
                link == null ? "" : link, accountLink(enrolment.siteId())});
    }

    /** Someone gave up a place and this person, first in line, has it now. */
    void promoted(EnrolmentRow enrolment) {
        send(enrolment, "enrolment.mail.promoted", (what, when, name) -> new Object[] {name, what, when, accountLink(enrolment.siteId())});
    }

    /** Staff took the place back, with their reason. */
    void cancelledByStaff(EnrolmentRow enrolment, String reason) {
        send(enrolment, "enrolment.mail.staff-cancelled", (what, when, name) -> new Object[] {name, what, when, reason});
    }

    /** The session (or the whole activity) will not take place, so the place is gone. */
    void sessionCancelled(EnrolmentRow enrolment) {
        send(enrolment, "enrolment.mail.session-cancelled", (what, when, name) -> new Object[] {name, what, when,
                link(enrolment.siteId(), "/search")});
    }

    /** One session of a course the person is signed up for will not take place; the rest still do. */
    void oneSessionCancelled(EnrolmentRow enrolment, SessionFacts session) {
        send(enrolment, "enrolment.mail.course-session-cancelled", (what, when, name) -> {
            Locale locale = localeOf(enrolment);
            return new Object[] {name, what, date(session.startsAt(), enrolment.siteId(), locale)};
        });
    }

    /** Asks whether the person still comes, with a link to say yes and one to release the place. */
    void reminder(EnrolmentRow enrolment, SessionFacts session, String token) {
        send(enrolment, "enrolment.mail.reminder", (what, when, name) -> {
            Locale locale = localeOf(enrolment);
            return new Object[] {name, what, date(session.startsAt(), enrolment.siteId(), locale),
                    link(enrolment.siteId(), "/enrolment/reminder/" + token)};
        });
    }

    interface Arguments {
        Object[] of(String what, String when, String name);
    }

    private void send(EnrolmentRow enrolment, String key, Arguments arguments) {
        send(enrolment, null, key, arguments);
    }

    /** {@code session}: the session's facts when the caller has them already (a sign-up for that one session), else null. */
    private void send(EnrolmentRow enrolment, SessionFacts session, String key, Arguments arguments) {
        if (enrolment.accountId() == null) {
            return;
        }
        Optional<AccountSummary> person = accounts.byId(enrolment.accountId());
        if (person.isEmpty() || person.get().email() == null || person.get().email().isBlank()) {
            return;
        }
        String language = person.get().preferredLanguage();
        Locale locale = Locale.forLanguageTag(Languages.isInterfaceLanguage(language) ? language : "en");
        boolean known = session != null && enrolment.sessionId() != null && enrolment.sessionId() == session.sessionId();
        String what = known ? session.activityTitle().in(locale) : title(enrolment, locale);
        String when = known ? date(session.startsAt(), enrolment.siteId(), locale) : when(enrolment, locale);
        Object[] args = java.util.Arrays.copyOf(arguments.of(what, when, person.get().displayName()), 7);
        args[6] = sites.byId(enrolment.siteId()).map(site -> site.name().in(locale)).orElse("");
        outbox.enqueue(person.get().email(), messages.getMessage(key + ".subject", args, locale),
                messages.getMessage(key + ".body", args, locale));
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
