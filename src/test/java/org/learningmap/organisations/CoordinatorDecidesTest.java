package org.learningmap.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.platform.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;

class CoordinatorDecidesTest extends OrganisationsWebTest {

    @Autowired
    Applications applications;

    @Test
    void someoneWhoDoesNotCoordinateTheSiteCannotSeeOrDecideTheQueue() throws Exception {
        CurrentAccount owner = person("Ona", "lt");
        long organisation = organisation(lithuania(), "Reading Room", "PENDING", owner);
        CurrentAccount stranger = person("Petras", "lt");
        CurrentAccount ukrainianCoordinator = coordinatorOf(ukraine(), "Оксана");

        mvc.perform(get("/coordinator/organisations").with(user(stranger))).andExpect(status().isForbidden());
        mvc.perform(get("/coordinator/organisations").with(user(ukrainianCoordinator))).andExpect(status().isForbidden());
        mvc.perform(post("/coordinator/organisations/" + organisation + "/approval").with(user(owner)).with(csrf()))
                .andExpect(status().isForbidden());
        // Coordinating another site does not reach this site's organisations, whichever address is used.
        mvc.perform(post("/ukraina/coordinator/organisations/" + organisation + "/approval").with(user(ukrainianCoordinator)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/ukraina/coordinator/organisations/" + organisation + "/rejection").param("reason", "No.")
                        .with(user(ukrainianCoordinator)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(statusOf(organisation)).isEqualTo("PENDING");
    }

    @Test
    void theQueueListsPendingApplicationsOfTheSite() throws Exception {
        CurrentAccount owner = person("Rūta Applicant", "lt");
        long pending = organisation(lithuania(), "Queue Library " + owner.id(), "PENDING", owner);
        long elsewhere = organisation(ukraine(), "Elsewhere Library " + owner.id(), "PENDING", owner);
        mvc.perform(get("/coordinator/organisations").with(user(coordinatorOf(lithuania(), "Rasa"))).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Queue Library " + owner.id())))
                .andExpect(content().string(containsString("Rūta Applicant")))
                .andExpect(content().string(containsString("/coordinator/organisations/" + pending + "/approval")))
                .andExpect(content().string(not(containsString("Elsewhere Library " + owner.id()))));
        assertThat(elsewhere).isPositive();
    }

    @Test
    void approvingRecordsTheDecisionPublishesTheOrganisationAndTellsTheOwnerInTheirLanguage() throws Exception {
        CurrentAccount owner = person("Ona Owner", "lt");
        long organisation = organisation(lithuania(), "Approved Library " + owner.id(), "PENDING", owner);
        CurrentAccount coordinator = coordinatorOf(lithuania(), "Rasa");
        mvc.perform(get("/organisations/" + organisation)).andExpect(status().isNotFound());

        mvc.perform(post("/coordinator/organisations/" + organisation + "/approval").param("verified", "true")
                        .with(user(coordinator)).with(csrf()))
                .andExpect(redirectedUrl("/coordinator/organisations"))
                .andExpect(flash().attribute("done", "coordinator.approved"));

        var decision = jdbc.sql("SELECT status, verified, decided_by, decided_at IS NOT NULL AS dated FROM organisation WHERE id = ?")
                .param(organisation)
                .query((rs, n) -> List.of(rs.getString(1), rs.getBoolean(2), rs.getLong(3), rs.getBoolean(4))).single();
        assertThat(decision).containsExactly("APPROVED", true, coordinator.id(), true);
        var mail = jdbc.sql("SELECT subject, body FROM outbox_email WHERE recipient = ?").param(owner.email())
                .query((rs, n) -> rs.getString(1) + "\n" + rs.getString(2)).single();
        assertThat(mail).contains("„Approved Library " + owner.id() + "“ jau gali skelbti").contains("Sveiki, Ona Owner")
                .contains("/lietuva/staff/organisations/" + organisation);
        mvc.perform(get("/organisations/" + organisation).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Approved Library " + owner.id())))
                .andExpect(content().string(containsString("Verified")));
    }

    @Test
    void rejectingNeedsAReasonWhichTheOwnerReceives() throws Exception {
        CurrentAccount owner = person("Олена Власниця", "uk");
        long organisation = organisation(ukraine(), "Rejected Club " + owner.id(), "PENDING", owner);
        CurrentAccount coordinator = coordinatorOf(ukraine(), "Оксана");

        mvc.perform(post("/ukraina/coordinator/organisations/" + organisation + "/rejection").param("reason", "  ")
                        .with(user(coordinator)).with(csrf()).header("Accept-Language", "uk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Напишіть причину, щоб заявник знав, що робити далі.")));
        assertThat(statusOf(organisation)).isEqualTo("PENDING");

        mvc.perform(post("/ukraina/coordinator/organisations/" + organisation + "/rejection")
                        .param("reason", "Please add a description of your classes.").with(user(coordinator)).with(csrf()))
                .andExpect(redirectedUrl("/ukraina/coordinator/organisations"))
                .andExpect(flash().attribute("done", "coordinator.rejected"));
        assertThat(statusOf(organisation)).isEqualTo("REJECTED");
        assertThat(jdbc.sql("SELECT decision_reason FROM organisation WHERE id = ?").param(organisation).query(String.class).single())
                .isEqualTo("Please add a description of your classes.");
        var mail = jdbc.sql("SELECT subject || ' ' || body FROM outbox_email WHERE recipient = ?").param(owner.email())
                .query(String.class).single();
        assertThat(mail).contains("не схвалено").contains("Please add a description of your classes.");
        mvc.perform(get("/ukraina/organisations/" + organisation)).andExpect(status().isNotFound());
    }

    @Test
    void aDecidedApplicationCannotBeDecidedAgain() throws Exception {
        CurrentAccount owner = person("Ona", "lt");
        long organisation = organisation(lithuania(), "Decided Once", "PENDING", owner);
        CurrentAccount coordinator = coordinatorOf(lithuania(), "Rasa");
        mvc.perform(post("/coordinator/organisations/" + organisation + "/rejection").param("reason", "Duplicate of another application.")
                .with(user(coordinator)).with(csrf())).andExpect(status().is3xxRedirection());

        mvc.perform(post("/coordinator/organisations/" + organisation + "/approval").with(user(coordinator)).with(csrf()))
                .andExpect(redirectedUrl("/coordinator/organisations"))
                .andExpect(flash().attribute("problem", "organisation.already-decided"));
        mvc.perform(post("/coordinator/organisations/" + organisation + "/rejection").param("reason", "Again")
                        .with(user(coordinator)).with(csrf()))
                .andExpect(flash().attribute("problem", "organisation.already-decided"));
        assertThat(statusOf(organisation)).isEqualTo("REJECTED");
        assertThat(jdbc.sql("SELECT decision_reason FROM organisation WHERE id = ?").param(organisation).query(String.class).single())
                .isEqualTo("Duplicate of another application.");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_email WHERE recipient = ?").param(owner.email()).query(Long.class).single())
                .isEqualTo(1L);

        assertThatThrownBy(() -> applications.approve(organisation, coordinator, false))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.reason()).isEqualTo("organisation.already-decided"));
    }

    @Test
    void theQueueShowsTheRuleInThePersonsLanguage() throws Exception {
        CurrentAccount coordinator = coordinatorOf(lithuania(), "Rasa");
        mvc.perform(get("/coordinator/organisations").flashAttr("problem", "organisation.already-decided")
                        .with(user(coordinator)).header("Accept-Language", "lt"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dėl šios paraiškos jau nuspręsta; niekas nepakeista.")));
    }
}
