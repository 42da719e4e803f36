package org.learningmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** A person's export holds their data and nobody else's; deleting the account leaves nothing that names them. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@RecordApplicationEvents
class MyDataTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Consents consents;
    @Autowired
    Delegations delegations;
    @Autowired
    Profiles profiles;
    @Autowired
    Sites sites;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    ApplicationEvents events;

    People people;
    long lietuva;
    CurrentAccount ona;
    CurrentAccount jonas;

    @BeforeEach
    void setUp() {
        people = new People(jdbc, passwords);
        lietuva = sites.bySlug("lietuva").orElseThrow().id();
        ona = people.create("ona", "en");
        jonas = people.create("jonas", "en");
        jdbc.sql("UPDATE account SET display_name = 'Ona Onaitė', year_of_birth = 1961 WHERE id = ?").param(ona.id()).update();
        jdbc.sql("UPDATE account SET display_name = 'Jonas Jonaitis', year_of_birth = 1950 WHERE id = ?").param(jonas.id()).update();
        consents.record(new NewConsent(ona.id(), lietuva, ConsentPurpose.PHOTOS, ConsentMethod.SPOKEN_WITH_WITNESS,
                "Witness Ieva", null, null, jonas.id()));
        consents.record(new NewConsent(jonas.id(), lietuva, ConsentPurpose.REMINDERS, ConsentMethod.PAPER, null, null, null, jonas.id()));
        delegations.grant(ona.id(), lietuva, jonas.email(), null, Clock.systemUTC().instant().plus(Duration.ofDays(30)));
        delegations.record(jonas.id(), ona.id(), "enrolment.enrolled", "Computer basics");
    }

    @Test
    void theExportHoldsThePersonsDataAndNobodyElses() throws Exception {
        String json = mvc.perform(get("/account/privacy/export.json").with(user(ona)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsString();
        assertThat(json).contains("Ona Onaitė", ona.email(), "1961", "Witness Ieva", "SPOKEN_WITH_WITNESS", "Computer basics")
                .contains("Jonas Jonaitis") // the person she trusts, by name only
                .doesNotContain(jonas.email(), "\"yearOfBirth\" : 1950", "REMINDERS");

        mvc.perform(get("/account/privacy/export").with(user(ona)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Everything we keep about you")))
                .andExpect(content().string(containsString("Said aloud, with a witness")))
                .andExpect(content().string(containsString("Ona Onaitė")))
                .andExpect(content().string(not(containsString(jonas.email()))));
    }

    @Test
    void aLearnerSeesAndWithdrawsOnlyTheirOwnConsents() throws Exception {
        long jonasConsent = consents.list(jonas.id()).getFirst().id();
        long onaConsent = consents.list(ona.id()).getFirst().id();
        mvc.perform(get("/account/privacy").with(user(ona)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Photos at activities")))
                .andExpect(content().string(containsString("witness: Witness Ieva")))
                .andExpect(content().string(not(containsString("Reminders and news"))));
        mvc.perform(post("/account/consents/" + jonasConsent + "/withdraw").with(user(ona)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(consents.list(jonas.id()).getFirst().active()).isTrue();
        mvc.perform(post("/account/consents/" + onaConsent + "/withdraw").with(user(ona)).with(csrf()))
                .andExpect(redirectedUrl("/account/privacy?withdrawn"));
        assertThat(consents.list(ona.id()).getFirst().active()).isFalse();
    }

    @Test
    void everyContributingModuleIsAskedToExportAndToForget() {
        List<String> calls = new ArrayList<>();
        PersonalDataContributor enrolments = new PersonalDataContributor() {
            @Override
            public String section() {
                return "enrolments";
            }

            @Override
            public Object export(long accountId) {
                calls.add("export " + accountId);
                return List.of(Map.of("activity", "Robotics for beginners"));
            }

            @Override
            public void forget(long accountId) {
                calls.add("forget " + accountId);
            }
        };
        MyData myData = new MyData(jdbc, profiles, consents, List.of(enrolments), passwords, publisher, Clock.systemUTC());
        assertThat(myData.export(ona.id())).containsKey("enrolments");
        myData.delete(ona.id(), People.PASSWORD, "DELETE");
        assertThat(calls).containsExactly("export " + ona.id(), "forget " + ona.id());
    }

    @Test
    void deletingTheAccountNeedsThePasswordAndLeavesNothingThatNamesThePerson() throws Exception {
        mvc.perform(post("/account/delete").with(user(ona)).with(csrf()).header("Accept-Language", "en").param("confirmation", "not it"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This is not right, so nothing was deleted.")));
        assertThat(count("SELECT count(*) FROM account WHERE id = ?", ona.id())).isEqualTo(1);

        mvc.perform(post("/account/delete").with(user(ona)).with(csrf()).param("confirmation", People.PASSWORD))
                .andExpect(redirectedUrl("/account-deleted"));

        assertThat(count("SELECT count(*) FROM account WHERE id = ?", ona.id())).isZero();
        assertThat(count("SELECT count(*) FROM consent_record WHERE account_id = ?", ona.id())).isZero();
        assertThat(count("SELECT count(*) FROM delegation WHERE person_id = ? OR trusted_id = ?", ona.id(), ona.id())).isZero();
        assertThat(count("SELECT count(*) FROM delegation_log WHERE person_id = ? OR actor_id = ?", ona.id(), ona.id())).isZero();
        assertThat(count("SELECT count(*) FROM account WHERE display_name = 'Ona Onaitė' OR email = ?", ona.email())).isZero();
        assertThat(events.stream(AccountDeleted.class)).extracting(AccountDeleted::accountId).containsExactly(ona.id());
        // Jonas keeps his own account and consents.
        assertThat(count("SELECT count(*) FROM consent_record WHERE account_id = ?", jonas.id())).isEqualTo(1);
    }

    @Test
    void whenAHelperDeletesTheirAccountTheLogNoLongerNamesThem() {
        MyData myData = new MyData(jdbc, profiles, consents, List.of(), passwords, publisher, Clock.systemUTC());
        myData.delete(jonas.id(), People.PASSWORD, "DELETE");
        assertThat(delegations.log(ona.id())).isNotEmpty().allSatisfy(entry -> assertThat(entry.actorName()).isNotEqualTo("Jonas Jonaitis"));
    }

    @Test
    void anAccountWithoutAPasswordIsDeletedWithTheTypedWord() {
        jdbc.sql("UPDATE account SET password_hash = NULL WHERE id = ?").param(ona.id()).update();
        MyData myData = new MyData(jdbc, profiles, consents, List.of(), passwords, publisher, Clock.systemUTC());
        assertThatThrownBy(() -> myData.delete(ona.id(), "", "DELETE")).isInstanceOf(RuleViolation.class);
        myData.delete(ona.id(), "delete", "DELETE");
        assertThat(count("SELECT count(*) FROM account WHERE id = ?", ona.id())).isZero();
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
