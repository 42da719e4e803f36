package org.learningmap.organisations;

/** The kind of a place where sessions happen. */
public enum VenueKind {
    LIBRARY_BRANCH, INTERNET_ACCESS_POINT, YOUTH_CENTRE, SCHOOL, COMMUNITY_CENTRE, OFFICE
}
