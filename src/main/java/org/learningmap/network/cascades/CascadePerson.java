package org.learningmap.network.cascades;

/** Someone in a cascade: an account, or a name entered by staff. */
public record CascadePerson(long id, Long accountId, String name) {
}
