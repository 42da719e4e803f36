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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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

/** A learner lets a trusted person manage bookings: until a date, revocable, every action logged. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DelegationsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Delegations delegations;
    @Autowired
    Sites sites;

    long lietuva;
    CurrentAccount learner;
    CurrentAccount helper;
    CurrentAccount stranger;

    @BeforeEach
    void setUp() {
        People people = new People(jdbc, passwords);
        lietuva = sites.bySlug("lietuva").orElseThrow().id();
        learner = people.create("learner", "en");
        helper = people.create("helper", "en");
        stranger = people.create("stranger", "en");
    }

    @Test
    void aGrantWorksUntilItsDateAndEveryActionIsLogged() {
        Instant until = Instant.now().plus(Duration.ofDays(10));
        delegations.grant(learner.id(), lietuva, helper.email().toUpperCase(), null, until);

        assertThat(delegations.mayActFor(helper.id(), learner.id())).isTrue();
        assertThat(delegations.mayActFor(learner.id(), helper.id())).as("trust goes one way").isFalse();
        assertThat(delegations.mayActFor(stranger.id(), learner.id())).isFalse();
        delegations.record(helper.id(), learner.id(), "enrolment.enrolled", "Computer basics, 12 May");
        assertThatThrownBy(() -> delegations.record(stranger.id(), learner.id(), "enrolment.enrolled", "x"))
                .isInstanceOf(RuleViolation.class);
        assertThat(delegations.log(learner.id())).extracting(Delegations.LogEntry::action)
                .containsExactly("enrolment.enrolled", "trusted.log.granted");

        Delegations later = new Delegations(jdbc, Clock.offset(Clock.systemUTC(), Duration.ofDays(11)));
        assertThat(later.mayActFor(helper.id(), learner.id())).as("expired").isFalse();
        assertThatThrownBy(() -> later.record(helper.id(), learner.id(), "enrolment.cancelled", "x")).isInstanceOf(RuleViolation.class);
    }

    @Test
    void aRevokedGrantStopsAtOnce() {
        Delegations.Grant grant = delegations.grant(learner.id(), lietuva, helper.email(), null, Instant.now().plus(Duration.ofDays(100)));
        assertThatThrownBy(() -> delegations.revoke(stranger.id(), grant.id()))
                .as("only the learner ends their grant").isInstanceOf(RuleViolation.class);
        assertThat(delegations.mayActFor(helper.id(), learner.id())).isTrue();
        delegations.revoke(learner.id(), grant.id());
        assertThat(delegations.mayActFor(helper.id(), learner.id())).isFalse();
        assertThat(delegations.log(learner.id())).extracting(Delegations.LogEntry::action).first().isEqualTo("trusted.log.revoked");
    }

    @Test
    void aGrantLastsAtMostAYearAndNeedsAnotherExistingAccount() {
        assertThatThrownBy(() -> delegations.grant(learner.id(), lietuva, helper.email(), null, Instant.now().plus(Duration.ofDays(400))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.reason()).isEqualTo("trusted.until-invalid"));
        assertThatThrownBy(() -> delegations.grant(learner.id(), lietuva, "nobody-" + learner.id() + "@example.net", null,
                Instant.now().plus(Duration.ofDays(4))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.reason()).isEqualTo("trusted.not-found"));
        assertThatThrownBy(() -> delegations.grant(learner.id(), lietuva, learner.email(), null, Instant.now().plus(Duration.ofDays(4))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.reason()).isEqualTo("trusted.self"));
    }

    @Test
    void theLearnerGrantsAndRevokesOnTheirPageAndTheHelperSeesWhoTheyHelp() throws Exception {
        String until = LocalDate.now().plusMonths(2).toString();
        mvc.perform(post("/account/trusted-people").with(user(learner)).with(csrf()).param("contact", helper.email()).param("until", until))
                .andExpect(redirectedUrl("/account/trusted-people?granted"));
        mvc.perform(get("/account/trusted-people").with(user(learner)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Test helper")))
                .andExpect(content().string(containsString("can help until")))
                .andExpect(content().string(containsString("let this person help")));
        mvc.perform(get("/account/people-i-help").with(user(helper)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Test learner")));
        mvc.perform(get("/account/people-i-help").with(user(stranger)).header("Accept-Language", "en"))
                .andExpect(content().string(not(containsString("Test learner"))));
        mvc.perform(get("/account/trusted-people").with(user(stranger)).header("Accept-Language", "en"))
                .andExpect(content().string(not(containsString("Test helper"))));

        long grantId = delegations.grantsBy(learner.id()).getFirst().id();
        mvc.perform(post("/account/trusted-people/" + grantId + "/revoke").with(user(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(delegations.mayActFor(helper.id(), learner.id())).isTrue();
        mvc.perform(post("/account/trusted-people/" + grantId + "/revoke").with(user(learner)).with(csrf()))
                .andExpect(redirectedUrl("/account/trusted-people?revoked"));
        assertThat(delegations.mayActFor(helper.id(), learner.id())).isFalse();

        mvc.perform(post("/account/trusted-people").with(user(learner)).with(csrf()).header("Accept-Language", "en")
                        .param("contact", helper.email()).param("until", LocalDate.now().plusYears(2).toString()))
                .andExpect(content().string(containsString("Please choose a date from today to at most one year ahead.")));
    }
}
