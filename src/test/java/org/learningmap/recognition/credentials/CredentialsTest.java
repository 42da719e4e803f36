package org.learningmap.recognition.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSObject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.Recognition;
import org.learningmap.recognition.credentials.CredentialCheck.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A learner's badge becomes an Open Badges 3.0 credential anyone can check, and the issuer can revoke. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CredentialsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Credentials credentials;
    @Autowired
    Recognition recognition;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    MockMvc mvc;
    @Autowired
    CredentialUrls urls;
    @Autowired
    CredentialPersonalData personalData;

    CredentialFixtures given;

    @BeforeEach
    void library() {
        given = new CredentialFixtures(jdbc, passwords, recognition);
    }

    @Test
    void anAwardBecomesASignedCredentialThatFollowsTheStandardAndVerifies() {
        Badge badge = given.badge("Safe online banking");
        Award award = given.toEmail(badge, "Ruta.Learner@Example.org");

        String signed = credentials.signedJson(award.publicId());
        assertThat(SchemaValidation.errors(signed)).isEmpty();
        JsonNode credential = JSON.readTree(signed);
        assertThat(credential.at("/@context/1").asString()).isEqualTo("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        assertThat(credential.at("/id").asString()).isEqualTo(urls.credential(award.publicId()));
        assertThat(credential.at("/issuer/id").asString()).isEqualTo(urls.issuer(given.organisation));
        // in the language of the recipient (the site's, for an e-mail address without an account)
        assertThat(credential.at("/credentialSubject/achievement/name").asString()).isEqualTo("Safe online banking (lt)");
        assertThat(credential.at("/credentialSubject/achievement/inLanguage").asString()).isEqualTo("lt");
        assertThat(credential.at("/credentialSubject/achievement/alignment/0/targetCode").asString()).isEqualTo("4.2");
        assertThat(credential.at("/credentialSubject/achievement/alignment/1/targetUrl").asString()).startsWith("http://data.europa.eu/esco/");
        assertThat(credential.at("/validUntil").isMissingNode()).isFalse();
        assertThat(credential.at("/proof/0/cryptosuite").asString()).isEqualTo("eddsa-rdfc-2022");
        assertThat(credential.at("/proof/0/verificationMethod").asString())
                .startsWith(urls.issuer(given.organisation) + "#z6Mk");
        assertThat(credential.at("/credentialStatus/statusListIndex").asString()).isEqualTo(Integer.toString(award.statusIndex()));
        // the e-mail address is only there as a salted hash of its lower-case form
        assertThat(signed).doesNotContainIgnoringCase("ruta.learner@example.org");
        JsonNode identifier = credential.at("/credentialSubject/identifier/0");
        assertThat(identifier.at("/identityHash").asString()).isEqualTo("sha256$"
                + CredentialDocuments.sha256Hex("ruta.learner@example.org" + identifier.at("/salt").asString()));

        CredentialCheck check = credentials.verify(signed);
        assertThat(check.valid()).as("%s", check.checks()).isTrue();
        assertThat(check.ours()).isTrue();
        assertThat(check.format()).isEqualTo(CredentialCheck.Format.DATA_INTEGRITY_JSON);
        assertThat(check.checks()).extracting(CredentialCheck.Check::outcome).containsOnly(Outcome.PASSED);
        assertThat(check.achievementName()).isEqualTo("Safe online banking (lt)");
        assertThat(check.check("status").orElseThrow().messageKey()).isEqualTo("recognition-credentials.check.status.passed");
        // asked again, the same signed bytes
        assertThat(credentials.signedJson(award.publicId())).isEqualTo(signed);
    }

    @Test
    void theSameCredentialAsAJwtVerifiesWithTheKeyItsKidNames() throws Exception {
        Award award = given.toLearner(given.badge("Video calls"));

        String jwt = credentials.jwt(award.publicId());
        JWSObject jws = JWSObject.parse(jwt);
        assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jws.getHeader().getType().getType()).isEqualTo("JWT");
        assertThat(jws.getHeader().getKeyID()).startsWith(urls.issuer(given.organisation) + "/keys/");
        JsonNode payload = JSON.readTree(jws.getPayload().toString());
        assertThat(payload.at("/iss").asString()).isEqualTo(urls.issuer(given.organisation));
        assertThat(payload.at("/jti").asString()).isEqualTo(urls.credential(award.publicId()));
        assertThat(payload.at("/sub").asString()).isEqualTo(payload.at("/credentialSubject/id").asString());
        assertThat(payload.has("proof")).isFalse();

        CredentialCheck check = credentials.verify(jwt);
        assertThat(check.valid()).as("%s", check.checks()).isTrue();
        assertThat(check.format()).isEqualTo(CredentialCheck.Format.VC_JWT);
        assertThat(check.check("jwt.claims").orElseThrow().outcome()).isEqualTo(Outcome.PASSED);

        String kid = jws.getHeader().getKeyID();
        mvc.perform(get(kid.substring(urls.base().length())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kty").value("RSA"))
                .andExpect(jsonPath("$.kid").value(kid))
                .andExpect(jsonPath("$.d").doesNotExist());
    }

    @Test
    void aChangedCredentialOrTokenFailsItsSignatureCheck() {
        Award award = given.toLearner(given.badge("Spreadsheets"));
        String signed = credentials.signedJson(award.publicId());

        CredentialCheck changed = credentials.verify(signed.replace("\"Spreadsheets\"", "\"Advanced spreadsheets\""));
        assertThat(changed.valid()).isFalse();
        assertThat(changed.check("proof").orElseThrow().messageKey()).isEqualTo("recognition-credentials.check.proof.invalid");

        String[] parts = credentials.jwt(award.publicId()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("Spreadsheets", "Advanced spreadsheets");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
        CredentialCheck forgedCheck = credentials.verify(forged);
        assertThat(forgedCheck.valid()).isFalse();
        assertThat(forgedCheck.check("jwt").orElseThrow().messageKey()).isEqualTo("recognition-credentials.check.jwt.invalid");

        CredentialCheck nonsense = credentials.verify("not a credential");
        assertThat(nonsense.valid()).isFalse();
        assertThat(nonsense.format()).isEqualTo(CredentialCheck.Format.UNREADABLE);
    }

    @Test
    void aRevokedAwardIsMarkedInTheSignedStatusListAtOnce() throws Exception {
        Award award = given.toLearner(given.badge("Online safety"));
        String signed = credentials.signedJson(award.publicId());
        assertThat(credentials.verify(signed).revoked()).isFalse();
        assertThat(bit(award.statusIndex())).isFalse();

        recognition.revoke(award.id(), "Awarded by mistake", given.editor);
        // the kept signed copy is let go (the next request signs it afresh); its status says the rest
        long until = System.currentTimeMillis() + 10_000;
        while (kept(award) > 0 && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        assertThat(kept(award)).isZero();

        CredentialCheck check = credentials.verify(signed);
        assertThat(check.valid()).isFalse();
        assertThat(check.revoked()).isTrue();
        assertThat(credentials.verify(credentials.jwt(award.publicId())).revoked()).isTrue();
        assertThat(bit(award.statusIndex())).isTrue();
        JsonNode list = JSON.readTree(credentials.statusList(given.organisation));
        assertThat(credentials.verify(credentials.signedJson(award.publicId())).revoked()).isTrue();
        assertThat(list.at("/proof/0/verificationMethod").asString()).startsWith(urls.issuer(given.organisation) + "#z6Mk");
    }

    @Test
    void anExpiredCredentialFailsOnItsDates() {
        Badge badge = given.badge("Last year's course");
        Award real = given.toLearner(badge);
        Instant issued = Instant.now().minus(Duration.ofDays(400));
        Award old = new Award(real.id(), UUID.randomUUID(), badge.id(), real.siteId(), real.organisationId(), real.accountId(),
                null, null, real.path(), null, null, "en", issued, issued.plus(Duration.ofDays(365)), null, null, real.statusIndex());

        CredentialCheck check = credentials.verify(credentials.sign(badge, old).signedJson());

        assertThat(check.valid()).isFalse();
        assertThat(check.expired()).isTrue();
        assertThat(check.check("proof").orElseThrow().outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void afterAKeyRotationOldCredentialsStillVerifyAndNewOnesUseTheNewKey() throws Exception {
        Badge badge = given.badge("Photo editing");
        Award first = given.toLearner(badge);
        String before = credentials.signedJson(first.publicId());
        String beforeJwt = credentials.jwt(first.publicId());

        assertThatThrownBy(() -> credentials.rotateKeys(given.organisation, given.learner))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.reason()).isEqualTo("recognition.forbidden"));
        credentials.rotateKeys(given.organisation, given.editor);

        Award second = given.toEmail(badge, "second.learner@example.org");
        String after = credentials.signedJson(second.publicId());
        String oldKey = JSON.readTree(before).at("/proof/0/verificationMethod").asString();
        String newKey = JSON.readTree(after).at("/proof/0/verificationMethod").asString();
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(credentials.verify(before).valid()).isTrue();
        assertThat(credentials.verify(beforeJwt).valid()).isTrue();
        assertThat(credentials.verify(after).valid()).isTrue();
        assertThat(credentials.verify(credentials.jwt(second.publicId())).valid()).isTrue();

        JsonNode profile = JSON.readTree(credentials.issuerProfile(given.organisation));
        assertThat(profile.at("/assertionMethod").valueStream().map(JsonNode::asString)).contains(oldKey, newKey);
        assertThat(JSON.readTree(credentials.jwks(given.organisation)).at("/keys").size()).isEqualTo(2);
    }

    @Test
    void theCredentialsAddressAnswersInTheFormAsked() throws Exception {
        Award award = given.toLearner(given.badge("Smartphone basics"));
        String path = "/credentials/" + award.publicId();

        mvc.perform(get(path).accept("application/ld+json")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/ld+json")))
                .andExpect(jsonPath("$.type[1]").value("OpenBadgeCredential"));
        mvc.perform(get(path).accept("application/json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.proof[0].type").value("DataIntegrityProof"));
        mvc.perform(get(path).accept("application/vc+jwt")).andExpect(status().isOk())
                .andExpect(content().string(credentials.jwt(award.publicId())));
        mvc.perform(get(path).accept("application/jwt")).andExpect(status().isOk())
                .andExpect(content().string(credentials.jwt(award.publicId())));
        mvc.perform(get(path + ".json")).andExpect(status().isOk())
                .andExpect(content().string(credentials.signedJson(award.publicId())));
        mvc.perform(get(path + ".jwt")).andExpect(status().isOk())
                .andExpect(content().string(credentials.jwt(award.publicId())));
        mvc.perform(get("/credentials/" + UUID.randomUUID() + ".json")).andExpect(status().isNotFound());

        mvc.perform(get("/issuers/" + given.organisation).accept("application/ld+json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.type[0]").value("Profile"))
                .andExpect(jsonPath("$.verificationMethod[0].type").value("Multikey"))
                .andExpect(jsonPath("$.assertionMethod[0]").value(org.hamcrest.Matchers.startsWith(urls.issuer(given.organisation) + "#z6Mk")));
        // a browser gets the issuer's page at the same address; an organisation not approved has no issuer document
        mvc.perform(get("/issuers/" + given.organisation).accept("text/html,application/xhtml+xml,*/*;q=0.8"))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/html"));
        mvc.perform(get("/issuers/" + given.organisation))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/html"));
        long pending = given.fixtures.organisation(given.site, "Pending library " + UUID.randomUUID(), "PENDING");
        mvc.perform(get("/issuers/" + pending).accept("application/ld+json")).andExpect(status().isNotFound());
        mvc.perform(get("/issuers/" + given.organisation + "/jwks.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.keys[0].kty").value("RSA"));
        mvc.perform(get("/status-lists/" + given.organisation + "/revocation")).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("max-age=5")))
                .andExpect(jsonPath("$.type[1]").value("BitstringStatusListCredential"));
    }

    @Test
    void deletingTheAccountDeletesTheKeptCredentialsThatHashTheirAddress() {
        Award award = given.toLearner(given.badge("Digital photos"));
        String before = credentials.signedJson(award.publicId());
        assertThat(before).contains("identityHash");
        assertThat(personalData.export(given.learner)).asList().hasSize(1);

        personalData.forget(given.learner);

        assertThat(jdbc.sql("select count(*) from recognition_credentials where award_id = ?").param(award.id())
                .query(Integer.class).single()).isZero();
    }

    private int kept(Award award) {
        return jdbc.sql("select count(*) from recognition_credentials where award_id = ?").param(award.id())
                .query(Integer.class).single();
    }

    private boolean bit(int index) throws Exception {
        JsonNode list = JSON.readTree(credentials.statusList(given.organisation));
        String encoded = list.at("/credentialSubject/encodedList").asString();
        byte[] bytes = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1)))).readAllBytes();
        assertThat(bytes.length * 8).isGreaterThanOrEqualTo(StatusLists.MINIMUM_BITS);
        return (bytes[index / 8] & (0x80 >>> (index % 8))) != 0;
    }
}
