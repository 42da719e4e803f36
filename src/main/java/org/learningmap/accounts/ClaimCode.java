package org.learningmap.accounts;

import java.time.Instant;

/** A code, shown once (for the printed card), with which a person takes over their account online. */
public record ClaimCode(String code, Instant expiresAt) {
}
