package org.learningmap.recognition.verification;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.learningmap.platform.Json;
import org.learningmap.recognition.verification.BakedBadges.Baked;
import org.learningmap.recognition.verification.Verdict.Check;
import org.learningmap.recognition.verification.Verdict.Format;
import org.learningmap.recognition.verification.Verdict.Status;
import org.learningmap.recognition.verification.Verdict.Summary;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * "Verify a badge": any Open Badge a person hands in, from any issuer, as a file: JSON, a compact
 * JWS (VC-JWT), or a PNG or SVG picture with the badge baked in. The content decides, not the file
 * name. Open Badges 3.0 credentials are verified by their proof or signature, issuer key, validity
 * period and status; Open Badges 2.0 hosted assertions by fetching the issuer's hosted copy (our own
 * are looked up directly) and comparing, 410 Gone meaning revoked; signed Open Badges 2.0 assertions
 * (a compact JWS) by the signature against the RSA or EC key the issuer's profile publishes under
 * {@code publicKey}, fetched under the same network rules, and the issuer's revocation list.
 */
@Component
public class BadgeVerifier {

    /** The largest file looked at. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final Pattern JWS = Pattern.compile("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$");
    private static final String OB2_CONTEXT_PREFIX = "https://w3id.org/openbadges";
    private static final String ASSERTIONS_PATH = "/ob2/assertions/";

    private final Ob3Credentials ob3;
    private final Ob2Hosting hosting;
    private final HostedFetcher fetcher;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    BadgeVerifier(Ob3Credentials ob3, Ob2Hosting hosting, Clock clock) {
        this(ob3, hosting, new HostedFetcher(), clock);
    }

    BadgeVerifier(Ob3Credentials ob3, Ob2Hosting hosting, HostedFetcher fetcher, Clock clock) {
        this.ob3 = ob3;
        this.hosting = hosting;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /**
     * Verifies an uploaded badge.
     *
     * @param upload   the file's bytes
     * @param filename the file's name as given (only shown, never trusted for the format)
     * @return the verdict; a file that is no badge gives {@link Status#UNREADABLE} with the reason
     */
    public Verdict verify(byte[] upload, String filename) {
        if (upload == null || upload.length == 0) {
            return Verdict.unreadable("recognition-verification.file.empty");
        }
        if (upload.length > MAX_BYTES) {
            return Verdict.unreadable("recognition-verification.file.too-large", String.valueOf(MAX_BYTES / (1024 * 1024)));
        }
        try {
            if (BakedBadges.isPng(upload)) {
                return BakedBadges.unbakePng(upload).map(this::verifyBaked)
                        .orElseGet(() -> Verdict.unreadable("recognition-verification.file.png-without-badge"));
            }
            String text = utf8(upload).map(t -> t.startsWith("\uFEFF") ? t.substring(1) : t).map(String::strip).orElse(null);
            if (text == null) {
                return Verdict.unreadable("recognition-verification.file.unknown");
            }
            if (text.startsWith("<")) {
                if (!text.contains("<svg")) {
                    return Verdict.unreadable("recognition-verification.file.unknown");
                }
                return BakedBadges.unbakeSvg(text).map(this::verifyBaked)
                        .orElseGet(() -> Verdict.unreadable("recognition-verification.file.svg-without-badge"));
            }
            return verifyText(text);
        } catch (BakedBadges.BrokenImage broken) {
            return Verdict.unreadable("recognition-verification.file.broken-image");
        }
    }

    /** Verifies a credential given as text: JSON, a compact JWS or a hosted assertion's URL. */
    public Verdict verifyText(String text) {
        String t = text.strip();
        if (t.startsWith("{")) {
            JsonNode json;
            try {
                json = Json.mapper().readTree(t);
            } catch (JacksonException e) {
                return Verdict.unreadable("recognition-verification.file.broken-json");
            }
            if (isOb2(json)) {
                return verifyOb2(json);
            }
            if (isOb3(json)) {
                return withSummary(ob3.verify(t), json, Format.OB3_JSON, t);
            }
            return Verdict.unreadable("recognition-verification.file.not-a-badge");
        }
        if (JWS.matcher(t).matches()) {
            Optional<JsonNode> claims = jwsPayload(t);
            if (claims.isEmpty()) {
                return Verdict.unreadable("recognition-verification.file.broken-jwt");
            }
            JsonNode payload = claims.get();
            if (isOb2(payload)) {
                return verifyOb2Signed(t, payload);
            }
            JsonNode credential = payload.has("vc") ? payload.get("vc") : payload;
            return withSummary(ob3.verify(t), credential, Format.OB3_JWT, t);
        }
        if (t.startsWith("http://") || t.startsWith("https://")) {
            return verifyOb2Url(t);
        }
        return Verdict.unreadable("recognition-verification.file.unknown");
    }

    private Verdict verifyBaked(Baked baked) {
        Verdict verdict = verifyText(baked.text());
        List<Check> checks = new ArrayList<>();
        checks.add(Check.pass("baked", baked.version() == BakedBadges.Version.OB3
                ? "recognition-verification.check.baked-ob3" : "recognition-verification.check.baked-ob2"));
        checks.addAll(verdict.checks());
        return new Verdict(verdict.status(), verdict.format(), checks, verdict.summary(), verdict.payload());
    }

    // ------------------------------------------------------------------ Open Badges 3.0

    private static boolean isOb3(JsonNode json) {
        for (JsonNode context : array(json.get("@context"))) {
            if (context.isString() && context.stringValue().startsWith("https://www.w3.org/ns/credentials/")
                    || context.isString() && context.stringValue().startsWith("https://www.w3.org/2018/credentials")) {
                return true;
            }
        }
        return types(json).contains("VerifiableCredential");
    }

    private Verdict withSummary(Verdict verdict, JsonNode credential, Format format, String payload) {
        Summary summary = ob3Summary(credential, verdict.summary());
        if (verdict.status() == Status.REVOKED && summary.credentialId() != null) {
            // our own credential: the issuer's reason is known here
            String prefix = hosting.documents().base() + "/credentials/";
            if (summary.credentialId().startsWith(prefix)) {
                try {
                    UUID publicId = UUID.fromString(summary.credentialId().substring(prefix.length()));
                    summary = hosting.assertion(publicId).filter(Ob2Hosting.Hosted::revoked)
                            .map(hosted -> reason(ob3Summary(credential, verdict.summary()), Json.mapper().valueToTree(hosted.document())))
                            .orElse(summary);
                } catch (IllegalArgumentException notOurs) {
                    // not one of our addresses after all
                }
            }
        }
        return new Verdict(verdict.status(), format, verdict.checks(), summary, payload);
    }

    static Summary ob3Summary(JsonNode vc, Summary known) {
        JsonNode subject = first(vc.get("credentialSubject"));
        JsonNode achievement = subject.path("achievement");
        JsonNode issuer = vc.path("issuer");
        List<String> competences = new ArrayList<>();
        for (JsonNode alignment : array(achievement.get("alignment"))) {
            competences.add(competence(alignment));
        }
        String issuerName = issuer.isString() ? issuer.stringValue() : text(issuer.get("name"));
        String issuerUrl = issuer.isString() ? issuer.stringValue()
                : Objects.requireNonNullElse(text(issuer.get("url")), text(issuer.get("id")));
        JsonNode image = achievement.path("image");
        return new Summary(
                text(achievement.get("name"), vc.get("name")),
                text(achievement.get("description"), vc.get("description")),
                text(achievement.path("criteria").get("narrative")),
                issuerName, issuerUrl,
                text(subject.get("name"), known.recipientName()),
                time(vc.get("validFrom"), vc.get("issuanceDate"), vc.get("awardedDate")),
                time(vc.get("validUntil"), vc.get("expirationDate")),
                known.revocationReason(),
                text(vc.get("id")),
                image.isString() ? image.stringValue() : text(image.get("id")),
                competences);
    }

    // ------------------------------------------------------------------ Open Badges 2.0

    private static boolean isOb2(JsonNode json) {
        for (JsonNode context : array(json.get("@context"))) {
            if (context.isString() && context.stringValue().startsWith(OB2_CONTEXT_PREFIX)) {
                return true;
            }
        }
        return types(json).contains("Assertion");
    }

    private Verdict verifyOb2Url(String url) {
        Document hosted = fetch(url);
        if (hosted.status() == 410) {
            return new Verdict(Status.REVOKED, Format.OB2_HOSTED, List.of(Check.fail("status", "recognition-verification.check.ob2-gone",
                    url)), reason(ob2Summary(Json.mapper().createObjectNode(), null, null), hosted.json()), url);
        }
        if (hosted.json() == null) {
            return new Verdict(Status.INVALID, Format.OB2_HOSTED, List.of(hosted.problem("hosted", url)), Summary.NONE, url);
        }
        return verifyOb2(hosted.json());
    }

    private Verdict verifyOb2(JsonNode presented) {
        String payload = presented.toString();
        List<Check> checks = new ArrayList<>();
        Instant now = clock.instant();
        String id = text(presented.get("id"));
        JsonNode recipient = presented.path("recipient");
        boolean hostedType = types(presented.path("verification")).stream()
                .anyMatch(type -> type.equals("hosted") || type.equals("HostedBadge"));
        if (id == null || !id.matches("(?i)https?://\\S+") || !recipient.isObject() || text(presented.get("issuedOn")) == null) {
            checks.add(Check.fail("shape", "recognition-verification.check.ob2-shape"));
            return new Verdict(Status.INVALID, Format.OB2_HOSTED, checks, ob2Summary(presented, null, null), payload);
        }
        if (!hostedType) {
            checks.add(Check.fail("format", "recognition-verification.check.ob2-signed-unsupported"));
            return new Verdict(Status.INVALID, Format.OB2_SIGNED, checks, ob2Summary(presented, null, null), payload);
        }
        checks.add(Check.pass("shape", "recognition-verification.check.ob2-shape-ok"));

        Document hosted = fetch(id);
        if (hosted.status() == 410) {
            checks.add(Check.fail("status", "recognition-verification.check.ob2-gone", id));
            JsonNode badge = badge(presented);
            Summary summary = reason(ob2Summary(presented, badge, badge == null ? null : issuer(badge)), hosted.json());
            return new Verdict(Status.REVOKED, Format.OB2_HOSTED, checks, summary, payload);
        }
        if (hosted.json() == null) {
            checks.add(hosted.problem("hosted", id));
            return new Verdict(Status.INVALID, Format.OB2_HOSTED, checks, ob2Summary(presented, null, null), payload);
        }
        JsonNode copy = hosted.json();
        List<String> differences = new ArrayList<>();
        for (String field : List.of("id", "recipient", "issuedOn", "verification")) {
            if (!Objects.equals(copy.get(field), presented.get(field))) {
                differences.add(field);
            }
        }
        if (!Objects.equals(idOf(copy.get("badge")), idOf(presented.get("badge")))) {
            differences.add("badge");
        }
        if (!differences.isEmpty()) {
            checks.add(Check.fail("hosted", "recognition-verification.check.ob2-differs", String.join(", ", differences)));
            return new Verdict(Status.INVALID, Format.OB2_HOSTED, checks, ob2Summary(presented, null, null), payload);
        }
        checks.add(Check.pass("hosted", "recognition-verification.check.ob2-hosted-matches", id));

        JsonNode badge = badge(copy);
        JsonNode issuer = badge == null ? null : issuer(badge);
        if (badge == null || issuer == null) {
            checks.add(Check.fail("issuer", "recognition-verification.check.ob2-issuer-missing"));
            return new Verdict(Status.INVALID, Format.OB2_HOSTED, checks, ob2Summary(copy, badge, issuer), payload);
        }
        if (!inScope(id, issuer)) {
            checks.add(Check.fail("issuer", "recognition-verification.check.ob2-scope", host(id), Objects.requireNonNullElse(text(issuer.get("name")), "")));
            return new Verdict(Status.INVALID, Format.OB2_HOSTED, checks, ob2Summary(copy, badge, issuer), payload);
        }
        checks.add(Check.pass("issuer", "recognition-verification.check.ob2-scope-ok", Objects.requireNonNullElse(text(issuer.get("name")), ""),
                host(id)));

        boolean revoked = copy.path("revoked").asBoolean(false);
        if (revoked) {
            checks.add(Check.fail("status", "recognition-verification.check.ob2-revoked-flag"));
            return new Verdict(Status.REVOKED, Format.OB2_HOSTED, checks, reason(ob2Summary(copy, badge, issuer), copy), payload);
        }
        checks.add(Check.pass("status", "recognition-verification.check.not-revoked"));
        Instant expires = time(copy.get("expires"));
        if (expires != null && !now.isBefore(expires)) {
            checks.add(Check.fail("expiry", "recognition-verification.check.expired", expires.toString()));
            return new Verdict(Status.EXPIRED, Format.OB2_HOSTED, checks, ob2Summary(copy, badge, issuer), payload);
        }
        checks.add(expires == null ? Check.pass("expiry", "recognition-verification.check.no-expiry")
                : Check.pass("expiry", "recognition-verification.check.not-expired", expires.toString()));
        return new Verdict(Status.VALID, Format.OB2_HOSTED, checks, ob2Summary(copy, badge, issuer), payload);
    }

    /**
     * A signed Open Badges 2.0 assertion (a compact JWS whose payload is the assertion, verification
     * type "signed"): the issuer's key is the one its profile lists under {@code publicKey} (and the
     * assertion names as {@code creator}, if it does), fetched under the same network rules as hosted
     * documents, owned by the issuer; the signature must verify with it; the issuer's
     * {@code revocationList}, if any, must not list the assertion.
     */
    private Verdict verifyOb2Signed(String jws, JsonNode assertion) {
        List<Check> checks = new ArrayList<>();
        com.nimbusds.jose.JWSObject signed;
        try {
            signed = com.nimbusds.jose.JWSObject.parse(jws);
        } catch (java.text.ParseException e) {
            return Verdict.unreadable("recognition-verification.file.broken-jwt");
        }
        String id = text(assertion.get("id"));
        boolean signedType = types(assertion.path("verification")).stream()
                .anyMatch(type -> type.equals("signed") || type.equals("SignedBadge"));
        if (id == null || !assertion.path("recipient").isObject() || text(assertion.get("issuedOn")) == null || !signedType) {
            checks.add(Check.fail("shape", "recognition-verification.check.ob2-shape"));
            return new Verdict(Status.INVALID, Format.OB2_SIGNED, checks, ob2Summary(assertion, null, null), jws);
        }
        checks.add(Check.pass("shape", "recognition-verification.check.ob2-shape-ok"));
        JsonNode badge = badge(assertion);
        JsonNode issuer = badge == null ? null : issuer(badge);
        if (badge == null || issuer == null) {
            checks.add(Check.fail("issuer", "recognition-verification.check.ob2-issuer-missing"));
            return new Verdict(Status.INVALID, Format.OB2_SIGNED, checks, ob2Summary(assertion, badge, issuer), jws);
        }
        Summary summary = ob2Summary(assertion, badge, issuer);
        List<String> issuerKeys = new ArrayList<>();
        for (JsonNode key : array(issuer.get("publicKey"))) {
            String url = key.isString() ? key.stringValue() : text(key.get("id"));
            if (url != null) {
                issuerKeys.add(url);
            }
        }
        String keyUrl = text(assertion.path("verification").get("creator"));
        if (keyUrl == null && !issuerKeys.isEmpty()) {
            keyUrl = issuerKeys.getFirst();
        }
        if (keyUrl == null || !issuerKeys.contains(keyUrl)) {
            checks.add(Check.fail("signature", "recognition-verification.check.ob2-key-missing"));
            return new Verdict(Status.INVALID, Format.OB2_SIGNED, checks, summary, jws);
        }
        Document keyDocument = fetch(keyUrl);
        JsonNode key = keyDocument.okJson();
        if (key == null) {
            checks.add(keyDocument.problem("signature", keyUrl));
            return new Verdict(Status.INVALID, Format.OB2_SIGNED, checks, summary, jws);
        }
        String owner = text(key.get("owner"));
        String pem = text(key.get("publicKeyPem"));
        if (pem == null || (owner != null && !owner.equals(text(issuer.get("id"))))) {
            checks.add(Check.fail("signature", "recognition-verification.check.ob2-key-missing"));
            return new Verdict(Status.INVALID, Format.OB2_SIGNED, checks, summary, jws);
        }
        boolean valid;
        try {
            java.security.Key publicKey = publicKey(pem);
            valid = publicKey != null && signed.verify(new com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory()
                    .createJWSVerifier(signed.getHeader(), publicKey));
        } catch (com.nimbusds.jose.JOSEException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            checks.add(Check.fail("signature", "recognition-verification.check.ob2-signature-bad", keyUrl));
            return new Verdict(Status.INVALID, Format.OB2_SIGNED, checks, summary, jws);
        }
        checks.add(Check.pass("signature", "recognition-verification.check.ob2-signature-ok",
                Objects.requireNonNullElse(text(issuer.get("name")), ""), keyUrl));

        String listUrl = text(issuer.get("revocationList"));
        if (listUrl != null) {
            JsonNode list = fetch(listUrl).okJson();
            if (list == null) {
                checks.add(Check.fail("status", "recognition-verification.check.ob2-fetch-failed", listUrl, "-"));
                return new Verdict(Status.INVALID, Format.OB2_SIGNED, checks, summary, jws);
            }
            for (JsonNode entry : array(list.get("revokedAssertions"))) {
                String revokedId = entry.isString() ? entry.stringValue() : text(entry.get("id"));
                if (id.equals(revokedId) || (entry.isObject() && Objects.equals(text(entry.get("uid")), text(assertion.get("uid")))
                        && text(entry.get("uid")) != null)) {
                    checks.add(Check.fail("status", "recognition-verification.check.ob2-revoked-flag"));
                    return new Verdict(Status.REVOKED, Format.OB2_SIGNED, checks, entry.isObject() ? reason(summary, entry) : summary, jws);
                }
            }
        }
        checks.add(Check.pass("status", "recognition-verification.check.not-revoked"));
        Instant expires = time(assertion.get("expires"));
        if (expires != null && !clock.instant().isBefore(expires)) {
            checks.add(Check.fail("expiry", "recognition-verification.check.expired", expires.toString()));
            return new Verdict(Status.EXPIRED, Format.OB2_SIGNED, checks, summary, jws);
        }
        checks.add(expires == null ? Check.pass("expiry", "recognition-verification.check.no-expiry")
                : Check.pass("expiry", "recognition-verification.check.not-expired", expires.toString()));
        return new Verdict(Status.VALID, Format.OB2_SIGNED, checks, summary, jws);
    }

    /** An RSA or EC public key in PEM ("BEGIN PUBLIC KEY", X.509 SubjectPublicKeyInfo); null for anything else. */
    static java.security.PublicKey publicKey(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = java.util.Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            return null;
        }
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return java.security.KeyFactory.getInstance(algorithm).generatePublic(new java.security.spec.X509EncodedKeySpec(der));
            } catch (java.security.GeneralSecurityException e) {
                // not this kind of key
            }
        }
        return null;
    }

    private static Summary reason(Summary summary, JsonNode revocation) {
        String reason = revocation == null ? null : text(revocation.get("revocationReason"));
        return new Summary(summary.badgeName(), summary.badgeDescription(), summary.criteria(), summary.issuerName(),
                summary.issuerUrl(), summary.recipientName(), summary.issuedAt(), summary.expiresAt(), reason,
                summary.credentialId(), summary.imageUrl(), summary.competences());
    }

    private JsonNode badge(JsonNode assertion) {
        JsonNode badge = assertion.get("badge");
        if (badge == null) {
            return null;
        }
        if (badge.isObject()) {
            return badge;
        }
        return badge.isString() ? fetch(badge.stringValue()).okJson() : null;
    }

    private JsonNode issuer(JsonNode badge) {
        JsonNode issuer = badge.get("issuer");
        if (issuer == null) {
            return null;
        }
        if (issuer.isObject()) {
            return issuer;
        }
        return issuer.isString() ? fetch(issuer.stringValue()).okJson() : null;
    }

    private static boolean inScope(String assertionId, JsonNode issuer) {
        JsonNode policy = issuer.path("verification");
        if (policy.has("startsWith")) {
            for (JsonNode prefix : array(policy.get("startsWith"))) {
                if (prefix.isString() && assertionId.startsWith(prefix.stringValue())) {
                    return true;
                }
            }
            return false;
        }
        if (policy.has("allowedOrigins")) {
            for (JsonNode origin : array(policy.get("allowedOrigins"))) {
                if (origin.isString() && origin.stringValue().equalsIgnoreCase(hostName(assertionId))) {
                    return true;
                }
            }
            return false;
        }
        String issuerId = text(issuer.get("id"));
        return issuerId != null && Objects.equals(host(issuerId), host(assertionId));
    }

    static Summary ob2Summary(JsonNode assertion, JsonNode badge, JsonNode issuer) {
        JsonNode b = badge == null ? Json.mapper().createObjectNode() : badge;
        JsonNode i = issuer == null ? Json.mapper().createObjectNode() : issuer;
        List<String> competences = new ArrayList<>();
        for (JsonNode alignment : array(b.get("alignment"))) {
            competences.add(competence(alignment));
        }
        JsonNode criteria = b.path("criteria");
        JsonNode image = b.path("image");
        return new Summary(text(b.get("name")), text(b.get("description")), text(criteria.get("narrative")),
                text(i.get("name")), text(i.get("url"), i.get("id")), null,
                time(assertion.get("issuedOn")), time(assertion.get("expires")), null, text(assertion.get("id")),
                image.isString() ? image.stringValue() : text(image.get("id")), competences);
    }

    /** A document of an OB 2.0 issuer: ours read directly, others fetched under the network rules. */
    private record Document(int status, JsonNode json, String refusal) {

        JsonNode okJson() {
            return status == 200 ? json : null;
        }

        Check problem(String name, String url) {
            if (refusal != null) {
                return Check.fail(name, refusal, url);
            }
            return Check.fail(name, "recognition-verification.check.ob2-fetch-failed", url, String.valueOf(status));
        }
    }

    private Document fetch(String url) {
        Optional<Document> own = own(url);
        if (own.isPresent()) {
            return own.get();
        }
        HostedFetcher.Fetched fetched = fetcher.get(url);
        if (fetched.refused()) {
            return new Document(0, null, fetched.refusal());
        }
        JsonNode json = null;
        try {
            json = fetched.body() == null || fetched.body().isBlank() ? null : Json.mapper().readTree(fetched.body());
        } catch (JacksonException e) {
            json = null;
        }
        if (json != null && !json.isObject()) {
            json = null;
        }
        return new Document(fetched.status(), fetched.status() == 200 || fetched.status() == 410 ? json : null, null);
    }

    /** Our own documents, looked up directly instead of over the network. */
    private Optional<Document> own(String url) {
        String base = hosting.documents().base() + "/ob2/";
        if (!url.startsWith(base)) {
            return Optional.empty();
        }
        String rest = url.substring(base.length());
        try {
            if (rest.startsWith("assertions/")) {
                UUID publicId = UUID.fromString(rest.substring("assertions/".length()));
                return Optional.of(hosting.assertion(publicId)
                        .map(hosted -> new Document(hosted.revoked() ? 410 : 200, Json.mapper().valueToTree(hosted.document()), null))
                        .orElse(new Document(404, null, null)));
            }
            if (rest.startsWith("badges/")) {
                long id = Long.parseLong(rest.substring("badges/".length()));
                return Optional.of(hosting.badgeClass(id, "en").map(doc -> new Document(200, Json.mapper().valueToTree(doc), null))
                        .orElse(new Document(404, null, null)));
            }
            if (rest.startsWith("issuers/")) {
                long id = Long.parseLong(rest.substring("issuers/".length()));
                return Optional.of(hosting.issuer(id, "en").map(doc -> new Document(200, Json.mapper().valueToTree(doc), null))
                        .orElse(new Document(404, null, null)));
            }
        } catch (IllegalArgumentException e) {
            return Optional.of(new Document(404, null, null));
        }
        return Optional.of(new Document(404, null, null));
    }

    // ------------------------------------------------------------------ helpers

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> jwsPayload(String jws) {
        try {
            String[] parts = jws.split("\\.");
            JsonNode header = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode payload = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
            return header.isObject() && payload.isObject() ? Optional.of(payload) : Optional.empty();
        } catch (IllegalArgumentException | JacksonException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static List<JsonNode> array(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            return items;
        }
        return List.of(node);
    }

    private static JsonNode first(JsonNode node) {
        List<JsonNode> items = array(node);
        return items.isEmpty() ? Json.mapper().createObjectNode() : items.getFirst();
    }

    private static List<String> types(JsonNode node) {
        return array(node == null ? null : node.get("type")).stream().filter(JsonNode::isString).map(JsonNode::stringValue).toList();
    }

    private static String idOf(JsonNode node) {
        if (node == null) {
            return null;
        }
        return node.isString() ? node.stringValue() : text(node.get("id"));
    }

    private static String competence(JsonNode alignment) {
        String code = text(alignment.get("targetCode"));
        String name = text(alignment.get("targetName"));
        return code == null ? Objects.requireNonNullElse(name, "") : name == null || name.equals(code) ? code : code + " " + name;
    }

    static String text(JsonNode... candidates) {
        for (JsonNode node : candidates) {
            if (node != null && node.isString() && !node.stringValue().isBlank()) {
                return node.stringValue();
            }
            if (node != null && node.isObject()) {
                // a language map or a LocalizedText-like object: the first text
                for (JsonNode value : node) {
                    if (value.isString() && !value.stringValue().isBlank()) {
                        return value.stringValue();
                    }
                }
            }
        }
        return null;
    }

    private static String text(JsonNode node, String fallback) {
        String text = text(node);
        return text == null ? fallback : text;
    }

    static Instant time(JsonNode... candidates) {
        for (JsonNode node : candidates) {
            String text = text(node);
            if (text != null) {
                try {
                    return java.time.OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e) {
                    try {
                        return java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                    } catch (DateTimeParseException ignored) {
                        // not a date
                    }
                }
            }
        }
        return null;
    }

    private static String host(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() == null ? null : uri.getHost().toLowerCase(java.util.Locale.ROOT)
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String hostName(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
