package org.learningmap.accounts;

/** How a consent was given. */
public enum ConsentMethod {
    /** Online, by the person or their guardian, signed in or through a link. */
    ONLINE,
    /** On a signed paper form, kept by the organisation. */
    PAPER,
    /** Said aloud to staff, with a witness whose name is recorded. */
    SPOKEN_WITH_WITNESS
}
