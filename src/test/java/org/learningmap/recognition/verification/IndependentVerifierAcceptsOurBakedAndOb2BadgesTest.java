package org.learningmap.recognition.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.learningmap.recognition.Alignment;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.ObVerifyHarness;
import org.learningmap.recognition.AwardPath;
import org.learningmap.recognition.AwardRequest;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.BadgeSource;
import org.learningmap.recognition.Recognition;
import org.learningmap.shared.LocalizedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The independent ob-verify harness (Digital Bazaar's libraries and 1EdTech's schema, run with
 * --strict) accepts the badge pictures this application bakes (Open Badges 3.0 in PNG and SVG) and
 * its Open Badges 2.0 hosted assertions, plain and baked, fetching everything from the running
 * application; and rejects a revoked 2.0 assertion (410 Gone) and a changed one. The harness is
 * found at {@code LEARNINGMAP_OB_VERIFY} or {@code ../shared/harness/ob-verify}; without it this test
 * is skipped, unless {@code LEARNINGMAP_REQUIRE_OB_VERIFY=1}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IndependentVerifierAcceptsOurBakedAndOb2BadgesTest {

    private static ObVerifyHarness harness;

    @LocalServerPort
    int port;
    @Autowired
    Recognition recognition;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Value("${learningmap.base-url}")
    String baseUrl;
    @TempDir
    Path files;

    private final HttpClient http = HttpClient.newHttpClient();
    long site;
    long library;
    long editor;

    @BeforeAll
    static void findTheHarness() {
        harness = ObVerifyHarness.findOrSkip();
    }

    @BeforeEach
    void library() {
        EditingFixtures fixtures = new EditingFixtures(jdbc, passwords);
        site = fixtures.site("lietuva");
        library = fixtures.organisation(site, "Baking library " + UUID.randomUUID(), "APPROVED");
        editor = fixtures.account("Baking editor");
        fixtures.member(editor, library, "EDITOR");
    }

    Award awarded(String badgeName) {
        Badge badge = recognition.createBadge(site, library, BadgeSource.CUSTOM, null,
                LocalizedText.of(badgeName, badgeName + " (lt)", badgeName + " (uk)"),
                LocalizedText.of("en", "Recognises " + badgeName), LocalizedText.of("en", "Attended and practised " + badgeName),
                List.of("digital skills"), List.of(new Alignment("digcomp-2.2", "4.2", "Protecting personal data and privacy", null)),
                365);
        return recognition.award(new AwardRequest(badge.id(), null, "baked.learner@example.org", "Baked Learner", AwardPath.EDUCATOR,
                null, null, editor, "baked:" + UUID.randomUUID())).award();
    }

    @Test
    void theBakedPngAndSvgCredentialsPassStrictVerification() throws Exception {
        Award award = awarded("Safe online banking");
        Path png = save("badge.png", fetch("/credentials/" + award.publicId() + ".png"));
        Path svg = save("badge.svg", fetch("/credentials/" + award.publicId() + ".svg"));

        assertThat(assertVerdict(0, png.toString(), "--expect", "ob3", "--recipient", "baked.learner@example.org"))
                .contains("iTXt chunk keyword \"openbadgecredential\"", "[PASS] proof:", "RESULT: VALID");
        assertThat(assertVerdict(0, svg.toString(), "--expect", "ob3")).contains("<openbadges:credential>", "[PASS] proof:");
    }

    @Test
    void theOb2HostedAssertionPassesStrictVerificationPlainAndBaked() throws Exception {
        Award award = awarded("Video calls");
        String hosted = "http://127.0.0.1:" + port + "/ob2/assertions/" + award.publicId();
        Path json = save("assertion.json", fetch("/ob2/assertions/" + award.publicId()));
        Path png = save("ob2.png", fetch("/ob2/assertions/" + award.publicId() + ".png"));
        Path svg = save("ob2.svg", fetch("/ob2/assertions/" + award.publicId() + ".svg"));

        assertVerdict(0, hosted, "--expect", "ob2");
        assertVerdict(0, json.toString(), "--expect", "ob2", "--recipient", "baked.learner@example.org");
        assertVerdict(0, png.toString(), "--expect", "ob2");
        assertVerdict(0, svg.toString(), "--expect", "ob2");
    }

    @Test
    void aRevokedOrChangedOb2AssertionFails() throws Exception {
        Award award = awarded("Online shopping");
        Path json = save("assertion.json", fetch("/ob2/assertions/" + award.publicId()));
        String changed = new String(Files.readAllBytes(json), StandardCharsets.UTF_8)
                .replaceFirst("\"issuedOn\":\"[^\"]+\"", "\"issuedOn\":\"2020-01-01T00:00:00Z\"");
        Path tampered = Files.writeString(files.resolve("changed.json"), changed);
        assertThat(assertVerdict(1, tampered.toString())).contains("[FAIL] ob2.hosted");

        recognition.revoke(award.id(), "Awarded to the wrong person", editor);

        assertThat(assertVerdict(1, json.toString())).contains("[FAIL] ob2.revoked");
    }

    private byte[] fetch(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    private Path save(String name, byte[] content) throws IOException {
        return Files.write(files.resolve(name), content);
    }

    private String assertVerdict(int exitCode, String input, String... options) throws Exception {
        return harness.assertVerdict(baseUrl, port, exitCode, input, options);
    }
}
