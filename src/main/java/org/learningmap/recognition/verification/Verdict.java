package org.learningmap.recognition.verification;

import java.time.Instant;
import java.util.List;

/**
 * What checking a badge found: one overall status, the checks made (each passed or failed, with a
 * message key of the {@code recognition-verification} bundle and its arguments, so each reader sees
 * it in their language), what the badge says, and the credential as it was presented.
 *
 * @param payload the credential as found (JSON, a compact JWS, or an OB 2.0 assertion JSON);
 *                {@code null} when nothing readable was found
 */
public record Verdict(Status status, Format format, List<Check> checks, Summary summary, String payload) {

    /** The answer at a glance. */
    public enum Status {
        /** every check passed */
        VALID,
        /** genuine, but past its expiry date */
        EXPIRED,
        /** genuine, but withdrawn by its issuer */
        REVOKED,
        /** a check failed: tampered, not signed by its issuer, or not an Open Badge as presented */
        INVALID,
        /** the file could not be read as a badge at all */
        UNREADABLE
    }

    /** What was presented. */
    public enum Format {
        OB3_JSON, OB3_JWT, OB2_HOSTED, OB2_SIGNED, UNKNOWN
    }

    /**
     * One check in plain words.
     *
     * @param name       a short stable name ({@code signature}, {@code status}, {@code expiry}, ...)
     * @param messageKey a key of the {@code recognition-verification} bundle
     * @param arguments  the message's arguments, already as text
     */
    public record Check(String name, boolean passed, String messageKey, List<String> arguments) {

        public Check {
            arguments = arguments == null ? List.of() : List.copyOf(arguments);
        }

        public static Check pass(String name, String messageKey, String... arguments) {
            return new Check(name, true, messageKey, List.of(arguments));
        }

        public static Check fail(String name, String messageKey, String... arguments) {
            return new Check(name, false, messageKey, List.of(arguments));
        }
    }

    /**
     * What the badge says (any part may be {@code null} when the credential does not say it).
     *
     * @param competences aligned competences and skills, each as "code name" text
     */
    public record Summary(String badgeName, String badgeDescription, String criteria, String issuerName, String issuerUrl,
                          String recipientName, Instant issuedAt, Instant expiresAt, String revocationReason,
                          String credentialId, String imageUrl, List<String> competences) {

        public static final Summary NONE = new Summary(null, null, null, null, null, null, null, null, null, null, null, List.of());

        public Summary {
            competences = competences == null ? List.of() : List.copyOf(competences);
        }
    }

    public Verdict {
        checks = checks == null ? List.of() : List.copyOf(checks);
        summary = summary == null ? Summary.NONE : summary;
    }

    /** A file that is no badge, with the reason's message key. */
    public static Verdict unreadable(String messageKey, String... arguments) {
        return new Verdict(Status.UNREADABLE, Format.UNKNOWN, List.of(Check.fail("file", messageKey, arguments)), Summary.NONE, null);
    }

    public boolean valid() {
        return status == Status.VALID;
    }

    /** The first failed check, the main reason when the badge is not valid. */
    public java.util.Optional<Check> firstFailure() {
        return checks.stream().filter(check -> !check.passed()).findFirst();
    }
}
