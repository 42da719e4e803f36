package org.learningmap.catalogue;

import java.time.Instant;

/** A search a person keeps under a name, to run again later. */
record SavedSearch(long id, String name, String query, Instant createdAt) {
}
