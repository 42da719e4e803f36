package org.learningmap.recognition.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import org.junit.jupiter.api.Test;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.Recognition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/** An installation that prefers ES256 signs its VC-JWT credentials with an EC P-256 key, published as a JWK. */
@SpringBootTest(properties = "learningmap.badges.jwt-algorithm=ES256")
@ActiveProfiles("test")
class Es256CredentialsTest {

    @Autowired
    Credentials credentials;
    @Autowired
    Recognition recognition;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void theJwtIsSignedWithES256AndVerifies() throws Exception {
        var given = new CredentialFixtures(jdbc, passwords, recognition);
        Award award = given.toLearner(given.badge("Cloud storage"));

        String jwt = credentials.jwt(award.publicId());

        assertThat(JWSObject.parse(jwt).getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        CredentialCheck check = credentials.verify(jwt);
        assertThat(check.valid()).as("%s", check.checks()).isTrue();
        assertThat(check.check("jwt").orElseThrow().arguments()).containsExactly("ES256");
        var key = JsonMapper.builder().build().readTree(credentials.jwks(given.organisation)).at("/keys/0");
        assertThat(key.at("/kty").asString()).isEqualTo("EC");
        assertThat(key.at("/crv").asString()).isEqualTo("P-256");
        assertThat(key.has("d")).isFalse();
    }
}
