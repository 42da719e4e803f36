package org.learningmap.enrolment;

import java.time.Instant;
import java.util.Optional;
import org.learningmap.catalogue.ActivityKind;
import org.learningmap.catalogue.ActivityStatus;
import org.learningmap.catalogue.SessionFacts;

/**
 * The named decisions of signing up and cancelling. Each answers with the reason a request is
 * refused (a message key), or nothing when it is allowed.
 */
final class EnrolmentRules {

    static final String SESSION_CANCELLED = "enrolment.session-cancelled";
    static final String CLOSED = "enrolment.closed";
    static final String NOT_PUBLISHED = "enrolment.not-published";
    static final String NO_SIGN_UP = "enrolment.no-sign-up";
    static final String NOT_YOURS = "enrolment.not-yours";
    static final String ALREADY_CANCELLED = "enrolment.already-cancelled";
    static final String REASON_REQUIRED = "enrolment.reason-required";
    static final String KEY_REUSED = "enrolment.idempotency-key-reused";
    static final String INVALID_LINK = "enrolment.invalid-link";
    static final String ALREADY_STARTED = "enrolment.already-started";

    static final String AWAITING_GUARDIAN = org.learningmap.accounts.Accounts.AWAITING_GUARDIAN;

    static final int MAX_REASON = 500;

    private EnrolmentRules() {
    }

    /**
     * Whether someone may sign up for this session now: the activity is published, the session
     * takes place and has not ended. A whole course closes when its first session started.
     */
    static Optional<String> maySignUp(SessionFacts session, Instant firstStart, Instant now) {
        if (session.kind() == ActivityKind.ONLINE_COURSE) {
            return Optional.of(NO_SIGN_UP);
        }
        if (session.activityStatus() == ActivityStatus.CANCELLED || session.cancelled()) {
            return Optional.of(SESSION_CANCELLED);
        }
        if (session.activityStatus() != ActivityStatus.PUBLISHED) {
            return Optional.of(NOT_PUBLISHED);
        }
        Instant closes = session.wholeActivityRegistration() && firstStart != null ? firstStart : session.endsAt();
        if (!closes.isAfter(now)) {
            return Optional.of(CLOSED);
        }
        return Optional.empty();
    }

    /**
     * Whether a place may be held for this person at all: not for a minor whose guardian has not
     * yet agreed (whoever signs them up: themselves, the desk or a trusted person).
     */
    static Optional<String> mayHoldPlace(boolean mayKeepPersonalData) {
        return mayKeepPersonalData ? Optional.empty() : Optional.of(AWAITING_GUARDIAN);
    }

    /** Whether the person may give up this sign-up themselves: their own, not yet cancelled. */
    static Optional<String> personMayCancel(EnrolmentRow enrolment, long actorId) {
        if (enrolment.accountId() == null || enrolment.accountId() != actorId) {
            return Optional.of(NOT_YOURS);
        }
        return stillActive(enrolment);
    }

    /** Whether staff may take a place back: a reason the person will read, not yet cancelled. */
    static Optional<String> staffMayCancel(EnrolmentRow enrolment, String reason) {
        if (reason == null || reason.isBlank()) {
            return Optional.of(REASON_REQUIRED);
        }
        return stillActive(enrolment);
    }

    static Optional<String> stillActive(EnrolmentRow enrolment) {
        return enrolment.status() == EnrolmentStatus.CANCELLED ? Optional.of(ALREADY_CANCELLED) : Optional.empty();
    }

    /** A retried request must be the same request: one idempotency key, one pool. */
    static Optional<String> sameRequest(EnrolmentRow earlier, long poolId) {
        return earlier.poolId() == poolId ? Optional.empty() : Optional.of(KEY_REUSED);
    }

    static String cleanReason(String reason) {
        String stripped = reason == null ? "" : reason.strip();
        return stripped.length() > MAX_REASON ? stripped.substring(0, MAX_REASON) : stripped;
    }
}
