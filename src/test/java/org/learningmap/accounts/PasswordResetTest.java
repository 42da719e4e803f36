package org.learningmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PasswordResetTest {

    static final Pattern LINK = Pattern.compile("https?://\\S+(/password-reset/([A-Za-z0-9_-]+))");

    record Mail(String subject, String body) {
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    People people;

    /** Posts come from an address of this class's own, so the per-address limit is not shared with other tests. */
    static final RequestPostProcessor FROM = request -> {
        request.setRemoteAddr("198.51.100.7");
        return request;
    };

    @BeforeEach
    void setUp() {
        people = new People(jdbc, passwords);
    }

    private void askForLink(String email) throws Exception {
        mvc.perform(post("/password-reset").with(csrf()).with(FROM).param("email", email))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/password-reset?sent"));
    }

    private List<Mail> mailTo(String email) {
        return jdbc.sql("SELECT subject, body FROM outbox_email WHERE recipient = ? ORDER BY id")
                .param(email)
                .query(Mail.class)
                .list();
    }

    static Matcher link(String body) {
        Matcher matcher = LINK.matcher(body);
        assertThat(matcher.find()).as("a reset link in %s", body).isTrue();
        return matcher;
    }

    @Test
    void askingNeverTellsWhetherAnAccountExists() throws Exception {
        CurrentAccount person = people.create("exists", "en");
        String stranger = People.newEmail("stranger");
        askForLink(person.email());
        askForLink(stranger);
        mvc.perform(get("/password-reset?sent").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("If an account exists for that address, we have sent it a link.")));

        assertThat(mailTo(person.email())).hasSize(1);
        assertThat(mailTo(stranger)).isEmpty();
    }

    @Test
    void theLinkIsWrittenInThePersonsLanguageAndOnlyItsHashIsKept() throws Exception {
        CurrentAccount person = people.create("ukrainian", "uk");
        askForLink(person.email().toUpperCase());

        Mail mail = mailTo(person.email()).getFirst();
        assertThat(mail.subject()).isEqualTo("Мапа навчання – Литва: виберіть новий пароль");
        assertThat(mail.body()).startsWith("Вітаємо, Test ukrainian!").contains("60 хв");
        String token = link(mail.body()).group(2);

        List<String> stored = jdbc.sql("SELECT token_hash FROM password_reset WHERE account_id = ?").param(person.id())
                .query(String.class).list();
        assertThat(stored).containsExactly(Secrets.hash(token));
        assertThat(stored.getFirst()).doesNotContain(token);
    }

    @Test
    void aLinkSetsANewPasswordOnceAndThenStopsWorking() throws Exception {
        CurrentAccount person = people.create("once", "en");
        askForLink(person.email());
        String path = link(mailTo(person.email()).getFirst().body()).group(1);

        mvc.perform(get(path).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a new password")));
        mvc.perform(post(path).with(csrf()).with(FROM).param("password", "short").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The password is too short")));
        mvc.perform(post(path).with(csrf()).with(FROM).param("password", "new meadow lighthouse"))
                .andExpect(redirectedUrl("/sign-in?reset"));

        mvc.perform(post("/sign-in").with(csrf()).with(FROM).param("username", person.email()).param("password", "new meadow lighthouse"))
                .andExpect(authenticated());

        mvc.perform(get(path).header("Accept-Language", "en"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("This link has expired or has already been used.")));
        mvc.perform(post(path).with(csrf()).with(FROM).param("password", "another fresh password"))
                .andExpect(status().isGone());
        String hash = jdbc.sql("SELECT password_hash FROM account WHERE id = ?").param(person.id()).query(String.class).single();
        assertThat(passwords.matches("new meadow lighthouse", hash)).isTrue();
    }

    @Test
    void anExpiredLinkDoesNotWork() throws Exception {
        CurrentAccount person = people.create("expired", "lt");
        askForLink(person.email());
        String path = link(mailTo(person.email()).getFirst().body()).group(1);
        jdbc.sql("UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE account_id = ?").param(person.id()).update();

        mvc.perform(get(path).header("Accept-Language", "lt"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Ši nuoroda nebegalioja arba jau buvo panaudota.")));
        mvc.perform(post(path).with(csrf()).with(FROM).param("password", "new meadow lighthouse"))
                .andExpect(status().isGone());
        String hash = jdbc.sql("SELECT password_hash FROM account WHERE id = ?").param(person.id()).query(String.class).single();
        assertThat(passwords.matches(People.PASSWORD, hash)).isTrue();
    }

    @Test
    void aMadeUpLinkDoesNotWork() throws Exception {
        mvc.perform(get("/password-reset/made-up-token").header("Accept-Language", "en"))
                .andExpect(status().isGone());
    }

    @Test
    void aNewPasswordLiftsTheSignInLock() throws Exception {
        CurrentAccount person = people.create("unlock", "en");
        jdbc.sql("UPDATE account SET locked_until = now() + interval '10 minutes' WHERE id = ?").param(person.id()).update();
        askForLink(person.email());
        String path = link(mailTo(person.email()).getFirst().body()).group(1);
        mvc.perform(post(path).with(csrf()).with(FROM).param("password", "new meadow lighthouse"))
                .andExpect(redirectedUrl("/sign-in?reset"));
        assertThat(people.locked(person.id())).isFalse();
    }

    @Test
    void nobodyCanFloodAPersonsInbox() throws Exception {
        CurrentAccount person = people.create("flood", "en");
        for (int i = 0; i < PasswordResets.MAX_OPEN_LINKS + 2; i++) {
            askForLink(person.email());
        }
        assertThat(mailTo(person.email())).hasSize(PasswordResets.MAX_OPEN_LINKS);
    }

    @Test
    void aWronglyTypedAddressIsPointedOut() throws Exception {
        mvc.perform(post("/password-reset").with(csrf()).with(FROM).param("email", "name-at-example").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please enter an e-mail address like name@example.com.")));
    }
}
