package org.learningmap.impact;

import org.learningmap.accounts.AccountDeleted;
import org.learningmap.assessment.SelfRatingAnswered;
import org.learningmap.catalogue.SessionCancelled;
import org.learningmap.enrolment.AttendanceRecorded;
import org.learningmap.enrolment.AttendanceWithdrawn;
import org.learningmap.enrolment.EnrolmentCancelled;
import org.learningmap.enrolment.EnrolmentConfirmed;
import org.learningmap.enrolment.NoShowRecorded;
import org.learningmap.enrolment.WaitlistPromoted;
import org.learningmap.network.HelpSessionHeld;
import org.learningmap.network.VolunteerHoursLogged;
import org.learningmap.recognition.AwardRevoked;
import org.learningmap.recognition.BadgeAwarded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' events into facts. Each event is taken once: a fact names its source
 * (the sign-up, the person at the session, the award…), and a second delivery changes nothing.
 */
@Component
class ImpactListeners {

    private final Facts facts;
    private final Dimensions dimensions;
    private final PersonKeys people;

    ImpactListeners(Facts facts, Dimensions dimensions, PersonKeys people) {
        this.facts = facts;
        this.dimensions = dimensions;
        this.people = people;
    }

    @ApplicationModuleListener
    void on(EnrolmentConfirmed e) {
        enrolled(e.enrolmentId(), e.siteId(), e.organisationId(), e.activityId(), e.sessionId(), e.accountId(), e.at());
    }

    @ApplicationModuleListener
    void on(WaitlistPromoted e) {
        enrolled(e.enrolmentId(), e.siteId(), e.organisationId(), e.activityId(), e.sessionId(), e.accountId(), e.at());
    }

    private void enrolled(long enrolmentId, long siteId, long organisationId, long activityId, Long sessionId, Long accountId,
                          java.time.Instant at) {
        Facts.Cell cell = sessionId == null ? dimensions.ofActivity(siteId, organisationId, activityId, at)
                : dimensions.ofSession(sessionId).orElseGet(() -> dimensions.ofActivity(siteId, organisationId, activityId, at));
        facts.addOnce(cell, Facts.Kind.ENROLMENT, person(accountId), "enrolment:" + enrolmentId);
    }

    @ApplicationModuleListener
    void on(EnrolmentCancelled e) {
        if (e.hadPlace()) {
            facts.retract(Facts.Kind.ENROLMENT, "enrolment:" + e.enrolmentId());
        }
    }

    @ApplicationModuleListener
    void on(AttendanceRecorded e) {
        Facts.Cell cell = dimensions.ofSession(e.sessionId())
                .orElseGet(() -> dimensions.ofActivity(e.siteId(), e.organisationId(), e.activityId(), e.at()));
        facts.addOnce(cell, Facts.Kind.SESSION_HELD, null, "session:" + e.sessionId());
        if (e.accountId() == null) {
            facts.add(cell, Facts.Kind.ATTENDANCE, null, 1, 0, attendance(e.sessionId(), null));
        } else {
            facts.addOnce(cell, Facts.Kind.ATTENDANCE, person(e.accountId()), attendance(e.sessionId(), e.accountId()));
        }
    }

    @ApplicationModuleListener
    void on(AttendanceWithdrawn e) {
        facts.retract(Facts.Kind.ATTENDANCE, attendance(e.sessionId(), e.accountId()));
    }

    @ApplicationModuleListener
    void on(NoShowRecorded e) {
        Facts.Cell cell = dimensions.ofSession(e.sessionId())
                .orElseGet(() -> dimensions.ofActivity(e.siteId(), e.organisationId(), e.activityId(), e.at()));
        facts.addOnce(cell, Facts.Kind.NO_SHOW, person(e.accountId()), "no-show:" + e.sessionId() + ":" + e.accountId());
    }

    @ApplicationModuleListener
    void on(SessionCancelled e) {
        facts.retract(Facts.Kind.SESSION_HELD, "session:" + e.sessionId());
    }

    @ApplicationModuleListener
    void on(BadgeAwarded e) {
        Facts.Cell cell = new Facts.Cell(e.siteId(), e.organisationId(), 0, 0, dimensions.day(e.siteId(), e.at()));
        facts.addOnce(cell, Facts.Kind.BADGE, person(e.accountId()), "award:" + e.awardId());
    }

    @ApplicationModuleListener
    void on(AwardRevoked e) {
        facts.retract(Facts.Kind.BADGE, "award:" + e.awardId());
    }

    @ApplicationModuleListener
    void on(VolunteerHoursLogged e) {
        String source = "hours:" + e.entryId();
        facts.lock(source);
        if (!facts.seen(Facts.Kind.VOLUNTEER_MINUTES, source)) {
            Facts.Cell cell = new Facts.Cell(e.siteId(), e.organisationId(), 0, 0, dimensions.day(e.siteId(), e.at()));
            facts.add(cell, Facts.Kind.VOLUNTEER_MINUTES, null, e.minutes(), 0, source);
        }
    }

    @ApplicationModuleListener
    void on(HelpSessionHeld e) {
        Facts.Cell cell = new Facts.Cell(e.siteId(), e.organisationId(), dimensions.areaOfVenue(e.venueId()), 0,
                dimensions.day(e.siteId(), e.at()));
        facts.addOnce(cell, Facts.Kind.HELP, person(e.personAccountId()), "help:" + e.bookingId());
    }

    @ApplicationModuleListener
    void on(SelfRatingAnswered e) {
        Facts.Cell cell = e.sessionId() == null ? dimensions.ofActivity(e.siteId(), e.organisationId(), e.activityId(), e.at())
                : dimensions.ofSession(e.sessionId()).orElseGet(() -> dimensions.ofActivity(e.siteId(), e.organisationId(), e.activityId(), e.at()));
        Facts.Kind kind = "AFTER".equals(e.phase()) ? Facts.Kind.RATING_AFTER : Facts.Kind.RATING_BEFORE;
        // One answer is one count; its mean score is what the dashboard averages.
        facts.add(cell, kind, null, 1, e.scores() == 0 ? 0 : Math.round(10f * e.total() / e.scores()), null);
    }

    @ApplicationModuleListener
    void on(AccountDeleted e) {
        people.forget(e.accountId());
    }

    private Long person(Long accountId) {
        return accountId == null ? null : people.personOf(accountId);
    }

    private static String attendance(long sessionId, Long accountId) {
        return "attendance:" + sessionId + ":" + (accountId == null ? "walk-in" : accountId);
    }
}
