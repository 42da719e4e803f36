package org.learningmap.recognition.earning;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.learningmap.catalogue.ActivityFacts;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.sites.Sites;
import org.learningmap.enrolment.Enrolments;
import org.learningmap.enrolment.SessionAttendee;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.AwardOutcome;
import org.learningmap.recognition.AwardPath;
import org.learningmap.recognition.AwardRequest;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.BadgeSource;
import org.learningmap.recognition.Recognition;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An educator awards a badge: to one person (by e-mail address, or picked from a session's
 * attendees) or to everyone marked present at a session at once. Each form carries a one-time
 * key; the same form sent twice awards nobody twice, and a person who already holds the badge
 * keeps the award they have.
 */
@Service
class EducatorAwards {

    static final String EMAIL_INVALID = "recognition-earning.award.email-invalid";
    static final String URL_INVALID = "recognition-earning.award.evidence-url-invalid";
    static final String TOO_LONG = "recognition-earning.award.too-long";
    static final String NOT_ATTENDEE = "recognition-earning.award.not-attendee";
    static final String SESSION_NOT_OF_BADGE = "recognition-earning.award.session-not-of-badge";

    /** What became of a session award: how many got the badge now, how many held it already. */
    record SessionResult(int awarded, int alreadyHeld) {
    }

    private final EarningAccess access;
    private final Recognition recognition;
    private final Enrolments enrolments;
    private final Catalogue catalogue;

    EducatorAwards(EarningAccess access, Recognition recognition, Enrolments enrolments, Catalogue catalogue) {
        this.catalogue = catalogue;
        this.access = access;
        this.recognition = recognition;
        this.enrolments = enrolments;
    }

    /**
     * Awards the badge to the person with this e-mail address (their account when they have one,
     * otherwise the address, and the award joins their account when they sign up).
     *
     * @throws RuleViolation 403 for anyone but staff of the badge's organisation; 400 for a bad address or link
     */
    @Transactional
    AwardOutcome awardByEmail(long badgeId, long staffId, String email, String name, String narrative, String evidenceUrl,
                              String formKey) {
        Badge badge = access.badgeToAward(badgeId, staffId);
        String address = email == null ? "" : email.strip();
        if (!AwardCsv.validEmail(address)) {
            throw RuleViolation.badRequest(EMAIL_INVALID);
        }
        checkTexts(name, narrative, evidenceUrl);
        // The facade gives an award to an address with an account to that account.
        return recognition.award(new AwardRequest(badge.id(), null, address, blankToNull(name),
                AwardPath.EDUCATOR, blankToNull(narrative), blankToNull(evidenceUrl), staffId,
                "educator:" + key(formKey) + ":" + address.toLowerCase(Locale.ROOT)));
    }

    /**
     * Awards the badge to one person marked present at a session of the badge's activity.
     *
     * @throws RuleViolation 403 for anyone but staff; 409 when the person was not present
     */
    @Transactional
    AwardOutcome awardAttendee(long badgeId, long staffId, long sessionId, long accountId, String narrative, String evidenceUrl,
                               String formKey) {
        Badge badge = access.badgeToAward(badgeId, staffId);
        checkTexts(null, narrative, evidenceUrl);
        SessionAttendee attendee = attendees(badge, sessionId, staffId).stream().filter(a -> a.accountId() == accountId).findFirst()
                .orElseThrow(() -> new RuleViolation(NOT_ATTENDEE));
        return recognition.award(new AwardRequest(badge.id(), attendee.accountId(), attendee.email(), attendee.displayName(),
                AwardPath.EDUCATOR, blankToNull(narrative), blankToNull(evidenceUrl), staffId,
                "educator:" + key(formKey) + ":a" + attendee.accountId()));
    }

    /**
     * Awards the badge to everyone marked present at the session, in one transaction: all or nobody.
     *
     * @throws RuleViolation 403 for anyone but staff; 409 for a session of another activity
     */
    @Transactional
    SessionResult awardSession(long badgeId, long staffId, long sessionId, String narrative, String formKey) {
        Badge badge = access.badgeToAward(badgeId, staffId);
        checkTexts(null, narrative, null);
        String key = key(formKey);
        int awarded = 0;
        int held = 0;
        for (SessionAttendee attendee : attendees(badge, sessionId, staffId)) {
            AwardOutcome outcome = recognition.award(new AwardRequest(badge.id(), attendee.accountId(), attendee.email(),
                    attendee.displayName(), AwardPath.EDUCATOR, blankToNull(narrative), null, staffId,
                    "session:" + key + ":" + sessionId + ":" + attendee.accountId()));
            if (outcome.created()) {
                awarded++;
            } else {
                held++;
            }
        }
        return new SessionResult(awarded, held);
    }

    /**
     * The activity's badge (made if it has none yet), for staff (educator or above) of its organisation.
     *
     * @throws RuleViolation 404 for an unknown activity or one of another site, 403 for anyone else
     */
    @Transactional
    Badge activityBadge(long activityId, long staffId) {
        ActivityFacts activity = catalogue.activityFacts(activityId).orElseThrow(RuleViolation::notFound);
        if (activity.siteId() != Sites.current().id()) {
            throw RuleViolation.notFound();
        }
        if (!access.mayAward(staffId, activity.organisationId())) {
            throw RuleViolation.forbidden();
        }
        return recognition.ensureActivityBadge(activityId);
    }

    /** The sessions of the badge's activity, newest first; none for a badge not made for an activity. */
    List<SessionFacts> sessions(Badge badge) {
        if (badge.source() != BadgeSource.ACTIVITY || badge.sourceId() == null) {
            return List.of();
        }
        return enrolments.sessionsOf(badge.sourceId()).stream().filter(s -> !s.cancelled())
                .sorted(java.util.Comparator.comparing(SessionFacts::startsAt).reversed()).toList();
    }

    /** The people marked present at a session of the badge's activity. */
    List<SessionAttendee> attendees(Badge badge, long sessionId, long staffId) {
        SessionFacts session = enrolments.session(sessionId).orElseThrow(RuleViolation::notFound);
        if (badge.source() != BadgeSource.ACTIVITY || badge.sourceId() == null || session.activityId() != badge.sourceId()) {
            throw new RuleViolation(SESSION_NOT_OF_BADGE);
        }
        return enrolments.attendeesOf(sessionId, staffId);
    }

    private static void checkTexts(String name, String narrative, String evidenceUrl) {
        if (name != null && name.strip().length() > AwardCsv.MAX_NAME) {
            throw RuleViolation.badRequest(TOO_LONG);
        }
        if (narrative != null && narrative.strip().length() > AwardCsv.MAX_NARRATIVE) {
            throw RuleViolation.badRequest(TOO_LONG);
        }
        if (blankToNull(evidenceUrl) != null && !AwardCsv.validUrl(evidenceUrl.strip())) {
            throw new RuleViolation(HttpStatus.BAD_REQUEST, URL_INVALID);
        }
    }

    /** The form's one-time key; a missing or odd one becomes a fresh key (the badge+person rule still holds). */
    static String key(String formKey) {
        try {
            return UUID.fromString(formKey == null ? "" : formKey.strip()).toString();
        } catch (IllegalArgumentException e) {
            return UUID.randomUUID().toString();
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
