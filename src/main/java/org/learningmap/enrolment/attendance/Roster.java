package org.learningmap.enrolment.attendance;

import java.util.List;
import org.learningmap.catalogue.SessionFacts;

/**
 * Everything the roster page shows of one session: the people with a confirmed place, walk-ins
 * without one, the waitlist in order, and the counts.
 */
record Roster(SessionFacts session, List<Entry> confirmed, List<Entry> walkIns, List<String> waitlist,
              int present, int noShows, Integer capacity, boolean finished) {

    public int confirmedCount() {
        return confirmed.size();
    }

    /**
     * One line: an enrolment (a person with a place) and their attendance if any. {@code status} is
     * {@code PRESENT}, {@code NO_SHOW} or {@code null} (not marked yet).
     */
    record Entry(Long enrolmentId, Long attendanceId, Long accountId, String name, String status, String method,
                 boolean walkIn) {

        public boolean present() {
            return "PRESENT".equals(status);
        }

        public boolean noShow() {
            return "NO_SHOW".equals(status);
        }

        /** The element id of the line on the page. */
        public String rowId() {
            return enrolmentId != null ? "person-e" + enrolmentId : "person-a" + attendanceId;
        }
    }
}
