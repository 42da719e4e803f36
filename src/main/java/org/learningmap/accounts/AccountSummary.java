package org.learningmap.accounts;

/** A person as other modules see them: how to address them and in which language. */
public record AccountSummary(long id, String email, String displayName, String preferredLanguage) {
}
