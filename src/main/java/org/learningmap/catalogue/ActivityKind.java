package org.learningmap.catalogue;

/** What sort of opportunity an activity is. */
public enum ActivityKind {
    /** A single taught class. */
    CLASS,
    /** Several sessions with one registration. */
    COURSE,
    /** A one-off event. */
    EVENT,
    /** A club meeting regularly. */
    CLUB,
    /** A camp over several days. */
    CAMP,
    /** A volunteering opportunity. */
    VOLUNTEERING,
    /** An online self-study course: an external link, a duration and a level, usually without sessions. */
    ONLINE_COURSE
}
