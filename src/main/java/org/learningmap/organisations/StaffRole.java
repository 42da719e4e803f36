package org.learningmap.organisations;

/** A person's role in an organisation. Each includes the rights of those after it. */
public enum StaffRole {
    /** Manages staff and everything the organisation publishes. */
    OWNER,
    /** Creates, edits and publishes activities, sessions and venues. */
    EDITOR,
    /** Runs sessions: rosters, attendance, awards. */
    EDUCATOR;

    public boolean atLeast(StaffRole other) {
        return ordinal() <= other.ordinal();
    }
}
