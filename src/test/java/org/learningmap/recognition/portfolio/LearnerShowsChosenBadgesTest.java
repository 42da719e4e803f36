package org.learningmap.recognition.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.accounts.PersonalDataContributor;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.learningmap.platform.Json;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.AwardPath;
import org.learningmap.recognition.AwardRequest;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.BadgeSource;
import org.learningmap.recognition.Recognition;
import org.learningmap.shared.LocalizedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** A learner decides which badges the world sees; the public page and its JSON show only those. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LearnerShowsChosenBadgesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Recognition recognition;
    @Autowired
    Portfolio portfolio;
    @Autowired
    List<PersonalDataContributor> contributors;

    EditingFixtures fixtures;
    long lietuva;
    long library;
    long learner;
    CurrentAccount me;

    @BeforeEach
    void learnerWithTwoBadges() {
        fixtures = new EditingFixtures(jdbc, passwords);
        lietuva = fixtures.site("lietuva");
        library = fixtures.organisation(lietuva, "Portfolio library", "APPROVED");
        learner = fixtures.account("Portfolio learner");
        me = fixtures.principal(learner);
    }

    Award award(String name) {
        Badge badge = recognition.createBadge(lietuva, library, BadgeSource.CUSTOM, null, LocalizedText.of("en", name),
                LocalizedText.of("en", "For " + name), LocalizedText.of("en", "Did " + name), List.of(), List.of(), null);
        return recognition.award(new AwardRequest(badge.id(), learner, null, null, AwardPath.EDUCATOR, null, null, null, null)).award();
    }

    static String handle() {
        return "t-" + UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    void privateAwardsStayOffThePublicPageAndItsJson() throws Exception {
        Award shown = award("Spreadsheets for work");
        Award hidden = award("Dating apps safely");
        String handle = handle();
        mvc.perform(post("/lietuva/account/badges/portfolio").with(user(me)).with(csrf()).param("handle", handle).param("shown", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/lietuva/account/badges/" + shown.id() + "/visibility").with(user(me)).with(csrf()).param("shown", "true"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/lietuva/portfolios/" + handle).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Spreadsheets for work")))
                .andExpect(content().string(not(containsString("Dating apps safely"))));
        mvc.perform(get("/api/v1/portfolios/" + handle))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.awards.length()").value(1))
                .andExpect(jsonPath("$.awards[0].name").value("Spreadsheets for work"))
                .andExpect(jsonPath("$.awards[0].credentialUrl").value(endsWith("/credentials/" + shown.publicId())))
                .andExpect(jsonPath("$.awards[0].status").value("VALID"));

        mvc.perform(get("/lietuva/account/badges").with(user(me)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Spreadsheets for work")))
                .andExpect(content().string(containsString("Dating apps safely")));
        assertThat(hidden.id()).isNotEqualTo(shown.id());
    }

    @Test
    void thePublicPageIsOffUntilTheLearnerTurnsItOn() throws Exception {
        Award award = award("Online shopping");
        String handle = handle();
        portfolio.configure(learner, lietuva, handle, false);
        portfolio.show(learner, award.id(), true);

        mvc.perform(get("/lietuva/portfolios/" + handle)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/portfolios/" + handle)).andExpect(status().isNotFound());

        portfolio.configure(learner, lietuva, handle, true);
        mvc.perform(get("/api/v1/portfolios/" + handle)).andExpect(status().isOk());
    }

    @Test
    void aHandleBelongsToOnePerson() throws Exception {
        String handle = handle();
        portfolio.configure(learner, lietuva, handle, true);
        long other = fixtures.account("Another learner");

        assertThatThrownBy(() -> portfolio.configure(other, lietuva, handle.toUpperCase(), true)).isInstanceOf(RuleViolation.class)
                .hasMessage("recognition-portfolio.handle.taken");
        assertThatThrownBy(() -> portfolio.configure(other, lietuva, "api", true)).isInstanceOf(RuleViolation.class)
                .hasMessage("recognition-portfolio.handle.taken");
        assertThatThrownBy(() -> portfolio.configure(other, lietuva, "-bad handle-", true)).isInstanceOf(RuleViolation.class)
                .hasMessage("recognition-portfolio.handle.invalid");
        mvc.perform(post("/lietuva/account/badges/portfolio").with(user(fixtures.principal(other))).with(csrf())
                        .param("handle", handle).param("shown", "true").header("Accept-Language", "en"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "That name is taken. Please choose another."));
        assertThat(portfolio.settings(other).handle()).isNull();
        assertThat(portfolio.settings(learner).handle()).isEqualTo(handle);
    }

    @Test
    void noOneChangesOrSeesAnotherPersonsAward() throws Exception {
        Award award = award("Video calls");
        CurrentAccount stranger = fixtures.principal(fixtures.account("Stranger"));

        mvc.perform(post("/lietuva/account/badges/" + award.id() + "/visibility").with(user(stranger)).with(csrf()).param("shown", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/lietuva/account/badges/" + award.id()).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/lietuva/account/badges/" + award.id() + "/evidence").with(user(stranger)).with(csrf()).param("text", "Mine"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/lietuva/account/badges/" + award.id() + "/visibility").param("shown", "true"))
                .andExpect(status().isForbidden());
        assertThat(portfolio.entry(learner, award.id()).orElseThrow().shown()).isFalse();
    }

    @Test
    void anAwardPageOffersDownloadsLinkedInAndEvidence() throws Exception {
        Award award = award("Digital photography");
        mvc.perform(post("/lietuva/account/badges/" + award.id() + "/evidence").with(user(me)).with(csrf())
                        .param("text", "I printed an album").param("url", "javascript:alert(1)").header("Accept-Language", "en"))
                .andExpect(flash().attribute("problem", "The link must be a web address starting with https:// or http://."));
        mvc.perform(post("/lietuva/account/badges/" + award.id() + "/evidence").with(user(me)).with(csrf())
                        .param("text", "I printed an album").param("url", "https://example.org/album"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/lietuva/account/badges/" + award.id()).with(user(me)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/credentials/" + award.publicId() + ".json")))
                .andExpect(content().string(containsString("/credentials/" + award.publicId() + ".jwt")))
                .andExpect(content().string(containsString("/credentials/" + award.publicId() + ".png")))
                .andExpect(content().string(containsString("/credentials/" + award.publicId() + "/certificate.pdf")))
                .andExpect(content().string(containsString("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&amp;name=Digital%20photography&amp;organizationName=Portfolio%20library")))
                .andExpect(content().string(containsString("I printed an album")));
    }

    @Test
    void exportHoldsThePortfolioAndDeletionForgetsIt() {
        Award award = award("Cloud storage");
        String handle = handle();
        portfolio.configure(learner, lietuva, handle, true);
        portfolio.show(learner, award.id(), true);
        long collection = portfolio.createCollection(learner, lietuva, "Work skills");
        portfolio.collect(learner, collection, award.id(), true);
        PersonalDataContributor part = contributors.stream().filter(c -> c.section().equals("portfolio")).findFirst().orElseThrow();

        String exported = Json.write(part.export(learner));
        assertThat(exported).contains(handle, "Work skills", String.valueOf(award.id()));

        part.forget(learner);
        assertThat(portfolio.settings(learner).handle()).isNull();
        assertThat(portfolio.collections(learner)).isEmpty();
        assertThat(portfolio.publicView(handle)).isEmpty();
    }

    @Test
    void aBadgeThatFailsVerificationIsRefusedWithTheReasonsAndNotKept() throws Exception {
        var notABadge = new org.springframework.mock.web.MockMultipartFile("badge", "badge.json", "application/json",
                "{\"hello\": \"world\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/lietuva/account/badges/imported")
                        .file(notABadge).with(user(me)).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "The badge was not added: it could not be verified."))
                .andExpect(flash().attribute("reasons", org.hamcrest.Matchers.hasItem(containsString("not an Open Badge"))));
        assertThat(jdbc.sql("SELECT count(*) FROM portfolio_import WHERE account_id = ?").param(learner).query(Integer.class).single())
                .isZero();

        Award genuine = award("Badge from another platform");
        byte[] credential = mvc.perform(get("/credentials/" + genuine.publicId() + ".json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String tampered = new String(credential, java.nio.charset.StandardCharsets.UTF_8)
                .replace("Badge from another platform", "Badge from another planet")
                .replaceFirst("(\"proofValue\"\\s*:\\s*\"z)(.)(.)", "$1$3$2");
        assertThat(tampered).isNotEqualTo(new String(credential, java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/lietuva/account/badges/imported")
                        .file(new org.springframework.mock.web.MockMultipartFile("badge", "tampered.json", "application/json",
                                tampered.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(user(me)).with(csrf()).header("Accept-Language", "en"))
                .andExpect(flash().attribute("problem", "The badge was not added: it could not be verified."));
        assertThat(jdbc.sql("SELECT count(*) FROM portfolio_import WHERE account_id = ?").param(learner).query(Integer.class).single())
                .isZero();

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/lietuva/account/badges/imported")
                        .file(new org.springframework.mock.web.MockMultipartFile("badge", "genuine.json", "application/json", credential))
                        .with(user(me)).with(csrf()).header("Accept-Language", "en"))
                .andExpect(flash().attribute("done", containsString("verified and added")));
        assertThat(jdbc.sql("SELECT verdict FROM portfolio_import WHERE account_id = ?").param(learner).query(String.class).single())
                .isEqualTo("VALID");
    }

    @Test
    void theDemoPortfolioListsAnAwardOfEveryPathWithItsCredentialUrl() throws Exception {
        String body = mvc.perform(get("/api/v1/portfolios/demo").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.handle").value("demo"))
                .andReturn().getResponse().getContentAsString();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> awards = (List<Map<String, Object>>) Json.read(body, Map.class).get("awards");
        Set<String> paths = awards.stream().map(a -> (String) a.get("path")).collect(Collectors.toSet());
        assertThat(paths).containsAll(java.util.Arrays.stream(AwardPath.values()).map(Enum::name).toList());
        assertThat(awards).allSatisfy(a -> assertThat((String) a.get("credentialUrl")).matches("https?://.+/credentials/[0-9a-f-]{36}"));
        assertThat(awards).extracting(a -> a.get("status")).contains("VALID", "EXPIRED", "REVOKED");

        mvc.perform(get("/portfolios/demo").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lukas Vaitkus")))
                .andExpect(content().string(containsString("Revoked")))
                .andExpect(content().string(containsString("Expired")));
    }
}
