package org.learningmap.catalogue.editing;

import org.learningmap.catalogue.ActivityKind;
import org.learningmap.catalogue.ActivityStatus;

/**
 * The activity's status workflow as named decisions. Each refusal has a message key that is shown
 * to the person in their language: draft → published (or pending review when the site moderates)
 * → cancelled or archived; a coordinator approves a pending activity or sends it back to draft.
 */
final class StatusRules {

    static final String ORGANISATION_NOT_APPROVED = "activity.organisation-not-approved";
    static final String NEEDS_SESSION = "activity.needs-session";
    static final String NEEDS_TITLE = "activity.needs-title";
    static final String NOT_A_DRAFT = "activity.not-a-draft";
    static final String NOT_PENDING = "activity.not-pending";
    static final String ALREADY_CLOSED = "activity.already-closed";
    static final String ALREADY_ARCHIVED = "activity.already-archived";
    static final String REASON_REQUIRED = "activity.reason-required";

    /** What a rule decided: the status to move to, or the reason it may not. */
    sealed interface Decision {
        record Allowed(ActivityStatus next) implements Decision {
        }

        record Refused(String reason) implements Decision {
        }
    }

    /** The facts the publishing rules look at. */
    record PublishFacts(ActivityStatus status, ActivityKind kind, boolean organisationApproved,
                        boolean hasTitleInDefaultLanguage, int upcomingSessions, boolean siteRequiresModeration) {
    }

    private StatusRules() {
    }

    /**
     * Staff publish a draft. It needs an approved organisation, a title in the site's default
     * language and an upcoming session (an online self-study course needs none). On a moderated
     * site it waits for a coordinator.
     */
    static Decision publish(PublishFacts facts) {
        if (facts.status() != ActivityStatus.DRAFT) {
            return new Decision.Refused(NOT_A_DRAFT);
        }
        return publishable(facts)
                ? new Decision.Allowed(facts.siteRequiresModeration() ? ActivityStatus.PENDING_REVIEW : ActivityStatus.PUBLISHED)
                : new Decision.Refused(firstRefusal(facts));
    }

    /** A coordinator approves an activity waiting for review; the same rules hold as when it was sent. */
    static Decision approve(PublishFacts facts) {
        if (facts.status() != ActivityStatus.PENDING_REVIEW) {
            return new Decision.Refused(NOT_PENDING);
        }
        return publishable(facts) ? new Decision.Allowed(ActivityStatus.PUBLISHED) : new Decision.Refused(firstRefusal(facts));
    }

    /** A coordinator sends a waiting activity back to draft, always with a reason for its staff. */
    static Decision sendBack(ActivityStatus status, String reason) {
        if (status != ActivityStatus.PENDING_REVIEW) {
            return new Decision.Refused(NOT_PENDING);
        }
        if (reason == null || reason.isBlank()) {
            return new Decision.Refused(REASON_REQUIRED);
        }
        return new Decision.Allowed(ActivityStatus.DRAFT);
    }

    /** Anything not yet cancelled or archived may be cancelled; its future sessions are cancelled with it. */
    static Decision cancel(ActivityStatus status) {
        return status == ActivityStatus.CANCELLED || status == ActivityStatus.ARCHIVED
                ? new Decision.Refused(ALREADY_CLOSED)
                : new Decision.Allowed(ActivityStatus.CANCELLED);
    }

    /** Archiving takes an activity off every list for good; it stays readable to its staff. */
    static Decision archive(ActivityStatus status) {
        return status == ActivityStatus.ARCHIVED ? new Decision.Refused(ALREADY_ARCHIVED) : new Decision.Allowed(ActivityStatus.ARCHIVED);
    }

    /** Staff may change the content of anything not archived. */
    static boolean editable(ActivityStatus status) {
        return status != ActivityStatus.ARCHIVED;
    }

    private static boolean publishable(PublishFacts facts) {
        return firstRefusal(facts) == null;
    }

    private static String firstRefusal(PublishFacts facts) {
        if (!facts.organisationApproved()) {
            return ORGANISATION_NOT_APPROVED;
        }
        if (!facts.hasTitleInDefaultLanguage()) {
            return NEEDS_TITLE;
        }
        if (facts.kind() != ActivityKind.ONLINE_COURSE && facts.upcomingSessions() == 0) {
            return NEEDS_SESSION;
        }
        return null;
    }
}
