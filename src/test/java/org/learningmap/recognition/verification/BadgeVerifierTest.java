package org.learningmap.recognition.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.Accounts;
import org.learningmap.organisations.Organisations;
import org.learningmap.platform.Json;
import org.learningmap.recognition.Alignment;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.AwardPath;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.BadgeSource;
import org.learningmap.recognition.Recognition;
import org.learningmap.recognition.verification.Verdict.Status;
import org.learningmap.shared.LocalizedText;

/**
 * "Verify a badge" with hand-made awards: our own Open Badges 2.0 badges are checked against the
 * hosted copy (revoked, expired, tampered), broken or foreign files get a clear reason, and no
 * uploaded badge can make the server fetch an address of its own network.
 */
class BadgeVerifierTest {

    static final String BASE = "https://badges.example.org";
    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    Recognition recognition = mock(Recognition.class);
    Accounts accounts = mock(Accounts.class);
    Organisations organisations = mock(Organisations.class);
    Ob3Credentials ob3 = mock(Ob3Credentials.class);
    Ob2Hosting hosting;
    BadgeVerifier verifier;
    Badge badge = new Badge(7, 1, 3, BadgeSource.ACTIVITY, 11L, LocalizedText.of("Safe online banking", "Saugi bankininkystė", "Безпечний банкінг"),
            LocalizedText.of("en", "Pays bills online safely."), LocalizedText.of("en", "Attended 4 of 5 sessions."), List.of("banking", "safety"),
            List.of(new Alignment("digcomp-2.2", "4.1", "Protecting devices", null)), null, 80, NOW);

    @BeforeEach
    void setUp() throws Exception {
        hosting = new Ob2Hosting(recognition, accounts, organisations, BASE, "no-reply@example.org");
        verifier = new BadgeVerifier(ob3, hosting, new HostedFetcher(), Clock.fixed(NOW, ZoneOffset.UTC));
        when(recognition.badge(7)).thenReturn(Optional.of(badge));
        when(organisations.facts(3)).thenReturn(Optional.of(new org.learningmap.organisations.OrganisationFacts(3, 1, "vpl",
                LocalizedText.of("en", "Vilnius Public Library"), LocalizedText.of("en", "The city's libraries"), "info@library.example.org",
                "https://library.example.org", "#123456", true)));
        when(recognition.imagePng(anyLong())).thenReturn(new org.learningmap.recognition.BadgeImage("image/png", BakedBadgesTest.picture()));
    }

    Award award(Instant expires, Instant revoked, String reason) {
        Award award = new Award(42, UUID.randomUUID(), 7, 1, 3, null, "Rasa@Example.org", "Rasa Petrauskaitė", AwardPath.EDUCATOR,
                null, null, "lt", NOW.minus(10, ChronoUnit.DAYS), expires, revoked, reason, 5);
        when(recognition.award(award.publicId())).thenReturn(Optional.of(award));
        return award;
    }

    byte[] bakedOb2(Award award) throws Exception {
        Ob2Hosting.Hosted hosted = hosting.assertion(award.publicId()).orElseThrow();
        return BakedBadges.bakePng(BakedBadgesTest.picture(), BakedBadges.Version.OB2, hosting.assertionJson(hosted));
    }

    @Test
    void theHostedAssertionNamesTheRecipientByASaltedHashOfTheirEmail() {
        Award award = award(null, null, null);
        Map<String, Object> doc = hosting.assertion(award.publicId()).orElseThrow().document();

        assertThat(doc).containsEntry("@context", "https://w3id.org/openbadges/v2").containsEntry("type", "Assertion")
                .containsEntry("id", BASE + "/ob2/assertions/" + award.publicId())
                .containsEntry("badge", BASE + "/ob2/badges/7").containsEntry("verification", Map.of("type", "hosted"))
                .containsEntry("issuedOn", "2026-11-26T10:00:00Z");
        @SuppressWarnings("unchecked")
        Map<String, Object> recipient = (Map<String, Object>) doc.get("recipient");
        String salt = (String) recipient.get("salt");
        assertThat(recipient).containsEntry("type", "email").containsEntry("hashed", true)
                .containsEntry("identity", Ob2Documents.hashed("rasa@example.org", salt));
        assertThat(Json.write(doc)).doesNotContain("Rasa@", "rasa@");
        assertThat(hosting.badgeClass(7, "lt").orElseThrow()).containsEntry("name", "Saugi bankininkystė")
                .containsEntry("issuer", BASE + "/ob2/issuers/3").containsEntry("tags", List.of("banking", "safety"))
                .containsKey("alignment").containsKey("criteria");
        assertThat(hosting.issuer(3, "en").orElseThrow()).containsEntry("type", "Issuer").containsEntry("email", "info@library.example.org")
                .containsEntry("name", "Vilnius Public Library");
    }

    @Test
    void ourOwnBakedOb2BadgeIsValidThenRevokedWithItsReason() throws Exception {
        Award award = award(null, null, null);
        byte[] png = bakedOb2(award);

        Verdict valid = verifier.verify(png, "badge.png");
        assertThat(valid.status()).isEqualTo(Status.VALID);
        assertThat(valid.format()).isEqualTo(Verdict.Format.OB2_HOSTED);
        assertThat(valid.summary().badgeName()).isEqualTo("Safe online banking");
        assertThat(valid.summary().issuerName()).isEqualTo("Vilnius Public Library");
        assertThat(valid.checks()).allMatch(Verdict.Check::passed);

        Award revoked = new Award(42, award.publicId(), 7, 1, 3, null, "rasa@example.org", "Rasa", AwardPath.EDUCATOR, null, null, "lt",
                award.issuedAt(), null, NOW, "Issued to the wrong person", 5);
        when(recognition.award(award.publicId())).thenReturn(Optional.of(revoked));
        Verdict gone = verifier.verify(png, "badge.png");
        assertThat(gone.status()).isEqualTo(Status.REVOKED);
        assertThat(gone.summary().revocationReason()).isEqualTo("Issued to the wrong person");
    }

    @Test
    void anExpiredBadgeIsGenuineButExpired() throws Exception {
        Award award = award(NOW.minus(1, ChronoUnit.DAYS), null, null);
        Verdict verdict = verifier.verify(bakedOb2(award), "old.png");
        assertThat(verdict.status()).isEqualTo(Status.EXPIRED);
        assertThat(verdict.firstFailure().orElseThrow().messageKey()).isEqualTo("recognition-verification.check.expired");
    }

    @Test
    void aBadgeWhoseRecipientWasChangedIsInvalid() throws Exception {
        Award award = award(null, null, null);
        String json = hosting.assertionJson(hosting.assertion(award.publicId()).orElseThrow());
        String tampered = json.replaceAll("sha256\\$[0-9a-f]{8}", "sha256\\$00000000");

        Verdict verdict = verifier.verify(tampered.getBytes(StandardCharsets.UTF_8), "assertion.json");

        assertThat(verdict.status()).isEqualTo(Status.INVALID);
        assertThat(verdict.firstFailure().orElseThrow().messageKey()).isEqualTo("recognition-verification.check.ob2-differs");
        assertThat(verdict.firstFailure().orElseThrow().arguments()).containsExactly("recipient");
    }

    /** Another issuer's documents, as its web server would answer; anything else goes to the real fetcher and its rules. */
    static final class OtherIssuer extends HostedFetcher {
        final Map<String, String> documents = new java.util.HashMap<>();

        @Override
        Fetched get(String url) {
            String body = documents.get(url);
            return body != null ? new Fetched(200, body, null) : super.get(url);
        }
    }

    @Test
    void aSignedOpenBadges2AssertionVerifiesWithTheIssuersPublishedKeyAndATamperedOneDoesNot() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        String other = "https://badges.other.example.net";
        OtherIssuer fetcher = new OtherIssuer();
        fetcher.documents.put(other + "/issuer", Json.mapper().writeValueAsString(Map.of("@context", "https://w3id.org/openbadges/v2",
                "type", "Issuer", "id", other + "/issuer", "name", "Kaunas Youth Centre", "url", "https://youth.example.net",
                "publicKey", other + "/key", "revocationList", other + "/revoked")));
        fetcher.documents.put(other + "/key", Json.mapper().writeValueAsString(Map.of("@context", "https://w3id.org/openbadges/v2",
                "type", "CryptographicKey", "id", other + "/key", "owner", other + "/issuer", "publicKeyPem", pem)));
        fetcher.documents.put(other + "/badge", Json.mapper().writeValueAsString(Map.of("@context", "https://w3id.org/openbadges/v2",
                "type", "BadgeClass", "id", other + "/badge", "name", "Podcast making", "description", "Recorded a podcast.",
                "criteria", Map.of("narrative", "Recorded and published an episode."), "issuer", other + "/issuer")));
        fetcher.documents.put(other + "/revoked", Json.mapper().writeValueAsString(Map.of("@context", "https://w3id.org/openbadges/v2",
                "type", "RevocationList", "id", other + "/revoked", "issuer", other + "/issuer",
                "revokedAssertions", List.of(Map.of("id", other + "/assertions/2", "revocationReason", "Issued by mistake.")))));
        verifier = new BadgeVerifier(ob3, hosting, fetcher, Clock.fixed(NOW, ZoneOffset.UTC));

        String valid = sign(pair, ob2Signed(other + "/assertions/1", other + "/key"));
        Verdict verdict = verifier.verifyText(valid);
        assertThat(verdict.status()).as(verdict.checks().toString()).isEqualTo(Status.VALID);
        assertThat(verdict.format()).isEqualTo(Verdict.Format.OB2_SIGNED);
        assertThat(verdict.summary().badgeName()).isEqualTo("Podcast making");
        assertThat(verdict.summary().issuerName()).isEqualTo("Kaunas Youth Centre");
        assertThat(verdict.checks()).anySatisfy(check -> assertThat(check.messageKey()).isEqualTo("recognition-verification.check.ob2-signature-ok"));

        // The payload changed after signing: the signature no longer matches.
        String[] parts = valid.split("\\.");
        String changed = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("2026-11-01", "2025-11-01");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        Verdict bad = verifier.verifyText(tampered);
        assertThat(bad.status()).isEqualTo(Status.INVALID);
        assertThat(bad.firstFailure().orElseThrow().messageKey()).isEqualTo("recognition-verification.check.ob2-signature-bad");

        // Signed with another key than the issuer's.
        java.security.KeyPairGenerator again = java.security.KeyPairGenerator.getInstance("RSA");
        again.initialize(2048);
        assertThat(verifier.verifyText(sign(again.generateKeyPair(), ob2Signed(other + "/assertions/1", other + "/key"))).firstFailure()
                .orElseThrow().messageKey()).isEqualTo("recognition-verification.check.ob2-signature-bad");

        // A key the issuer does not publish is not taken, nor is one on an address of the server's own network.
        assertThat(verifier.verifyText(sign(pair, ob2Signed(other + "/assertions/1", "https://evil.example.com/key"))).firstFailure()
                .orElseThrow().messageKey()).isEqualTo("recognition-verification.check.ob2-key-missing");
        fetcher.documents.put(other + "/issuer", fetcher.documents.get(other + "/issuer").replace(other + "/key", "http://127.0.0.1:8080/key"));
        assertThat(verifier.verifyText(sign(pair, ob2Signed(other + "/assertions/1", "http://127.0.0.1:8080/key"))).firstFailure()
                .orElseThrow().messageKey()).isEqualTo("recognition-verification.fetch.private");
        fetcher.documents.put(other + "/issuer", fetcher.documents.get(other + "/issuer").replace("http://127.0.0.1:8080/key", other + "/key"));

        // The issuer's revocation list names it.
        Verdict revoked = verifier.verifyText(sign(pair, ob2Signed(other + "/assertions/2", other + "/key")));
        assertThat(revoked.status()).isEqualTo(Status.REVOKED);
        assertThat(revoked.summary().revocationReason()).isEqualTo("Issued by mistake.");
    }

    static String ob2Signed(String id, String key) {
        return Json.mapper().writeValueAsString(Map.of("@context", "https://w3id.org/openbadges/v2", "type", "Assertion", "id", id,
                "recipient", Map.of("type", "email", "hashed", false, "identity", "jonas@example.net"),
                "badge", "https://badges.other.example.net/badge", "issuedOn", "2026-11-01T10:00:00Z",
                "verification", Map.of("type", "SignedBadge", "creator", key)));
    }

    static String sign(java.security.KeyPair pair, String payload) throws Exception {
        com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.RS256),
                new com.nimbusds.jose.Payload(payload));
        jws.sign(new com.nimbusds.jose.crypto.RSASSASigner(pair.getPrivate()));
        return jws.serialize();
    }

    @Test
    void filesThatAreNoBadgeGetAReason() throws Exception {
        assertThat(verifier.verify(new byte[0], "x").firstFailure().orElseThrow().messageKey()).isEqualTo("recognition-verification.file.empty");
        assertThat(verifier.verify(BakedBadgesTest.picture(), "plain.png").firstFailure().orElseThrow().messageKey())
                .isEqualTo("recognition-verification.file.png-without-badge");
        byte[] cut = java.util.Arrays.copyOf(bakedOb2(award(null, null, null)), 60);
        assertThat(verifier.verify(cut, "cut.png").firstFailure().orElseThrow().messageKey())
                .isEqualTo("recognition-verification.file.broken-image");
        assertThat(verifier.verify("{\"hello\":".getBytes(), "x.json").firstFailure().orElseThrow().messageKey())
                .isEqualTo("recognition-verification.file.broken-json");
        assertThat(verifier.verify("{\"hello\":1}".getBytes(), "x.json").firstFailure().orElseThrow().messageKey())
                .isEqualTo("recognition-verification.file.not-a-badge");
        assertThat(verifier.verify(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}, "x.bin").status()).isEqualTo(Status.UNREADABLE);
        assertThat(verifier.verify("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(), "x.svg").firstFailure().orElseThrow()
                .messageKey()).isEqualTo("recognition-verification.file.svg-without-badge");
        assertThat(verifier.verify(new byte[BadgeVerifier.MAX_BYTES + 1], "big").firstFailure().orElseThrow().messageKey())
                .isEqualTo("recognition-verification.file.too-large");
    }

    @Test
    void anUploadedBadgeCannotMakeTheServerFetchItsOwnNetwork() {
        for (String address : List.of("http://127.0.0.1:8080/ob2/assertions/1", "http://localhost/a", "http://10.1.2.3/a",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/a", "http://192.168.0.1/a", "http://0.0.0.0/a",
                "http://[fd00::1]/a", "http://[::ffff:127.0.0.1]/a", "https://example.org:22/a")) {
            assertThat(HostedFetcher.refusal(URI.create(address))).as(address).isEqualTo("recognition-verification.fetch.private");
        }
        assertThat(HostedFetcher.refusal(URI.create("file:///etc/passwd"))).isEqualTo("recognition-verification.fetch.not-web");
        assertThat(HostedFetcher.refusal(URI.create("gopher://example.org/"))).isEqualTo("recognition-verification.fetch.not-web");

        String foreign = """
                {"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"http://127.0.0.1:9/ob2/assertions/1",
                 "recipient":{"type":"email","hashed":false,"identity":"a@b.c"},"badge":"http://127.0.0.1:9/b",
                 "issuedOn":"2026-01-01T00:00:00Z","verification":{"type":"hosted"}}""";
        Verdict verdict = verifier.verify(foreign.getBytes(StandardCharsets.UTF_8), "foreign.json");
        assertThat(verdict.status()).isEqualTo(Status.INVALID);
        assertThat(verdict.firstFailure().orElseThrow().messageKey()).isEqualTo("recognition-verification.fetch.private");
    }
}
