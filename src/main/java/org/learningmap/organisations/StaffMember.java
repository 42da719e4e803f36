package org.learningmap.organisations;

/** A person working for an organisation, as listed on its staff page. */
record StaffMember(long accountId, String displayName, String email, StaffRole role) {
}
