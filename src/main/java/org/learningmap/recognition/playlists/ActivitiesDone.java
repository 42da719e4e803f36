package org.learningmap.recognition.playlists;

import org.learningmap.enrolment.AttendanceRecorded;
import org.learningmap.recognition.BadgeAwarded;
import org.learningmap.recognition.BadgeSource;
import org.learningmap.recognition.Recognition;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An activity counts as done for playlists when the person attended one of its sessions, or holds
 * its badge (an online course has no sessions: its badge is the proof).
 */
@Component
class ActivitiesDone {

    private final Playlists playlists;
    private final Recognition recognition;

    ActivitiesDone(Playlists playlists, Recognition recognition) {
        this.playlists = playlists;
        this.recognition = recognition;
    }

    @ApplicationModuleListener
    void on(AttendanceRecorded attended) {
        if (attended.accountId() != null) {
            playlists.recordDone(attended.accountId(), attended.activityId(), attended.siteId(), "ATTENDED", attended.at());
        }
    }

    @ApplicationModuleListener
    void on(BadgeAwarded awarded) {
        if (awarded.accountId() == null) {
            return;
        }
        recognition.badge(awarded.badgeId())
                .filter(badge -> badge.source() == BadgeSource.ACTIVITY && badge.sourceId() != null)
                .ifPresent(badge -> playlists.recordDone(awarded.accountId(), badge.sourceId(), awarded.siteId(), "BADGE", awarded.at()));
    }
}
