package org.learningmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Clock;
import java.time.Duration;
import java.time.Year;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AssistedAccountsTest {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    AssistedAccounts assisted;
    @Autowired
    Accounts accounts;
    @Autowired
    Sites sites;

    People people;
    long lietuva;
    long ukraina;
    CurrentAccount librarian;
    RequestPostProcessor from;

    @BeforeEach
    void setUp() {
        people = new People(jdbc, passwords);
        lietuva = sites.bySlug("lietuva").orElseThrow().id();
        ukraina = sites.bySlug("ukraina").orElseThrow().id();
        librarian = people.create("librarian", "lt");
        String address = "198.51.100." + NEXT_ADDRESS.getAndIncrement();
        from = request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static String lithuanianMobile() {
        return "8 6" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
    }

    private MockHttpServletRequestBuilder claim(String code, String email, String phone, String password) {
        return post("/claim").with(csrf()).with(from).header("Accept-Language", "en")
                .param("code", code).param("email", email).param("phone", phone).param("password", password);
    }

    @Test
    void staffCreateAPersonWithOnlyANameAYearAndAPhoneAndFindThemAgain() {
        String phone = lithuanianMobile();
        AssistedAccount made = assisted.create(librarian.id(), lietuva, new NewPerson("Aldona Žemaitienė", 1948, "lt", phone));

        assertThat(made.claimCode().code()).matches("[A-HJ-KMNP-Z2-9]{4}-[A-HJ-KMNP-Z2-9]{4}");
        assertThat(made.guardianRequired()).isFalse();
        String stored = jdbc.sql("SELECT phone FROM account WHERE id = ?").param(made.accountId()).query(String.class).single();
        assertThat(stored).isEqualTo("+370" + phone.replace(" ", "").substring(1));
        assertThat(accounts.mayKeepPersonalData(made.accountId())).isTrue();

        assertThat(assisted.find(lietuva, "aldona zemaitiene", null, 10)).extracting(PersonMatch::accountId).contains(made.accountId());
        assertThat(assisted.find(lietuva, "Aldona Zemaitene", 1948, 10)).extracting(PersonMatch::accountId).contains(made.accountId());
        assertThat(assisted.find(lietuva, phone, null, 10)).singleElement()
                .satisfies(match -> {
                    assertThat(match.accountId()).isEqualTo(made.accountId());
                    assertThat(match.phoneHint()).endsWith(stored.substring(stored.length() - 3)).doesNotContain(stored.substring(4, 8));
                    assertThat(match.claimed()).isFalse();
                });
        assertThat(assisted.find(lietuva, "Aldona Žemaitienė", 1990, 10)).extracting(PersonMatch::accountId).doesNotContain(made.accountId());
        assertThat(assisted.find(ukraina, "Aldona Žemaitienė", null, 10)).extracting(PersonMatch::accountId)
                .as("a desk of another site does not find the person").doesNotContain(made.accountId());
    }

    @Test
    void aPhoneNumberBelongsToOneAccountOnly() {
        String phone = lithuanianMobile();
        assisted.create(librarian.id(), lietuva, new NewPerson("Jonas", 1960, "lt", phone));
        assertThatThrownBy(() -> assisted.create(librarian.id(), lietuva, new NewPerson("Petras", 1961, "lt", phone)))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.reason()).isEqualTo("assisted.phone-taken"));
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertThatThrownBy(() -> assisted.create(librarian.id(), lietuva, new NewPerson(" ", 1960, "lt", null)))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.reason()).isEqualTo("assisted.name-invalid"));
        assertThatThrownBy(() -> assisted.create(librarian.id(), lietuva, new NewPerson("Ona", 2999, "lt", null)))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.reason()).isEqualTo("validation.year-of-birth"));
        assertThatThrownBy(() -> assisted.create(librarian.id(), ukraina, new NewPerson("Ona", 1950, "lt", null)))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.reason()).isEqualTo("assisted.language-invalid"));
        assertThatThrownBy(() -> assisted.create(librarian.id(), lietuva, new NewPerson("Ona", 1950, "lt", "12")))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.reason()).isEqualTo("validation.phone"));
    }

    @Test
    void aChildMadeAtTheDeskWaitsForAGuardianWhoseConsentStaffRecordOnPaper(@Autowired Consents consents) {
        int year = Year.now().getValue() - 10;
        AssistedAccount child = assisted.create(librarian.id(), lietuva, new NewPerson("Mantas", year, "lt", null));
        assertThat(child.guardianRequired()).isTrue();
        assertThat(accounts.mayKeepPersonalData(child.accountId())).isFalse();

        assertThatThrownBy(() -> consents.record(new NewConsent(child.accountId(), lietuva, ConsentPurpose.PERSONAL_DATA,
                ConsentMethod.PAPER, null, null, null, librarian.id())))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.reason()).isEqualTo("consent.guardian-required"));
        ConsentRecord paper = consents.record(new NewConsent(child.accountId(), lietuva, ConsentPurpose.PERSONAL_DATA,
                ConsentMethod.PAPER, null, "Rasa Mantienė", "+37061111111", librarian.id()));
        assertThat(accounts.mayKeepPersonalData(child.accountId())).isTrue();
        assertThat(consents.list(child.accountId())).singleElement().satisfies(record -> {
            assertThat(record.method()).isEqualTo(ConsentMethod.PAPER);
            assertThat(record.guardianName()).isEqualTo("Rasa Mantienė");
            assertThat(record.recordedBy()).isEqualTo(librarian.id());
        });

        consents.withdraw(child.accountId(), paper.id(), librarian.id());
        assertThat(accounts.mayKeepPersonalData(child.accountId())).isFalse();
    }

    @Test
    void aSpokenConsentNamesItsWitness(@Autowired Consents consents) {
        AssistedAccount adult = assisted.create(librarian.id(), lietuva, new NewPerson("Vytautas", 1955, "lt", null));
        assertThatThrownBy(() -> consents.record(new NewConsent(adult.accountId(), lietuva, ConsentPurpose.PERSONAL_DATA,
                ConsentMethod.SPOKEN_WITH_WITNESS, " ", null, null, librarian.id())))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.reason()).isEqualTo("consent.witness-required"));
        ConsentRecord spoken = consents.record(new NewConsent(adult.accountId(), lietuva, ConsentPurpose.PERSONAL_DATA,
                ConsentMethod.SPOKEN_WITH_WITNESS, "Ieva Librarian", null, null, librarian.id()));
        assertThat(spoken.witnessName()).isEqualTo("Ieva Librarian");
        assertThatThrownBy(() -> consents.withdraw(librarian.id(), spoken.id(), librarian.id()))
                .as("a consent is withdrawn only as one of the person's own").isInstanceOf(RuleViolation.class);
    }

    @Test
    void thePersonClaimsTheAccountOnceWithTheCodeAndSignsInWithTheirPhone() throws Exception {
        String phone = lithuanianMobile();
        AssistedAccount made = assisted.create(librarian.id(), lietuva, new NewPerson("Birutė", 1952, "lt", null));
        String code = made.claimCode().code().toLowerCase().replace("-", " ");

        mvc.perform(claim(code, "", phone, "amber river lantern"))
                .andExpect(redirectedUrl("/account?claimed"))
                .andExpect(authenticated().withUsername((String) null));
        mvc.perform(claim(made.claimCode().code(), "", lithuanianMobile(), "amber river lantern"))
                .andExpect(unauthenticated())
                .andExpect(content().string(containsString("This code is not right, has already been used or has expired.")));

        mvc.perform(post("/sign-in").with(csrf()).with(from).param("username", phone).param("password", "amber river lantern"))
                .andExpect(authenticated());
        assertThat(assisted.find(lietuva, "Birutė", 1952, 5)).filteredOn(match -> match.accountId() == made.accountId())
                .singleElement().extracting(PersonMatch::claimed).isEqualTo(true);
        assertThatThrownBy(() -> assisted.newClaimCode(librarian.id(), lietuva, made.accountId()))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.reason()).isEqualTo("assisted.already-claimed"));
    }

    @Test
    void aTakenEmailAddressLeavesTheCodeUnused() throws Exception {
        CurrentAccount someone = people.create("someone", "en");
        AssistedAccount made = assisted.create(librarian.id(), lietuva, new NewPerson("Ona", 1950, "lt", null));
        mvc.perform(claim(made.claimCode().code(), someone.email(), "", "amber river lantern"))
                .andExpect(unauthenticated())
                .andExpect(content().string(containsString("There is already an account with this e-mail address.")));
        String email = People.newEmail("ona");
        mvc.perform(claim(made.claimCode().code(), email, "", "amber river lantern"))
                .andExpect(redirectedUrl("/account?claimed"));
        assertThat(accounts.byEmail(email)).get().extracting(AccountSummary::id).isEqualTo(made.accountId());
    }

    @Test
    void aNewCodeEndsTheOldOneAndACodeExpires() {
        AssistedAccount made = assisted.create(librarian.id(), lietuva, new NewPerson("Kazys", 1949, "lt", null));
        ClaimCode second = assisted.newClaimCode(librarian.id(), lietuva, made.accountId());
        assertThatThrownBy(() -> assisted.newClaimCode(librarian.id(), ukraina, made.accountId()))
                .as("staff of another site cannot issue codes for the person").isInstanceOf(RuleViolation.class);

        ClaimCodes later = new ClaimCodes(jdbc, Clock.offset(Clock.systemUTC(), ClaimCodes.VALID_FOR.plus(Duration.ofMinutes(1))));
        assertThat(later.use(second.code())).as("expired").isEmpty();
        ClaimCodes now = new ClaimCodes(jdbc, Clock.systemUTC());
        assertThat(now.use(made.claimCode().code())).as("replaced by a new code").isEmpty();
        assertThat(now.use(second.code())).contains(made.accountId());
        assertThat(now.use(second.code())).as("used once").isEmpty();
    }
}
