package org.learningmap.organisations;

/** Where an organisation's application to join its site stands. Only approved organisations are public. */
enum OrganisationStatus {
    PENDING, APPROVED, REJECTED
}
