package org.learningmap.recognition.credentials;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Signs documents as an organisation: Data Integrity proofs (Ed25519) and VC-JWT (RS256 or ES256). */
@Component
class Signing {

    private final IssuerKeys keys;
    private final CredentialUrls urls;
    private final Clock clock;
    private final JWSAlgorithm jwtAlgorithm;

    Signing(IssuerKeys keys, CredentialUrls urls, Clock clock,
            @Value("${learningmap.badges.jwt-algorithm:RS256}") String jwtAlgorithm) {
        this.keys = keys;
        this.urls = urls;
        this.clock = clock;
        this.jwtAlgorithm = switch (jwtAlgorithm.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "RS256" -> JWSAlgorithm.RS256;
            case "ES256" -> JWSAlgorithm.ES256;
            default -> throw new IllegalStateException("learningmap.badges.jwt-algorithm must be RS256 or ES256");
        };
    }

    JsonObject dataIntegrity(long organisationId, JsonObject unsigned) {
        IssuerKeys.IssuerKey key = keys.active(organisationId, IssuerKeys.Kind.ED25519);
        return DataIntegrity.sign(unsigned, urls.verificationMethod(organisationId, key.keyId()), keys.privateKey(key),
                clock.instant());
    }

    /**
     * The credential as a VC-JWT (OB 3.0 "JSON Web Token Proof Format"): the credential itself is the payload,
     * beside the registered claims {@code iss}, {@code jti}, {@code sub}, {@code nbf}, {@code exp}, {@code iat};
     * the header carries {@code alg}, {@code typ: JWT} and a {@code kid} URL answering with the public JWK.
     */
    String jwt(long organisationId, JsonObject credential) {
        IssuerKeys.Kind kind = jwtAlgorithm == JWSAlgorithm.ES256 ? IssuerKeys.Kind.EC_P256 : IssuerKeys.Kind.RSA;
        IssuerKeys.IssuerKey key = keys.active(organisationId, kind);
        JsonObjectBuilder payload = Jsons.JSON.createObjectBuilder(DataIntegrity.without(credential, "proof"));
        payload.add("iss", urls.issuer(organisationId));
        payload.add("jti", credential.getString("id"));
        JsonObject subject = credential.getJsonObject("credentialSubject");
        if (subject != null && subject.get("id") instanceof JsonString id) {
            payload.add("sub", id.getString());
        }
        payload.add("nbf", Instant.parse(credential.getString("validFrom")).getEpochSecond());
        if (credential.get("validUntil") instanceof JsonString until) {
            payload.add("exp", Instant.parse(until.getString()).getEpochSecond());
        }
        payload.add("iat", clock.instant().getEpochSecond());
        JWSHeader header = new JWSHeader.Builder(jwtAlgorithm)
                .type(JOSEObjectType.JWT)
                .keyID(urls.jwk(organisationId, key.keyId()))
                .build();
        JWSObject jws = new JWSObject(header, new Payload(Jsons.compact(payload.build())));
        try {
            JWSSigner signer = kind == IssuerKeys.Kind.RSA ? new RSASSASigner(keys.privateKey(key))
                    : new ECDSASigner((ECPrivateKey) keys.privateKey(key));
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a VC-JWT", e);
        }
        return jws.serialize();
    }
}
