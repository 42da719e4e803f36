package org.learningmap.recognition.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.ObVerifyHarness;
import org.learningmap.recognition.AwardPath;
import org.learningmap.recognition.Recognition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * An independent verifier built on Digital Bazaar's libraries and 1EdTech's schema (the ob-verify
 * harness, run with --strict) accepts the credentials this application issues and serves, as JSON with
 * a Data Integrity proof and as VC-JWT, fetching the issuer's keys and status list from the running
 * application; and rejects a changed one and a revoked one. The harness is found at
 * {@code LEARNINGMAP_OB_VERIFY} or {@code ../shared/harness/ob-verify}; without it this test is skipped,
 * unless {@code LEARNINGMAP_REQUIRE_OB_VERIFY=1}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IndependentVerifierAcceptsOurCredentialsTest {

    private static ObVerifyHarness harness;

    @LocalServerPort
    int port;
    @Autowired
    Recognition recognition;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    CredentialUrls urls;
    @TempDir
    Path files;

    CredentialFixtures given;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void findTheHarness() {
        harness = ObVerifyHarness.findOrSkip();
    }

    @BeforeEach
    void library() {
        given = new CredentialFixtures(jdbc, passwords, recognition);
    }

    @Test
    void theDataIntegrityCredentialPassesStrictVerification() throws Exception {
        Award award = given.toEmail(given.badge("Safe online banking"), "ruta.verifier@example.org");
        Path json = save("credential.json", fetch("/credentials/" + award.publicId() + ".json"));

        assertVerdict(0, json.toString(), "--expect", "ob3", "--recipient", "ruta.verifier@example.org");
        // and fetched from its stable address by content negotiation
        assertVerdict(0, "http://127.0.0.1:" + port + "/credentials/" + award.publicId(), "--expect", "ob3");
    }

    @Test
    void theVcJwtPassesStrictVerification() throws Exception {
        Award award = given.toLearner(given.badge("Video calls with family"));
        Path jwt = save("credential.jwt", fetch("/credentials/" + award.publicId() + ".jwt"));

        assertVerdict(0, jwt.toString(), "--expect", "ob3");
    }

    @Test
    void aChangedCredentialFails() throws Exception {
        Award award = given.toLearner(given.badge("Spreadsheets"));
        String json = fetch("/credentials/" + award.publicId() + ".json");
        assertThat(json).contains("\"Spreadsheets");
        Path changed = save("changed.json", json.replace("\"Spreadsheets", "\"Advanced spreadsheets"));

        String output = assertVerdict(1, changed.toString());
        assertThat(output).contains("[FAIL] proof");
    }

    @Test
    void aRevokedCredentialFailsInBothForms() throws Exception {
        Award award = given.toLearner(given.badge("Online shopping"));
        Path json = save("revoked.json", fetch("/credentials/" + award.publicId() + ".json"));
        Path jwt = save("revoked.jwt", fetch("/credentials/" + award.publicId() + ".jwt"));
        assertVerdict(0, json.toString());

        recognition.revoke(award.id(), "Awarded to the wrong person", given.editor);

        assertThat(assertVerdict(1, json.toString())).contains("[FAIL] status.BitstringStatusList");
        assertThat(assertVerdict(1, jwt.toString())).contains("[FAIL] status.BitstringStatusList");
    }

    @Test
    void anAwardEarnedByEachWayOfEarningPassesStrictVerification() throws Exception {
        Map<AwardPath, Award> byPath = new EnumMap<>(AwardPath.class);
        for (Award award : recognition.awardsOf(demoLearner())) {
            if (!award.revoked() && !award.expiredAt(Instant.now())) {
                byPath.putIfAbsent(award.path(), award);
            }
        }
        assertThat(byPath.keySet()).as("the demo learner holds an award earned each way").containsExactlyInAnyOrder(AwardPath.values());

        for (Award award : byPath.values()) {
            Path json = save(award.path() + ".json", fetch("/credentials/" + award.publicId() + ".json"));
            assertVerdict(0, json.toString(), "--expect", "ob3");
            Path jwt = save(award.path() + ".jwt", fetch("/credentials/" + award.publicId() + ".jwt"));
            assertVerdict(0, jwt.toString(), "--expect", "ob3");
        }
    }

    @Test
    void theDemoLearnersExpiredAndRevokedAwardsFail() throws Exception {
        List<Award> awards = recognition.awardsOf(demoLearner());
        Award expired = awards.stream().filter(a -> !a.revoked() && a.expiredAt(Instant.now())).findFirst().orElseThrow();
        Award revoked = awards.stream().filter(Award::revoked).findFirst().orElseThrow();

        Path expiredJson = save("expired.json", fetch("/credentials/" + expired.publicId() + ".json"));
        assertVerdict(1, expiredJson.toString());
        Path revokedJson = save("revoked-demo.json", fetch("/credentials/" + revoked.publicId() + ".json"));
        assertThat(assertVerdict(1, revokedJson.toString())).contains("[FAIL] status.BitstringStatusList");
    }

    private long demoLearner() {
        return jdbc.sql("SELECT id FROM account WHERE email = 'learner@example.org'").query(Long.class).single();
    }

    private String fetch(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    private Path save(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
    }

    private String assertVerdict(int exitCode, String input, String... options) throws Exception {
        return harness.assertVerdict(urls.base(), port, exitCode, input, options);
    }
}
