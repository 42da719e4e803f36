package org.learningmap.enrolment;

import java.util.List;
import org.learningmap.catalogue.ActivityCancelled;
import org.learningmap.catalogue.ActivityStatus;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.SessionCancelled;
import org.learningmap.catalogue.SessionFacts;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a session or an activity will not take place, everyone's place in it ends and each person is
 * told by e-mail in their language. For a course, one cancelled session leaves the places as they
 * are and tells the people signed up; a cancelled course ends them.
 */
@Component
class CancelledSessions {

    private final Enrolments enrolments;
    private final EnrolmentStore store;
    private final Catalogue catalogue;
    private final EnrolmentMail mail;

    CancelledSessions(Enrolments enrolments, EnrolmentStore store, Catalogue catalogue, EnrolmentMail mail) {
        this.enrolments = enrolments;
        this.store = store;
        this.catalogue = catalogue;
        this.mail = mail;
    }

    @ApplicationModuleListener
    void on(SessionCancelled cancelled) {
        store.sessionPool(cancelled.sessionId()).ifPresent(enrolments::cancelPool);
        SessionFacts session = catalogue.session(cancelled.sessionId()).orElse(null);
        if (session == null || !session.wholeActivityRegistration() || session.activityStatus() == ActivityStatus.CANCELLED) {
            return;
        }
        store.activityPool(cancelled.activityId()).ifPresent(pool -> {
            List<EnrolmentRow> people = store.activeOfPool(pool.id());
            people.stream().filter(e -> e.status() == EnrolmentStatus.CONFIRMED).forEach(e -> mail.oneSessionCancelled(e, session));
        });
    }

    @ApplicationModuleListener
    void on(ActivityCancelled cancelled) {
        store.activityPool(cancelled.activityId()).ifPresent(enrolments::cancelPool);
    }
}
