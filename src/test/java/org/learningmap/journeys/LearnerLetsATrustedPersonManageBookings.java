package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.Accounts;
import org.learningmap.accounts.Delegations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

class LearnerLetsATrustedPersonManageBookings extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Accounts accounts;
    @Autowired
    Delegations delegations;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void aLearnerLetsTheirSocialWorkerHelpSeesWhatWasDoneAndStopsIt() {
        String learner = SignIn.newAccount(jdbc, passwords, "Petro Bondarenko", "en");
        String worker = SignIn.newAccount(jdbc, passwords, "Iryna the social worker", "en");
        long learnerId = accounts.byEmail(learner).orElseThrow().id();
        long workerId = accounts.byEmail(worker).orElseThrow().id();

        phone();
        SignIn.as(page, base(), learner, SignIn.PASSWORD);
        open("/account?lang=en");
        page.getByRole(AriaRole.LINK, named("People I trust")).click();
        assertThat(page.locator("h1")).hasText("People I trust");
        assertAccessible();
        assertFitsNarrowScreen();

        page.getByLabel("Their e-mail address or phone number").fill("nobody-" + learnerId + "@example.net");
        page.getByRole(AriaRole.BUTTON, named("Let them help me")).click();
        assertThat(page.locator("#contact-error")).containsText("We could not find an account");
        assertAccessible();

        page.getByLabel("Their e-mail address or phone number").fill(worker);
        page.getByRole(AriaRole.BUTTON, named("Let them help me")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("this person can now help you");
        assertThat(page.locator(".trusted-list")).containsText("Iryna the social worker");
        assertThat(page.locator(".trusted-list")).containsText("can help until");

        // The social worker sees whom she helps, and signs Petro up for a session (as the enrolment module would log it).
        phone();
        SignIn.as(page, base(), worker, SignIn.PASSWORD);
        open("/account/people-i-help?lang=en");
        assertThat(page.locator("main")).containsText("Petro Bondarenko");
        assertAccessible();
        assertFitsNarrowScreen();
        delegations.record(workerId, learnerId, "enrolment.enrolled", "Smartphone basics, Tuesday 10:00");

        phone();
        SignIn.as(page, base(), learner, SignIn.PASSWORD);
        open("/account/trusted-people?lang=en");
        assertThat(page.locator(".trusted-log")).containsText("Smartphone basics, Tuesday 10:00");
        assertThat(page.locator(".trusted-log")).containsText("Iryna the social worker");
        page.getByRole(AriaRole.BUTTON, named("Stop Iryna the social worker helping me")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("this person can no longer help you");
        assertThat(page.locator(".trusted-list")).containsText("stopped");
        assertThat(page.locator(".trusted-log")).containsText("stopped this person helping");
        assertAccessible();
        assertFitsNarrowScreen();
        org.assertj.core.api.Assertions.assertThat(delegations.mayActFor(workerId, learnerId)).isFalse();
    }
}
