package org.learningmap.recognition;

/** What a badge recognises. */
public enum BadgeSource {
    /** taking part in an activity */
    ACTIVITY,
    /** completing a playlist */
    PLAYLIST,
    /** reaching a band of an area in the skills check */
    SKILLS_BAND,
    /** a volunteer hours milestone */
    VOLUNTEER_HOURS,
    /** made by an organisation by hand */
    CUSTOM
}
