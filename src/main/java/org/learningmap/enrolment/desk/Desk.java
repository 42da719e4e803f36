package org.learningmap.enrolment.desk;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.accounts.AssistedAccount;
import org.learningmap.accounts.AssistedAccounts;
import org.learningmap.accounts.ClaimCode;
import org.learningmap.accounts.ConsentMethod;
import org.learningmap.accounts.ConsentPurpose;
import org.learningmap.accounts.ConsentRecord;
import org.learningmap.accounts.Consents;
import org.learningmap.accounts.NewConsent;
import org.learningmap.accounts.NewPerson;
import org.learningmap.accounts.PersonMatch;
import org.learningmap.catalogue.ActivityStatus;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.enrolment.EnrolmentOutcome;
import org.learningmap.enrolment.EnrolmentSource;
import org.learningmap.enrolment.Enrolments;
import org.learningmap.organisations.Organisations;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk: staff of an organisation (any role) find or create a person of the site, record their
 * consent, sign them up for one of the organisation's coming sessions and print their card. Every
 * use case first opens the desk for the staff member ({@link #open}); people are those of the site,
 * sessions those of the organisation, cards only for people with a place (or a place in the queue)
 * in one of its sessions.
 */
@Service
class Desk {

    /** How far ahead the desk lists sessions when no day is chosen. */
    static final Duration AHEAD = Duration.ofDays(60);
    static final int MAX_SESSIONS = 30;
    /** How many sessions the desk lists before anything is searched for, so the page stays short. */
    static final int SOONEST = 8;

    /** The organisation whose desk it is, in the request's site. */
    record DeskOrganisation(long id, Site site, LocalizedText name) {
    }

    private final Organisations organisations;
    private final AssistedAccounts assisted;
    private final Accounts accounts;
    private final Consents consents;
    private final Catalogue catalogue;
    private final Enrolments enrolments;
    private final Clock clock;

    Desk(Organisations organisations, AssistedAccounts assisted, Accounts accounts, Consents consents, Catalogue catalogue,
         Enrolments enrolments, Clock clock) {
        this.organisations = organisations;
        this.assisted = assisted;
        this.accounts = accounts;
        this.consents = consents;
        this.catalogue = catalogue;
        this.enrolments = enrolments;
        this.clock = clock;
    }

    /** The organisation's desk for this staff member: 404 unless the organisation is of the site, 403 unless they work for it. */
    DeskOrganisation open(long organisationId, Site site, long staffAccountId) {
        if (organisations.siteOf(organisationId).filter(s -> s == site.id()).isEmpty()) {
            throw RuleViolation.notFound();
        }
        if (organisations.roleOf(staffAccountId, organisationId).isEmpty()) {
            throw RuleViolation.forbidden();
        }
        return new DeskOrganisation(organisationId, site, organisations.nameOf(organisationId).orElse(LocalizedText.EMPTY));
    }

    List<PersonMatch> find(DeskOrganisation desk, String typed, Integer yearOfBirth) {
        return assisted.find(desk.site().id(), typed, yearOfBirth, AssistedAccounts.MAX_RESULTS);
    }

    /** People of the site with exactly this name (ignoring case and accents) and year: likely the same person. */
    List<PersonMatch> sameNameAndYear(DeskOrganisation desk, String name, int yearOfBirth) {
        String wanted = folded(name);
        return find(desk, name, yearOfBirth).stream().filter(p -> folded(p.displayName()).equals(wanted)).toList();
    }

    AssistedAccount create(DeskOrganisation desk, long staffAccountId, NewPerson person) {
        return assisted.create(staffAccountId, desk.site().id(), person);
    }

    /** A person of the site (404 for anyone else). */
    AccountSummary person(DeskOrganisation desk, long accountId) {
        if (!assisted.belongsTo(accountId, desk.site().id())) {
            throw RuleViolation.notFound();
        }
        return accounts.byId(accountId).orElseThrow(RuleViolation::notFound);
    }

    /** Whether nothing more may be kept of the person until a guardian's consent is recorded. */
    boolean awaitsGuardian(long accountId) {
        return !accounts.mayKeepPersonalData(accountId);
    }

    /** The person's consent to keep their data that is in force, newest first. */
    Optional<ConsentRecord> consent(long accountId) {
        return consents.list(accountId).stream()
                .filter(c -> c.active() && c.purpose() == ConsentPurpose.PERSONAL_DATA)
                .findFirst();
    }

    /**
     * Records how the person (or, for a minor, their guardian) agreed that the data their sign-up
     * needs is kept.
     *
     * @throws RuleViolation {@code consent.*} (400) when the record lacks its witness or guardian
     */
    ConsentRecord recordConsent(DeskOrganisation desk, long staffAccountId, long accountId, ConsentMethod method, String witness,
                                String guardian, String guardianContact) {
        person(desk, accountId);
        if (method == null) {
            throw RuleViolation.badRequest(DeskController.CONSENT_METHOD_REQUIRED);
        }
        boolean minor = awaitsGuardian(accountId);
        return consents.record(new NewConsent(accountId, desk.site().id(), ConsentPurpose.PERSONAL_DATA, method,
                method == ConsentMethod.SPOKEN_WITH_WITNESS ? witness : null,
                minor ? guardian : null, minor ? guardianContact : null, staffAccountId));
    }

    /**
     * The organisation's published sessions still open for sign-up, soonest first: on one day if
     * {@code day} is given (else in the coming {@link #AHEAD}), whose title in any language contains
     * what was typed (ignoring case and accents). Without a search only the {@value #SOONEST} soonest.
     */
    List<SessionFacts> upcoming(DeskOrganisation desk, String typed, LocalDate day) {
        Instant now = clock.instant();
        ZoneId zone = desk.site().zone();
        Instant from = day == null ? now : day.atStartOfDay(zone).toInstant();
        Instant to = day == null ? now.plus(AHEAD) : day.plusDays(1).atStartOfDay(zone).toInstant();
        String wanted = folded(typed);
        return catalogue.sessionsOfOrganisation(desk.id(), from, to).stream()
                .filter(s -> s.siteId() == desk.site().id() && s.open(now))
                .filter(s -> wanted.isEmpty() || s.activityTitle().values().values().stream().anyMatch(t -> folded(t).contains(wanted)))
                .limit(wanted.isEmpty() && day == null ? SOONEST : MAX_SESSIONS)
                .toList();
    }

    /** One of the organisation's sessions (404 for another's, or one not published). */
    SessionFacts session(DeskOrganisation desk, long sessionId) {
        return catalogue.session(sessionId)
                .filter(s -> s.organisationId() == desk.id() && s.siteId() == desk.site().id())
                .filter(s -> s.activityStatus() == ActivityStatus.PUBLISHED)
                .orElseThrow(RuleViolation::notFound);
    }

    /**
     * Signs the person up at the desk, the staff member acting for them; signing up again gives the
     * place (or the place in the queue) they already have.
     *
     * @throws RuleViolation {@value Accounts#AWAITING_GUARDIAN} (409) for a minor without a guardian's
     *                       consent, or the enrolment rules' reasons
     */
    @Transactional
    EnrolmentOutcome enrol(DeskOrganisation desk, long staffAccountId, long accountId, long sessionId, String idempotencyKey) {
        person(desk, accountId);
        SessionFacts session = session(desk, sessionId);
        // a minor awaiting a guardian's consent is refused by the enrolment rules themselves
        return enrolments.enrol(session.sessionId(), accountId, EnrolmentSource.DESK, staffAccountId, Map.of(), idempotencyKey);
    }

    /** The person's sign-up for one of the organisation's sessions; 404 when they have none (no card then). */
    EnrolmentOutcome enrolment(DeskOrganisation desk, long accountId, long sessionId) {
        person(desk, accountId);
        SessionFacts session = session(desk, sessionId);
        return enrolments.enrolmentFor(session.sessionId(), accountId).orElseThrow(RuleViolation::notFound);
    }

    /** Whether a claim code the desk kept still works; without one, whether any code of the person still works. */
    boolean claimCodeOpen(long accountId, String code) {
        return assisted.hasOpenClaimCode(accountId, code);
    }

    /** A fresh claim code for a person who has not yet taken over their account; empty when they already did. */
    Optional<ClaimCode> newClaimCode(DeskOrganisation desk, long staffAccountId, long accountId) {
        try {
            return Optional.of(assisted.newClaimCode(staffAccountId, desk.site().id(), accountId));
        } catch (RuleViolation violation) {
            if (violation.status() == HttpStatus.NOT_FOUND) {
                throw violation;
            }
            return Optional.empty();
        }
    }

    static String folded(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
