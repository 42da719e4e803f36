package org.learningmap.recognition.credentials;

import java.time.Duration;
import java.util.UUID;
import org.learningmap.platform.RuleViolation;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The machine-readable side of a credential's stable address: JSON-LD with its Data Integrity proof or
 * the VC-JWT by content negotiation (the HTML page answers browsers at the same address), and the
 * issuer documents a verifier fetches: issuer Profile with its keys, JWKs and revocation lists.
 */
@RestController
class CredentialController {

    static final String LD_JSON = "application/ld+json";
    static final String VC_JWT = "application/vc+jwt";
    static final String JWT = "application/jwt";
    private static final CacheControl FEW_SECONDS = CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic();

    private final Credentials credentials;

    CredentialController(Credentials credentials) {
        this.credentials = credentials;
    }

    @GetMapping(path = "/credentials/{publicId}", produces = {LD_JSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> json(@PathVariable UUID publicId) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(LD_JSON)).body(credentials.signedJson(publicId));
    }

    @GetMapping(path = "/credentials/{publicId}", produces = {VC_JWT, JWT})
    ResponseEntity<String> jwt(@PathVariable UUID publicId) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(VC_JWT)).body(credentials.jwt(publicId));
    }

    @GetMapping("/credentials/{publicId}.json")
    ResponseEntity<String> jsonFile(@PathVariable UUID publicId) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(LD_JSON))
                .header("Content-Disposition", "inline; filename=\"" + publicId + ".json\"")
                .body(credentials.signedJson(publicId));
    }

    @GetMapping("/credentials/{publicId}.jwt")
    ResponseEntity<String> jwtFile(@PathVariable UUID publicId) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(VC_JWT))
                .header("Content-Disposition", "inline; filename=\"" + publicId + ".jwt\"")
                .body(credentials.jwt(publicId));
    }

    @GetMapping(path = "/issuers/{organisationId}", produces = {LD_JSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> issuer(@PathVariable long organisationId) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(LD_JSON)).cacheControl(FEW_SECONDS)
                .body(credentials.issuerProfile(organisationId));
    }

    @GetMapping(path = "/issuers/{organisationId}/keys/{keyId}")
    ResponseEntity<String> jwk(@PathVariable long organisationId, @PathVariable String keyId) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/jwk+json")).cacheControl(FEW_SECONDS)
                .body(credentials.jwk(organisationId, keyId).orElseThrow(RuleViolation::notFound));
    }

    @GetMapping(path = "/issuers/{organisationId}/jwks.json")
    ResponseEntity<String> jwks(@PathVariable long organisationId) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/jwk-set+json")).cacheControl(FEW_SECONDS)
                .body(credentials.jwks(organisationId));
    }

    @GetMapping(path = "/status-lists/{organisationId}/revocation")
    ResponseEntity<String> statusList(@PathVariable long organisationId) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(LD_JSON)).cacheControl(FEW_SECONDS)
                .body(credentials.statusList(organisationId));
    }
}
