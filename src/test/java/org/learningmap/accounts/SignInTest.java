package org.learningmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SignInTest {

    /** Each test signs in from its own address, so the per-address limit of one test never touches another. */
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Value("${learningmap.sign-in.max-failures}")
    int maxFailures;
    @Value("${learningmap.sign-in.per-ip-per-minute}")
    int perMinute;

    People people;
    RequestPostProcessor from;

    @BeforeEach
    void setUp() {
        people = new People(jdbc, passwords);
        String address = "192.0.2." + NEXT_ADDRESS.getAndIncrement();
        from = request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MockHttpServletRequestBuilder signInForm(String email, String password) {
        return post("/sign-in").with(csrf()).with(from).param("username", email).param("password", password)
                .header("Accept-Language", "en");
    }

    private MvcResult signIn(String email, String password) throws Exception {
        return mvc.perform(signInForm(email, password)).andReturn();
    }

    private String signInPageAfter(MvcResult failed) throws Exception {
        return mvc.perform(get(failed.getResponse().getRedirectedUrl()).session((MockHttpSession) failed.getRequest().getSession())
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theRightPasswordSignsInAndTheSessionKeepsNoPasswordHash() throws Exception {
        CurrentAccount person = people.create("right", "en");
        MvcResult result = mvc.perform(signInForm(person.email().toUpperCase(), People.PASSWORD))
                .andExpect(authenticated().withUsername(person.email()))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        SecurityContext context = (SecurityContext) result.getRequest().getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(context.getAuthentication().getPrincipal()).isInstanceOfSatisfying(CurrentAccount.class, account -> {
            assertThat(account.id()).isEqualTo(person.id());
            assertThat(account.passwordHash()).isNull();
        });
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressReadTheSame() throws Exception {
        CurrentAccount person = people.create("wrong", "en");
        MvcResult wrongPassword = signIn(person.email(), "not the password");
        assertThat(wrongPassword.getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error");
        MvcResult unknown = signIn(People.newEmail("nobody"), "not the password");
        assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error");

        String expected = "The e-mail address or the password is not right. Please try again.";
        assertThat(signInPageAfter(wrongPassword)).contains(expected).contains("Forgot your password?");
        assertThat(signInPageAfter(unknown)).contains(expected);
        assertThat(people.failedSignIns(person.id())).isEqualTo(1);
    }

    @Test
    void aPasswordLongerThanAnyAllowedIsJustAWrongPassword() throws Exception {
        CurrentAccount person = people.create("long", "en");
        assertThat(signIn(person.email(), "x".repeat(500)).getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error");
        assertThat(signIn(People.newEmail("nobody"), "x".repeat(500)).getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error");
    }

    @Test
    void afterTooManyWrongPasswordsEvenTheRightOneIsRefusedForAWhile() throws Exception {
        CurrentAccount person = people.create("locked", "en");
        for (int attempt = 1; attempt < maxFailures; attempt++) {
            signIn(person.email(), "guess " + attempt);
        }
        assertThat(people.locked(person.id())).isFalse();
        assertThat(people.failedSignIns(person.id())).isEqualTo(maxFailures - 1);
        signIn(person.email(), "one guess too many");
        assertThat(people.locked(person.id())).isTrue();

        MvcResult rightPassword = mvc.perform(signInForm(person.email(), People.PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/sign-in?error"))
                .andReturn();
        assertThat(signInPageAfter(rightPassword))
                .contains("This account is locked for up to 15 minutes after too many wrong passwords.");

        // When the lock has run out, the right password works again and the count starts afresh.
        jdbc.sql("UPDATE account SET locked_until = now() - interval '1 second' WHERE id = ?").param(person.id()).update();
        mvc.perform(signInForm(person.email(), People.PASSWORD))
                .andExpect(authenticated());
        assertThat(people.failedSignIns(person.id())).isZero();
    }

    @Test
    void aSuccessfulSignInForgetsEarlierWrongPasswords() throws Exception {
        CurrentAccount person = people.create("forgets", "en");
        signIn(person.email(), "typo one");
        signIn(person.email(), "typo two");
        assertThat(people.failedSignIns(person.id())).isEqualTo(2);
        mvc.perform(signInForm(person.email(), People.PASSWORD)).andExpect(authenticated());
        assertThat(people.failedSignIns(person.id())).isZero();
    }

    @Test
    void oneAddressPostingTooOftenGetsTooManyRequestsWhileOthersCarryOn() throws Exception {
        for (int attempt = 0; attempt < perMinute; attempt++) {
            // Without a CSRF token each attempt is refused cheaply, but it still counts.
            mvc.perform(post("/sign-in").with(from).param("username", "someone@example.net").param("password", "guess"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/sign-in").with(from).param("username", "someone@example.net").param("password", "guess")
                        .header("Accept-Language", "uk"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("<h1>Забагато спроб</h1>")))
                .andExpect(content().string(containsString("Зачекайте хвилину і спробуйте ще раз.")));

        CurrentAccount person = people.create("elsewhere", "en");
        mvc.perform(post("/sign-in").with(csrf()).param("username", person.email()).param("password", People.PASSWORD)
                        .with(request -> {
                            request.setRemoteAddr("192.0.2.250");
                            return request;
                        }))
                .andExpect(authenticated());
        // Reading the page is never limited.
        mvc.perform(get("/sign-in").with(from).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Create an account")));
    }

    @Test
    void theSignInPageShowsAfterAPasswordResetThatTheNewPasswordIsSaved() throws Exception {
        mvc.perform(get("/sign-in?reset").header("Accept-Language", "lt"))
                .andExpect(content().string(containsString("Naujas slaptažodis išsaugotas.")));
    }
}
