package org.learningmap.accounts;

/**
 * Implemented, as a bean, by every module that keeps personal data about a person. The accounts
 * module collects all of them when a person exports their data, and calls {@link #forget} on each
 * before it deletes an account.
 */
public interface PersonalDataContributor {

    /**
     * The name of this part of the export, e.g. {@code "enrolments"}. A message key
     * {@code my-data.section.<name>} gives its heading on the printable page, if there is one.
     */
    String section();

    /**
     * Everything this module keeps about the person, as records, lists and maps that serialise to
     * JSON; only the person's own data, never anyone else's.
     */
    Object export(long accountId);

    /**
     * Removes or anonymises everything this module keeps about the person. Called in the
     * transaction that deletes the account, before the row goes; counts kept for statistics must
     * no longer point to the person.
     */
    void forget(long accountId);

    /**
     * When the person last used this module (signed up for something, say), so that an account
     * unused for the site's time can be told apart; {@code null} when never.
     */
    default java.time.Instant lastUsed(long accountId) {
        return null;
    }

    /**
     * Removes what a site's {@link RetentionRules} no longer allow this module to keep, as of
     * {@code now}; running it again changes nothing. Returns how many records were cleared.
     */
    default int expire(RetentionRules rules, java.time.Instant now) {
        return 0;
    }
}
