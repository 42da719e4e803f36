package org.learningmap.accounts;

/**
 * A person found at a desk. The phone number and e-mail address are shown only in part, enough to
 * tell two people of the same name apart.
 *
 * @param claimed whether the person has taken over their account (or made it themselves)
 */
public record PersonMatch(long accountId, String displayName, Integer yearOfBirth, String preferredLanguage,
                          String phoneHint, String emailHint, boolean claimed) {
}
