package org.learningmap.recognition.verification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.credentials.CredentialCheck;
import org.learningmap.recognition.credentials.Credentials;
import org.learningmap.recognition.verification.Verdict.Check;
import org.learningmap.recognition.verification.Verdict.Format;
import org.learningmap.recognition.verification.Verdict.Status;
import org.springframework.stereotype.Component;

/**
 * Open Badges 3.0 through {@link Credentials}: the verdict is read from its checks. Valid when none
 * failed; revoked or expired when the credential is genuine (signature and shape passed) and only the
 * status or the end of validity failed; invalid otherwise.
 */
@Component
class CredentialsAdapter implements Ob3Credentials {

    private final Credentials credentials;

    CredentialsAdapter(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Optional<String> signedJson(UUID publicId) {
        try {
            return Optional.of(credentials.signedJson(publicId));
        } catch (RuleViolation notFound) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> jwt(UUID publicId) {
        try {
            return Optional.of(credentials.jwt(publicId));
        } catch (RuleViolation notFound) {
            return Optional.empty();
        }
    }

    @Override
    public Verdict verify(String credential) {
        CredentialCheck check = credentials.verify(credential);
        List<Check> checks = check.checks().stream()
                .map(c -> new Check(c.name(), c.outcome() != CredentialCheck.Outcome.FAILED, c.messageKey(), c.arguments()))
                .toList();
        return new Verdict(status(check), format(check), checks, null, check.credentialJson());
    }

    static Status status(CredentialCheck check) {
        List<CredentialCheck.Check> failures = check.checks().stream()
                .filter(c -> c.outcome() == CredentialCheck.Outcome.FAILED).toList();
        if (check.format() == CredentialCheck.Format.UNREADABLE) {
            return Status.INVALID;
        }
        if (failures.isEmpty()) {
            return check.valid() ? Status.VALID : Status.INVALID;
        }
        boolean onlyStatusOrExpiry = failures.stream().allMatch(c -> isRevocation(c) || isExpiry(c));
        if (!onlyStatusOrExpiry) {
            return Status.INVALID;
        }
        return failures.stream().anyMatch(CredentialsAdapter::isRevocation) ? Status.REVOKED : Status.EXPIRED;
    }

    private static boolean isRevocation(CredentialCheck.Check c) {
        return c.messageKey().endsWith(".status.revoked");
    }

    private static boolean isExpiry(CredentialCheck.Check c) {
        return c.messageKey().endsWith(".valid-until.expired");
    }

    private static Format format(CredentialCheck check) {
        return switch (check.format()) {
            case DATA_INTEGRITY_JSON -> Format.OB3_JSON;
            case VC_JWT -> Format.OB3_JWT;
            case UNREADABLE -> Format.UNKNOWN;
        };
    }
}
