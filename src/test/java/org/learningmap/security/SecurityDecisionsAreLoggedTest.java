package org.learningmap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * ASVS 7.1.3, 7.2.1 and 7.2.2: sign-ins that succeed or fail and signed-in people refused by the access rules
 * leave a line in the log with where they came from, and 7.1.1: never the password, nor the address itself.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class SecurityDecisionsAreLoggedTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    EditingFixtures fixtures;
    long account;
    String email;
    String from;

    @BeforeEach
    void aPerson() {
        fixtures = new EditingFixtures(jdbc, passwords);
        account = fixtures.account("Logged person");
        email = fixtures.email(account);
        from = "203.0.113." + ADDRESS.incrementAndGet();
    }

    @Test
    void aWrongPasswordIsLoggedWithItsAddressButWithoutThePassword(CapturedOutput output) throws Exception {
        mvc.perform(post("/sign-in").with(csrf()).param("username", email).param("password", "Wrong-guess-4711")
                .with(request -> {
                    request.setRemoteAddr(from);
                    return request;
                }));
        String line = output.getAll().lines().filter(l -> l.contains("sign-in refused") && l.contains(from)).findFirst().orElse("");
        assertThat(line).as("a line for the refused sign-in").contains("BadCredentialsException").contains(hash(email));
        assertThat(output.getAll()).doesNotContain("Wrong-guess-4711").doesNotContain(email);
    }

    @Test
    void aSignInIsLogged(CapturedOutput output) throws Exception {
        mvc.perform(post("/sign-in").with(csrf()).param("username", email).param("password", EditingFixtures.PASSWORD)
                .with(request -> {
                    request.setRemoteAddr(from);
                    return request;
                }));
        assertThat(output.getAll()).contains("sign-in succeeded: person " + hash(email) + " from " + from)
                .doesNotContain(EditingFixtures.PASSWORD);
    }

    @Test
    void aSignedInPersonRefusedAnAdministratorsPageIsLogged(CapturedOutput output) throws Exception {
        mvc.perform(get("/lietuva/admin/sites").with(user(fixtures.principal(account))));
        assertThat(output.getAll()).contains("access refused: person " + hash(email)).contains("GET /lietuva/admin/sites");
    }

    private static String hash(String name) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.toLowerCase().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 6);
    }
}
