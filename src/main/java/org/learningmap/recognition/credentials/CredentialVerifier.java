package org.learningmap.recognition.credentials;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.learningmap.recognition.credentials.CredentialCheck.Check;
import org.learningmap.recognition.credentials.CredentialCheck.Format;
import org.learningmap.recognition.credentials.CredentialCheck.Outcome;
import org.springframework.stereotype.Component;

/**
 * Checks an Open Badges 3.0 credential the way independent verifiers do: its proof (Data Integrity
 * {@code eddsa-rdfc-2022} or VC-JWT), that the key belongs to the issuer, the validity period, the
 * revocation status, and the official schema. Our own credentials are checked against our published
 * keys and status lists read directly; another issuer's key is taken from a {@code did:key} or from a
 * {@code <issuer>#z6Mk...} verification method (as the 1EdTech validator does), and its status is not
 * fetched (reported as not checked).
 */
@Component
class CredentialVerifier {

    static final String PREFIX = "recognition-credentials.check.";
    private static final Pattern JWS = Pattern.compile("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$");
    private static final Pattern OB3_CONTEXT = Pattern.compile(
            "^https://purl\\.imsglobal\\.org/spec/ob/v3p0/context(-3\\.\\d\\.\\d)*\\.json$");
    private static final Set<String> REGISTERED_CLAIMS = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");

    private final IssuerKeys keys;
    private final StatusLists statusLists;
    private final CredentialUrls urls;
    private final Clock clock;

    CredentialVerifier(IssuerKeys keys, StatusLists statusLists, CredentialUrls urls, Clock clock) {
        this.keys = keys;
        this.statusLists = statusLists;
        this.urls = urls;
        this.clock = clock;
    }

    private static final class Checks {
        final List<Check> list = new ArrayList<>();

        void passed(String name, String key, Object... args) {
            add(name, Outcome.PASSED, key, args);
        }

        void failed(String name, String key, Object... args) {
            add(name, Outcome.FAILED, key, args);
        }

        void skipped(String name, String key, Object... args) {
            add(name, Outcome.SKIPPED, key, args);
        }

        private void add(String name, Outcome outcome, String key, Object... args) {
            list.add(new Check(name, outcome, PREFIX + key,
                    Arrays.stream(args).map(a -> a == null ? "" : abbreviate(a.toString())).toList()));
        }
    }

    CredentialCheck verify(String input) {
        var checks = new Checks();
        String text = input == null ? "" : input.strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.startsWith("{")) {
            JsonObject credential;
            try {
                credential = Jsons.object(text);
            } catch (JsonException | IllegalStateException e) {
                checks.failed("format", "format.unreadable");
                return result(Format.UNREADABLE, checks, null, false);
            }
            checks.passed("format", "format.json");
            boolean ours = proof(credential, checks);
            common(credential, checks);
            return result(Format.DATA_INTEGRITY_JSON, checks, credential, ours);
        }
        if (JWS.matcher(text).matches()) {
            return jwt(text, checks);
        }
        checks.failed("format", "format.unreadable");
        return result(Format.UNREADABLE, checks, null, false);
    }

    // ---------------------------------------------------------------- Data Integrity

    /** Returns whether the proof was made with one of our own keys. */
    private boolean proof(JsonObject credential, Checks checks) {
        List<JsonObject> usable = DataIntegrity.proofs(credential).stream()
                .filter(p -> DataIntegrity.TYPE.equals(string(p, "type")) && DataIntegrity.CRYPTOSUITE.equals(string(p, "cryptosuite")))
                .toList();
        if (usable.isEmpty()) {
            checks.failed("proof", "proof.missing");
            return false;
        }
        JsonObject proof = usable.getFirst();
        if (!DataIntegrity.ASSERTION_METHOD.equals(string(proof, "proofPurpose"))) {
            checks.failed("proof", "proof.purpose", string(proof, "proofPurpose"));
            return false;
        }
        String method = string(proof, "verificationMethod");
        String issuerId = issuerId(credential);
        if (method == null) {
            checks.failed("proof", "proof.key-unknown", "");
            return false;
        }
        String controller = method.contains("#") ? method.substring(0, method.indexOf('#')) : method;
        String fragment = method.contains("#") ? method.substring(method.indexOf('#') + 1) : "";
        if (!controller.equals(issuerId)) {
            checks.failed("proof", "proof.key-not-issuers", method, issuerId);
            return false;
        }
        OptionalLong organisation = urls.organisationOfIssuer(issuerId);
        boolean ours = organisation.isPresent();
        PublicKey key;
        if (ours) {
            key = keys.byKeyId(organisation.getAsLong(), fragment)
                    .filter(k -> k.kind() == IssuerKeys.Kind.ED25519)
                    .map(IssuerKeys.IssuerKey::publicKey).orElse(null);
        } else if (method.startsWith("did:key:")) {
            key = Multibase.ed25519FromMultikey(controller.substring("did:key:".length()));
        } else {
            key = Multibase.ed25519FromMultikey(fragment);
        }
        if (key == null) {
            checks.failed("proof", "proof.key-unknown", method);
            return ours;
        }
        try {
            if (DataIntegrity.verify(credential, proof, key)) {
                checks.passed("proof", ours ? "proof.passed" : "proof.passed-key-in-method", method);
            } else {
                checks.failed("proof", "proof.invalid");
            }
        } catch (DataIntegrity.CanonicalisationFailed e) {
            checks.failed("proof", "proof.unreadable", e.getMessage());
        }
        return ours;
    }

    // ---------------------------------------------------------------- VC-JWT

    private CredentialCheck jwt(String token, Checks checks) {
        JWSObject jws;
        JsonObject payload;
        try {
            jws = JWSObject.parse(token);
            payload = Jsons.object(jws.getPayload().toString());
        } catch (ParseException | JsonException | IllegalStateException e) {
            checks.failed("format", "format.unreadable");
            return result(Format.UNREADABLE, checks, null, false);
        }
        checks.passed("format", "format.jwt");
        JsonObjectBuilder builder = Jsons.JSON.createObjectBuilder(payload);
        REGISTERED_CLAIMS.forEach(builder::remove);
        JsonObject credential = builder.build();
        if (!payload.containsKey("@context") && payload.get("vc") instanceof JsonObject vc) {
            credential = vc;
        }
        JWSAlgorithm algorithm = jws.getHeader().getAlgorithm();
        if (!JWSAlgorithm.RS256.equals(algorithm) && !JWSAlgorithm.ES256.equals(algorithm)) {
            checks.failed("jwt", "jwt.algorithm", String.valueOf(algorithm));
            common(credential, checks);
            return result(Format.VC_JWT, checks, credential, false);
        }
        String kid = jws.getHeader().getKeyID();
        String issuerId = issuerId(credential);
        boolean ours = false;
        PublicKey key = null;
        boolean embedded = false;
        if (kid != null && issuerId != null && kid.startsWith(issuerId + "/keys/")) {
            OptionalLong organisation = urls.organisationOfIssuer(issuerId);
            if (organisation.isPresent()) {
                ours = true;
                key = keys.byKeyId(organisation.getAsLong(), kid.substring((issuerId + "/keys/").length()))
                        .filter(k -> k.kind() != IssuerKeys.Kind.ED25519)
                        .map(IssuerKeys.IssuerKey::publicKey).orElse(null);
            }
        }
        if (key == null && !ours && jws.getHeader().getJWK() != null && !jws.getHeader().getJWK().isPrivate()) {
            key = publicKey(jws.getHeader().getJWK());
            embedded = key != null;
        }
        if (key == null) {
            checks.failed("jwt", "jwt.key-unknown", kid);
        } else {
            try {
                JWSVerifier verifier = key instanceof RSAPublicKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECPublicKey) key);
                if (jws.verify(verifier)) {
                    checks.passed("jwt", embedded ? "jwt.passed-embedded-key" : "jwt.passed", String.valueOf(algorithm));
                } else {
                    checks.failed("jwt", "jwt.invalid");
                }
            } catch (JOSEException | ClassCastException e) {
                checks.failed("jwt", "jwt.invalid");
            }
        }
        claims(payload, credential, checks);
        common(credential, checks);
        return result(Format.VC_JWT, checks, credential, ours);
    }

    private static PublicKey publicKey(JWK jwk) {
        try {
            if (jwk instanceof RSAKey rsa) {
                return rsa.toRSAPublicKey();
            }
            if (jwk instanceof ECKey ec) {
                return ec.toECPublicKey();
            }
        } catch (JOSEException e) {
            return null;
        }
        return null;
    }

    private static void claims(JsonObject payload, JsonObject credential, Checks checks) {
        List<String> wrong = new ArrayList<>();
        if (!Objects.equals(string(payload, "iss"), issuerId(credential))) {
            wrong.add("iss");
        }
        if (!Objects.equals(string(payload, "jti"), string(credential, "id"))) {
            wrong.add("jti");
        }
        String subject = subject(credential).map(s -> string(s, "id")).orElse(null);
        if (subject != null && !subject.equals(string(payload, "sub"))) {
            wrong.add("sub");
        }
        if (!Objects.equals(number(payload, "nbf"), epoch(string(credential, "validFrom")))) {
            wrong.add("nbf");
        }
        if (credential.containsKey("validUntil") && !Objects.equals(number(payload, "exp"), epoch(string(credential, "validUntil")))) {
            wrong.add("exp");
        }
        if (wrong.isEmpty()) {
            checks.passed("jwt.claims", "jwt.claims-passed");
        } else {
            checks.failed("jwt.claims", "jwt.claims-failed", String.join(", ", wrong));
        }
    }

    // ---------------------------------------------------------------- both forms

    private void common(JsonObject credential, Checks checks) {
        List<String> context = credential.get("@context") instanceof JsonArray array
                ? array.stream().map(v -> v instanceof JsonString s ? s.getString() : "").toList() : List.of();
        if (context.size() >= 2 && JsonLdContexts.VC_V2.equals(context.get(0)) && OB3_CONTEXT.matcher(context.get(1)).matches()) {
            checks.passed("context", "context.passed");
        } else {
            checks.failed("context", "context.failed");
        }
        List<String> types = strings(credential.get("type"));
        if (types.contains("VerifiableCredential") && (types.contains("OpenBadgeCredential") || types.contains("AchievementCredential"))) {
            checks.passed("type", "type.passed");
        } else {
            checks.failed("type", "type.failed");
        }
        if (credential.get("issuer") instanceof JsonObject issuer && string(issuer, "id") != null) {
            checks.passed("issuer", "issuer.passed", Optional.ofNullable(string(issuer, "name")).orElse(string(issuer, "id")));
        } else {
            checks.failed("issuer", "issuer.failed");
        }
        Instant now = clock.instant();
        Instant validFrom = instant(string(credential, "validFrom"));
        if (validFrom == null) {
            checks.failed("validFrom", "valid-from.missing");
        } else if (now.isBefore(validFrom)) {
            checks.failed("validFrom", "valid-from.not-yet", validFrom);
        } else {
            checks.passed("validFrom", "valid-from.passed", validFrom);
        }
        if (credential.containsKey("validUntil")) {
            Instant validUntil = instant(string(credential, "validUntil"));
            if (validUntil == null) {
                checks.failed("validUntil", "valid-until.unreadable");
            } else if (!now.isBefore(validUntil)) {
                checks.failed("validUntil", "valid-until.expired", validUntil);
            } else {
                checks.passed("validUntil", "valid-until.passed", validUntil);
            }
        }
        status(credential, checks);
        schema(credential, checks);
    }

    private void status(JsonObject credential, Checks checks) {
        JsonValue value = credential.get("credentialStatus");
        List<JsonObject> entries = value instanceof JsonObject one ? List.of(one)
                : value instanceof JsonArray many ? many.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList()
                : List.of();
        if (entries.isEmpty()) {
            checks.skipped("status", "status.none");
            return;
        }
        for (JsonObject entry : entries) {
            String list = string(entry, "statusListCredential");
            OptionalLong organisation = list == null ? OptionalLong.empty() : organisationOfStatusList(list);
            if (!"BitstringStatusListEntry".equals(string(entry, "type")) || organisation.isEmpty()
                    || !"revocation".equals(string(entry, "statusPurpose"))) {
                checks.skipped("status", "status.not-checked", list);
                continue;
            }
            int index;
            try {
                index = Integer.parseInt(string(entry, "statusListIndex"));
            } catch (NumberFormatException | NullPointerException e) {
                checks.failed("status", "status.unreadable");
                continue;
            }
            if (statusLists.isSet(organisation.getAsLong(), index)) {
                checks.failed("status", "status.revoked");
            } else {
                checks.passed("status", "status.passed");
            }
        }
    }

    private OptionalLong organisationOfStatusList(String url) {
        String prefix = urls.base() + "/status-lists/";
        if (!url.startsWith(prefix) || !url.endsWith("/revocation")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(url.substring(prefix.length(), url.length() - "/revocation".length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static void schema(JsonObject credential, Checks checks) {
        String json = Jsons.compact(credential);
        List<String> errors = SchemaValidation.errors(json);
        if (errors.isEmpty()) {
            checks.passed("schema", "schema.passed");
        } else if (SchemaValidation.errorsAfterExpansion(json).isEmpty()) {
            checks.passed("schema", "schema.passed-compacted");
        } else {
            checks.failed("schema", "schema.failed", errors.getFirst());
        }
    }

    // ---------------------------------------------------------------- helpers

    private static CredentialCheck result(Format format, Checks checks, JsonObject credential, boolean ours) {
        boolean valid = checks.list.stream().noneMatch(c -> c.outcome() == Outcome.FAILED);
        if (credential == null) {
            return new CredentialCheck(format, false, checks.list, null, null, null, null, null, null, null, null, false);
        }
        String issuerName = credential.get("issuer") instanceof JsonObject issuer ? string(issuer, "name") : null;
        Optional<JsonObject> subject = subject(credential);
        String achievement = subject.map(s -> s.get("achievement") instanceof JsonObject a ? string(a, "name") : null).orElse(null);
        return new CredentialCheck(format, valid, checks.list, Jsons.pretty(credential), string(credential, "id"),
                issuerId(credential), issuerName, achievement, subject.map(s -> string(s, "id")).orElse(null),
                instant(string(credential, "validFrom")), instant(string(credential, "validUntil")), ours);
    }

    private static Optional<JsonObject> subject(JsonObject credential) {
        JsonValue value = credential.get("credentialSubject");
        if (value instanceof JsonObject one) {
            return Optional.of(one);
        }
        if (value instanceof JsonArray many && !many.isEmpty() && many.get(0) instanceof JsonObject first) {
            return Optional.of(first);
        }
        return Optional.empty();
    }

    static String issuerId(JsonObject credential) {
        JsonValue issuer = credential.get("issuer");
        if (issuer instanceof JsonString s) {
            return s.getString();
        }
        return issuer instanceof JsonObject o ? string(o, "id") : null;
    }

    private static String string(JsonObject object, String key) {
        return object.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static Long number(JsonObject object, String key) {
        return object.get(key) instanceof JsonNumber n ? n.longValue() : null;
    }

    private static List<String> strings(JsonValue value) {
        if (value instanceof JsonString s) {
            return List.of(s.getString());
        }
        if (value instanceof JsonArray array) {
            return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
        }
        return List.of();
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long epoch(String text) {
        Instant instant = instant(text);
        return instant == null ? null : instant.getEpochSecond();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
