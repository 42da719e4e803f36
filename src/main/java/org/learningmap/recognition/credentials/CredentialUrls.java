package org.learningmap.recognition.credentials;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The stable public addresses credentials name (the configured base URL plus a root path). */
@Component
public class CredentialUrls {

    private final String base;

    public CredentialUrls(@Value("${learningmap.base-url}") String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String base() {
        return base;
    }

    public String credential(UUID publicId) {
        return base + "/credentials/" + publicId;
    }

    public String issuer(long organisationId) {
        return base + "/issuers/" + organisationId;
    }

    public String badge(long badgeId) {
        return base + "/badges/" + badgeId;
    }

    public String badgeImage(long badgeId) {
        return base + "/badges/" + badgeId + "/image.png";
    }

    /** The verification method of an Ed25519 key: {@code <issuer id>#<publicKeyMultibase>}. */
    public String verificationMethod(long organisationId, String publicKeyMultibase) {
        return issuer(organisationId) + "#" + publicKeyMultibase;
    }

    /** The {@code kid} of a JWT signing key: a URL answering with that one public JWK. */
    public String jwk(long organisationId, String keyId) {
        return issuer(organisationId) + "/keys/" + keyId;
    }

    public String jwks(long organisationId) {
        return issuer(organisationId) + "/jwks.json";
    }

    public String statusList(long organisationId) {
        return base + "/status-lists/" + organisationId + "/revocation";
    }

    /** The organisation whose issuer id this is, if it is one of ours. */
    java.util.OptionalLong organisationOfIssuer(String issuerId) {
        String prefix = base + "/issuers/";
        if (issuerId == null || !issuerId.startsWith(prefix)) {
            return java.util.OptionalLong.empty();
        }
        try {
            return java.util.OptionalLong.of(Long.parseLong(issuerId.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }
}
