package org.learningmap.recognition.verification;

import java.util.Optional;
import java.util.UUID;

/**
 * The Open Badges 3.0 side this package needs: an award's signed credential (JSON with its Data
 * Integrity proof, and as VC-JWT) and the verification of any presented credential.
 */
interface Ob3Credentials {

    /** The award's signed credential as JSON, empty when there is no such award. */
    Optional<String> signedJson(UUID publicId);

    /** The award's credential as a compact VC-JWT, empty when there is no such award. */
    Optional<String> jwt(UUID publicId);

    /**
     * Verifies a presented credential (JSON or compact JWS): proof or signature, issuer key,
     * validity period and status. The verdict's summary is left empty; the caller reads it.
     */
    Verdict verify(String credential);
}
