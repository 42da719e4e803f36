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
