package org.learningmap.organisations;

/** The kind of a learning provider. */
public enum OrganisationKind {
    LIBRARY, LIBRARY_NETWORK, NGO, SCHOOL, YOUTH_CENTRE, UNIVERSITY, COMPANY, INFORMAL_GROUP
}
