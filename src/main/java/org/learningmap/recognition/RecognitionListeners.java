package org.learningmap.recognition;

import org.learningmap.assessment.SkillsBandReached;
import org.learningmap.catalogue.ActivityPublished;
import org.learningmap.enrolment.AttendanceRecorded;
import org.learningmap.enrolment.AttendanceWithdrawn;
import org.learningmap.network.VolunteerMilestoneReached;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Hears other modules' events (after their transaction commits, each in its own) and applies {@link BadgeRules}. */
@Component
class RecognitionListeners {

    private final BadgeRules rules;

    RecognitionListeners(BadgeRules rules) {
        this.rules = rules;
    }

    @ApplicationModuleListener
    void on(ActivityPublished published) {
        rules.activityPublished(published);
    }

    @ApplicationModuleListener
    void on(AttendanceRecorded attended) {
        rules.attended(attended);
    }

    @ApplicationModuleListener
    void on(AttendanceWithdrawn withdrawn) {
        rules.attendanceWithdrawn(withdrawn);
    }

    @ApplicationModuleListener
    void on(SkillsBandReached reached) {
        rules.bandReached(reached);
    }

    @ApplicationModuleListener
    void on(VolunteerMilestoneReached reached) {
        rules.milestoneReached(reached);
    }
}
