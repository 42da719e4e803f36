package org.learningmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Year;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signing up with a phone, the profile, and a teenager whose guardian agrees by e-mail. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LearnersTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);
    private static final String PASSWORD = "kettle orchard violin";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Accounts accounts;
    @Autowired
    Consents consents;

    RequestPostProcessor from;

    @BeforeEach
    void setUp() {
        String address = "203.0.113." + NEXT_ADDRESS.getAndIncrement();
        from = request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MockHttpServletRequestBuilder signUp(String site, String email, String phone, String year) {
        return post(site + "/sign-up").with(csrf()).with(from).header("Accept-Language", "en")
                .param("displayName", "Learner").param("email", email).param("phone", phone).param("password", PASSWORD)
                .param("language", "en").param("yearOfBirth", year);
    }

    private long idOf(MvcResult result) {
        return ((CurrentAccount) ((org.springframework.security.core.context.SecurityContext) result.getRequest().getSession()
                .getAttribute("SPRING_SECURITY_CONTEXT")).getAuthentication().getPrincipal()).id();
    }

    @Test
    void aPersonSignsUpWithOnlyAPhoneNumberAndSignsInWithItInAnyUsualForm() throws Exception {
        String national = AssistedAccountsTest.lithuanianMobile();
        String e164 = "+370" + national.replace(" ", "").substring(1);
        MvcResult signedUp = mvc.perform(signUp("", "", national, "1980"))
                .andExpect(redirectedUrl("/account?welcome"))
                .andReturn();
        long id = idOf(signedUp);
        assertThat(jdbc.sql("SELECT phone FROM account WHERE id = ?").param(id).query(String.class).single()).isEqualTo(e164);
        assertThat(jdbc.sql("SELECT email FROM account WHERE id = ?").param(id).query(String.class).optional()).isEmpty();

        mvc.perform(signUp("", "", e164.substring(0, 4) + " " + e164.substring(4), "1981"))
                .andExpect(unauthenticated())
                .andExpect(content().string(containsString("There is already an account with this phone number.")));

        for (String typed : List.of(e164, "00" + e164.substring(1), national)) {
            mvc.perform(post("/sign-in").with(csrf()).with(from).param("username", typed).param("password", PASSWORD))
                    .andExpect(authenticated());
        }
        mvc.perform(post("/sign-in").with(csrf()).with(from).param("username", e164).param("password", "wrong password here"))
                .andExpect(unauthenticated());
        assertThat(jdbc.sql("SELECT failed_sign_ins FROM account WHERE id = ?").param(id).query(Integer.class).single())
                .as("a wrong password counts against the phone account too").isEqualTo(1);
    }

    @Test
    void signUpAsksForAContactAndAYearOfBirth() throws Exception {
        mvc.perform(signUp("", "", "", "19x0"))
                .andExpect(unauthenticated())
                .andExpect(content().string(containsString("Please fill in an e-mail address or a phone number.")))
                .andExpect(content().string(containsString("Please enter a year of birth like 1958.")));
        mvc.perform(signUp("", "", "12", "1970"))
                .andExpect(content().string(containsString("Please enter a phone number like +370 612 34567.")));
    }

    @Test
    void theProfileKeepsLanguagesInOrderAndOffersOnlyChannelsThePersonHas() throws Exception {
        String email = People.newEmail("profile");
        MvcResult signedUp = mvc.perform(signUp("", email, "", "1975")).andReturn();
        MockHttpSession session = (MockHttpSession) signedUp.getRequest().getSession();
        long id = idOf(signedUp);

        mvc.perform(get("/account/profile").session(session).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("By e-mail")))
                .andExpect(content().string(not(containsString("By text message (SMS)"))));

        mvc.perform(post("/account/profile/details").session(session).with(csrf()).header("Accept-Language", "en")
                        .param("displayName", "Lina").param("language1", "lt").param("language2", "en").param("language3", "")
                        .param("yearOfBirth", "1975").param("channel", "SMS").param("phone", "").param("email", email))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please choose a way we can reach you")));

        String phone = AssistedAccountsTest.lithuanianMobile();
        mvc.perform(post("/account/profile/details").session(session).with(csrf()).header("Accept-Language", "en")
                        .param("displayName", "Lina").param("language1", "lt").param("language2", "en").param("language3", "")
                        .param("yearOfBirth", "1975").param("channel", "SMS").param("phone", phone).param("email", email))
                .andExpect(redirectedUrl("/account/profile?saved"));
        assertThat(jdbc.sql("SELECT array_to_string(languages, ',') || ' ' || preferred_language || ' ' || notification_channel FROM account WHERE id = ?")
                .param(id).query(String.class).single()).isEqualTo("lt,en lt SMS");
    }

    @Test
    void minorsAreMeasuredAgainstTheirSitesAgeOfDigitalConsent() {
        assertThat(Minors.needsGuardian(2012, 14, 2026)).isFalse();
        assertThat(Minors.needsGuardian(2013, 14, 2026)).isTrue();
        assertThat(Minors.needsGuardian(2010, 16, 2026)).isFalse();
        assertThat(Minors.needsGuardian(2011, 16, 2026)).isTrue();
    }

    @Test
    void aFifteenYearOldNeedsNoGuardianInLithuaniaButOneOnASiteWithTheDefaultAge(@Autowired org.learningmap.sites.Sites sites) {
        long lietuva = sites.bySlug("lietuva").orElseThrow().id();
        assertThat(sites.digitalConsentAge(lietuva)).isEqualTo(14);
        assertThat(sites.digitalConsentAge(sites.bySlug("ukraina").orElseThrow().id())).isEqualTo(14);
        assertThat(sites.digitalConsentAge(-1)).as("the default").isEqualTo(16);
    }

    @Test
    void aTeenagerWaitsForTheGuardianWhoAgreesThroughTheLinkInTheirEmail() throws Exception {
        int year = Year.now().getValue() - 12;
        MvcResult signedUp = mvc.perform(signUp("/ukraina", People.newEmail("teen"), "", Integer.toString(year)))
                .andExpect(redirectedUrl("/ukraina/account/guardian"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) signedUp.getRequest().getSession();
        long id = idOf(signedUp);
        assertThat(accounts.mayKeepPersonalData(id)).isFalse();

        mvc.perform(post("/ukraina/account/profile/details").session(session).with(csrf()).header("Accept-Language", "en")
                        .param("displayName", "Teen").param("language1", "en").param("yearOfBirth", Integer.toString(year))
                        .param("channel", "NONE"))
                .andExpect(content().string(containsString("A parent or guardian must agree first")));

        String guardian = People.newEmail("guardian");
        mvc.perform(post("/ukraina/account/guardian").session(session).with(csrf()).header("Accept-Language", "en")
                        .param("guardianEmail", guardian))
                .andExpect(redirectedUrl("/ukraina/account/guardian?sent"));

        MimeMessage mail = awaitMailTo(guardian);
        assertThat(mail.getSubject()).contains("Learner asks for your consent");
        String body = ((String) mail.getContent()).replace("\r\n", "\n");
        Matcher link = Pattern.compile("http://localhost:8080(/ukraina/guardian-consent/[A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).isTrue();

        mvc.perform(get(link.group(1)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Learner made an account")));
        mvc.perform(post(link.group(1)).with(csrf()).with(from).header("Accept-Language", "en").param("guardianName", "Olha Koval"))
                .andExpect(content().string(containsString("Please tick the box to agree.")));
        assertThat(accounts.mayKeepPersonalData(id)).isFalse();
        mvc.perform(post(link.group(1)).with(csrf()).with(from).header("Accept-Language", "en")
                        .param("guardianName", "Olha Koval").param("agree", "true"))
                .andExpect(content().string(containsString("Your consent is recorded")));

        assertThat(accounts.mayKeepPersonalData(id)).isTrue();
        assertThat(consents.list(id)).singleElement().satisfies(consent -> {
            assertThat(consent.method()).isEqualTo(ConsentMethod.ONLINE);
            assertThat(consent.guardianName()).isEqualTo("Olha Koval");
            assertThat(consent.guardianContact()).isEqualTo(guardian);
        });
        mvc.perform(get(link.group(1)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("This link has expired or has already been used.")));
    }

    @Test
    void pagesOfOnesOwnDataNeedSignIn() throws Exception {
        for (String path : List.of("/account/profile", "/account/privacy", "/account/privacy/export.json",
                "/account/trusted-people", "/account/people-i-help", "/account/guardian")) {
            mvc.perform(get(path)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/sign-in"));
        }
        mvc.perform(get("/privacy").header("Accept-Language", "lt"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kaip rūpinamės jūsų asmens duomenimis")));
    }

    private static MimeMessage awaitMailTo(String recipient) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> mine = Arrays.stream(SMTP.getReceivedMessages())
                    .filter(message -> {
                        try {
                            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                    .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
                        } catch (Exception e) {
                            return false;
                        }
                    })
                    .toList();
            if (!mine.isEmpty()) {
                return mine.getFirst();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no e-mail to " + recipient + " within 20 seconds");
    }
}
