package org.learningmap.recognition.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.learningmap.recognition.credentials.CredentialCheck.Outcome;

/**
 * A credential from another issuer (the OB 3.0 implementation guide's signed example) is checked with the
 * key its verification method names, as the 1EdTech validator does; its status is another issuer's to
 * keep and is reported as not checked.
 */
class OtherIssuersCredentialsTest {

    private final CredentialVerifier verifier =
            new CredentialVerifier(null, null, new CredentialUrls("https://badges.example.org"), Clock.systemUTC());

    private static String vector() throws IOException {
        try (InputStream in = OtherIssuersCredentialsTest.class.getResourceAsStream("/recognition/credentials/spec-impl-guide-ob3-signed.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSpecificationsExampleVerifiesWithTheKeyItsMethodNames() throws IOException {
        CredentialCheck check = verifier.verify(vector());

        assertThat(check.valid()).as("%s", check.checks()).isTrue();
        assertThat(check.ours()).isFalse();
        assertThat(check.check("proof").orElseThrow().messageKey())
                .isEqualTo("recognition-credentials.check.proof.passed-key-in-method");
        assertThat(check.check("status").orElseThrow().outcome()).isEqualTo(Outcome.SKIPPED);
        // its "proof" is one object, which the schema accepts once written as the array it stands for
        assertThat(check.check("schema").orElseThrow().messageKey())
                .isEqualTo("recognition-credentials.check.schema.passed-compacted");
        assertThat(check.issuerName()).isEqualTo("Example Corp");
        assertThat(check.achievementName()).isEqualTo("Teamwork");
    }

    @Test
    void theExampleChangedFailsItsProof() throws IOException {
        CredentialCheck check = verifier.verify(vector().replace("\"Teamwork Badge\"", "\"Leadership Badge\""));

        assertThat(check.valid()).isFalse();
        assertThat(check.firstFailure().orElseThrow().messageKey()).isEqualTo("recognition-credentials.check.proof.invalid");
    }
}
