package org.learningmap.accounts;

import java.time.Instant;

/** A person deleted their account; nothing that names them is left. */
public record AccountDeleted(long accountId, Instant at) {
}
