package org.learningmap.accounts;

/** What a person agrees to. */
public enum ConsentPurpose {
    /** Keeping the personal data the account needs (for a minor, agreed by a guardian). */
    PERSONAL_DATA,
    /** Being sent reminders and news of sessions by e-mail or SMS. */
    REMINDERS,
    /** Being photographed at sessions. */
    PHOTOS
}
