package org.learningmap.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PersonMistypesTheirPasswordUntilLocked {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Value("${learningmap.sign-in.max-failures}")
    int maxFailures;

    private MvcResult signIn(String email, String password, String address) throws Exception {
        return mvc.perform(post("/lietuva/sign-in").with(csrf()).with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }).param("username", email).param("password", password)).andReturn();
    }

    private List<String> eventsOf(long account) {
        return jdbc.sql("SELECT event FROM audit_entry WHERE actor_account_id = ? ORDER BY id").param(account).query(String.class).list();
    }

    @Test
    void failedSignInsAndTheLockoutAreRecordedAndASuccessToo() throws Exception {
        var fixtures = new EditingFixtures(jdbc, passwords);
        long account = fixtures.account("Careless Typist");
        String email = fixtures.email(account);

        signIn(email, EditingFixtures.PASSWORD, "198.51.100.7");
        for (int i = 0; i < maxFailures; i++) {
            signIn(email, "wrong password " + i, "198.51.100.7");
        }
        signIn(email, EditingFixtures.PASSWORD, "198.51.100.7");

        List<String> events = eventsOf(account);
        assertThat(events.getFirst()).isEqualTo("SIGN_IN");
        assertThat(events.stream().filter("SIGN_IN_FAILED"::equals).count()).isEqualTo(maxFailures);
        assertThat(events.getLast()).as("the right password once the account is locked").isEqualTo("SIGN_IN_LOCKED");
        var locked = jdbc.sql("SELECT * FROM audit_entry WHERE actor_account_id = ? ORDER BY id DESC LIMIT 1").param(account).query().singleRow();
        assertThat(locked.get("refused")).isEqualTo(true);
        assertThat(locked.get("actor_email")).isEqualTo(email);
        assertThat(locked.get("client_ip")).isEqualTo("198.51.100.0/24");
        assertThat(locked.get("route")).isEqualTo("/sign-in");
    }

    @Test
    void aStrangersTypedAddressIsNotKept() throws Exception {
        String typed = "nobody-" + System.nanoTime() + "@example.org";
        signIn(typed, "guess", "198.51.100.8");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE event = 'SIGN_IN_FAILED' AND client_ip = '198.51.100.0/24' "
                + "AND actor_account_id IS NULL AND actor_email IS NULL").query(Integer.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor_email = ?").param(typed).query(Integer.class).single()).isZero();
    }

    @Test
    void signingOutAndAskingForAPasswordResetAreRecorded() throws Exception {
        var fixtures = new EditingFixtures(jdbc, passwords);
        long account = fixtures.account("Tidy Leaver");
        MvcResult signedIn = signIn(fixtures.email(account), EditingFixtures.PASSWORD, "198.51.100.9");
        mvc.perform(post("/lietuva/sign-out").with(csrf())
                .session((org.springframework.mock.web.MockHttpSession) signedIn.getRequest().getSession())).andReturn();
        assertThat(eventsOf(account)).containsExactly("SIGN_IN", "SIGN_OUT");

        String requestId = "reset-" + System.nanoTime();
        mvc.perform(post("/lietuva/password-reset").with(csrf()).header("X-Request-Id", requestId)
                .param("email", fixtures.email(account))).andReturn();
        assertThat(jdbc.sql("SELECT route FROM audit_entry WHERE request_id = ?").param(requestId).query(String.class).list())
                .containsExactly("/password-reset");
    }
}
