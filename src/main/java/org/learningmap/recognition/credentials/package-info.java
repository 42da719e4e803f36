/**
 * Open Badges 3.0 credentials of awards (inside the recognition module).
 *
 * <p>{@link org.learningmap.recognition.credentials.Credentials} signs an award's {@code OpenBadgeCredential}
 * with an embedded Data Integrity proof ({@code eddsa-rdfc-2022}: RDFC-1.0 with titanium and the contexts
 * bundled under {@code recognition/credentials/contexts}, Ed25519 from the JDK) and as VC-JWT (Nimbus; RS256
 * or ES256), keeps both per award, and verifies credentials from here or elsewhere into a
 * {@link org.learningmap.recognition.credentials.CredentialCheck} whose checks name message keys of the
 * {@code recognition-credentials} bundle.
 *
 * <p>Public addresses (absolute form: {@code learningmap.base-url} + path): {@code /credentials/{publicId}}
 * (JSON-LD or JWT by the Accept header; a request without a preference gets the HTML page),
 * {@code /credentials/{publicId}.json} and {@code .jwt}; {@code /issuers/{organisationId}} (issuer Profile
 * JSON-LD, Ed25519 keys as Multikey under {@code assertionMethod}, key id
 * {@code <issuer id>#<publicKeyMultibase>}); {@code /issuers/{organisationId}/keys/{keyId}} (one public JWK,
 * the JWT {@code kid}); {@code /issuers/{organisationId}/jwks.json}; {@code /status-lists/{organisationId}/revocation}
 * (the organisation's signed {@code BitstringStatusListCredential}; bit {@code Award.statusIndex}).
 *
 * <p>Issuer keys are made per organisation on first need, stored encrypted (AES-GCM) with
 * {@code learningmap.badges.key-encryption-key}, and rotated with {@code Credentials.rotateKeys}; retired
 * public keys stay published.
 */
package org.learningmap.recognition.credentials;
