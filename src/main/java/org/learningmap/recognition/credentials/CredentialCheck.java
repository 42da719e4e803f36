package org.learningmap.recognition.credentials;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on an Open Badges 3.0 credential (Data Integrity JSON or VC-JWT) with one entry per check.
 * Each check names a message key of the {@code recognition-credentials} bundle with its arguments, so a
 * page can say in the visitor's language what was checked and why it failed.
 *
 * @param valid          no check failed (a skipped check, e.g. the status of another issuer's credential, does not fail it)
 * @param credentialJson the credential itself as JSON (for a VC-JWT: its payload without the JWT claims), or null if unreadable
 * @param ours           issued by this platform (its keys and status lists were consulted directly)
 */
public record CredentialCheck(Format format, boolean valid, List<Check> checks, String credentialJson,
                              String credentialId, String issuerId, String issuerName, String achievementName,
                              String subjectId, Instant validFrom, Instant validUntil, boolean ours) {

    public enum Format { DATA_INTEGRITY_JSON, VC_JWT, UNREADABLE }

    public enum Outcome { PASSED, FAILED, SKIPPED }

    /** One check: {@code name} is stable (e.g. {@code proof}, {@code status}), {@code messageKey} explains the outcome. */
    public record Check(String name, Outcome outcome, String messageKey, List<String> arguments) {
    }

    public CredentialCheck {
        checks = List.copyOf(checks);
    }

    /** The status list says the issuer revoked it. */
    public boolean revoked() {
        return checks.stream().anyMatch(c -> c.outcome() == Outcome.FAILED && c.messageKey().endsWith(".status.revoked"));
    }

    /** Its validUntil has passed. */
    public boolean expired() {
        return checks.stream().anyMatch(c -> c.outcome() == Outcome.FAILED && c.messageKey().endsWith(".valid-until.expired"));
    }

    public Optional<Check> firstFailure() {
        return checks.stream().filter(c -> c.outcome() == Outcome.FAILED).findFirst();
    }

    public Optional<Check> check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
