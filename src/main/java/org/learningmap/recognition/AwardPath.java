package org.learningmap.recognition;

/** How an award was earned. */
public enum AwardPath {
    /** automatically, by the badge's attendance rule */
    ATTENDANCE,
    /** by an educator, for one person or a whole session */
    EDUCATOR,
    /** a row of a CSV bulk award */
    BULK,
    /** with a claim code shown in the room or a claim link */
    CLAIM,
    /** after review of evidence the learner submitted */
    EVIDENCE,
    /** a skills-check band reached */
    SKILLS_CHECK,
    /** a volunteer hours milestone */
    VOLUNTEER_HOURS,
    /** a completed playlist */
    PLAYLIST
}
