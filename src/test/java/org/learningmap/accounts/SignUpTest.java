package org.learningmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SignUpTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Accounts accounts;

    People people;

    @BeforeEach
    void setUp() {
        people = new People(jdbc, passwords);
    }

    private static MockHttpServletRequestBuilder signUp(Map<String, String> fields) {
        MockHttpServletRequestBuilder request = post("/sign-up").with(csrf()).header("Accept-Language", "en");
        fields.forEach(request::param);
        if (!fields.containsKey("yearOfBirth")) {
            request.param("yearOfBirth", "1990");
        }
        return request;
    }

    @Test
    void theFormOffersTheLanguagesOfTheSite() throws Exception {
        mvc.perform(get("/sign-up").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("At least 10 characters")))
                .andExpect(content().string(containsString("<option value=\"lt\"")))
                .andExpect(content().string(containsString("<option value=\"uk\"")));
        mvc.perform(get("/ukraina/sign-up").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("<option value=\"uk\"")))
                .andExpect(content().string(not(containsString("<option value=\"lt\""))));
    }

    @Test
    void everyWrongFieldGetsATranslatedReasonAndNoAccountIsMade() throws Exception {
        String email = "not-an-address";
        mvc.perform(signUp(Map.of("displayName", " ", "email", email, "password", "short", "language", "de")))
                .andExpect(status().isOk())
                .andExpect(unauthenticated())
                .andExpect(content().string(containsString("Please check the fields marked below.")))
                .andExpect(content().string(containsString("Please fill in this field.")))
                .andExpect(content().string(containsString("Please enter an e-mail address like name@example.com.")))
                .andExpect(content().string(containsString("The password is too short: please use at least 10 characters.")))
                .andExpect(content().string(containsString("Please choose one of the options.")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));

        mvc.perform(post("/sign-up").with(csrf())
                        .param("displayName", "Ona").param("email", "ona@example.net").param("password", "trumpas").param("language", "lt"))
                .andExpect(content().string(containsString("Slaptažodis per trumpas")));

        String sameAsEmail = People.newEmail("same");
        mvc.perform(signUp(Map.of("displayName", "Ona", "email", sameAsEmail, "password", sameAsEmail, "language", "en")))
                .andExpect(content().string(containsString("Please do not use your e-mail address as the password.")));
        assertThat(accounts.byEmail(sameAsEmail)).isEmpty();
    }

    @Test
    void anAddressThatAlreadyHasAnAccountIsRefusedWhateverItsCase() throws Exception {
        CurrentAccount existing = people.create("taken", "en");
        mvc.perform(signUp(Map.of("displayName", "Someone Else", "email", existing.email().toUpperCase(),
                        "password", "a perfectly long password", "language", "en")))
                .andExpect(status().isOk())
                .andExpect(unauthenticated())
                .andExpect(content().string(containsString("There is already an account with this e-mail address.")));
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE lower(email) = lower(?)").param(existing.email())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aNewPersonIsSignedInWithTheirPasswordKeptAsABcryptHash() throws Exception {
        String email = People.newEmail("new");
        MvcResult signedUp = mvc.perform(signUp(Map.of("displayName", "Olena Koval", "email", email,
                        "password", "sunflower river kite", "language", "uk")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/account?welcome"))
                .andExpect(authenticated().withUsername(email))
                .andExpect(cookie().value("lang", "uk"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) signedUp.getRequest().getSession();

        String hash = jdbc.sql("SELECT password_hash FROM account WHERE email = ?").param(email).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("sunflower");
        assertThat(passwords.matches("sunflower river kite", hash)).isTrue();
        assertThat(accounts.byEmail(email)).get()
                .satisfies(account -> {
                    assertThat(account.displayName()).isEqualTo("Olena Koval");
                    assertThat(account.preferredLanguage()).isEqualTo("uk");
                });

        // The chosen language is now the language of the pages.
        mvc.perform(get("/account?welcome").session(session).cookie(signedUp.getResponse().getCookie("lang")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Вітаємо! Обліковий запис створено, ви увійшли.")))
                .andExpect(content().string(containsString("value=\"Olena Koval\"")));
    }

    @Test
    void afterSigningUpThePersonGoesBackToWhereTheyWereButNeverOffTheSite() throws Exception {
        mvc.perform(signUp(Map.of("displayName", "Jonas", "email", People.newEmail("next"),
                        "password", "a perfectly long password", "language", "lt", "next", "/search?q=robotics")))
                .andExpect(redirectedUrl("/search?q=robotics"));
        mvc.perform(signUp(Map.of("displayName", "Jonas", "email", People.newEmail("evil"),
                        "password", "a perfectly long password", "language", "lt", "next", "//evil.example/")))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        String email = People.newEmail("csrf");
        mvc.perform(post("/sign-up").param("displayName", "X").param("email", email)
                        .param("password", "a perfectly long password").param("language", "en"))
                .andExpect(status().isForbidden());
        assertThat(accounts.byEmail(email)).isEmpty();
    }
}
