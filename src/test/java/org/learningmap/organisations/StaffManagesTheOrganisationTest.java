package org.learningmap.organisations;

import static org.assertj.core.api.Assertions.assertThat;
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

import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;

class StaffManagesTheOrganisationTest extends OrganisationsWebTest {

    @Test
    void aPersonSeesTheOrganisationsTheyWorkFor() throws Exception {
        CurrentAccount owner = person("Ona", "lt");
        long mine = organisation(lithuania(), "My Library " + owner.id(), "APPROVED", owner);
        long other = organisation(lithuania(), "Not Mine " + owner.id(), "APPROVED", person("Kitas", "lt"));
        mvc.perform(get("/staff").with(user(owner)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/staff/organisations/" + mine)))
                .andExpect(content().string(containsString("My Library " + owner.id())))
                .andExpect(content().string(not(containsString("/staff/organisations/" + other + "\""))));
        mvc.perform(get("/staff").with(user(person("Nobody", "en"))).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("You do not work for any organisation yet.")));
    }

    @Test
    void aPendingOrganisationCanPrepareVenuesAndSaysPublishingWaits() throws Exception {
        CurrentAccount owner = person("Ona", "lt");
        long organisation = organisation(lithuania(), "Waiting Library", "PENDING", owner);
        mvc.perform(get("/staff/organisations/" + organisation).with(user(owner)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("waiting for the coordinator’s approval")))
                .andExpect(content().string(containsString("/staff/organisations/" + organisation + "/venues/new")));
    }

    @Test
    void anEditorEditsTheProfileAndSeesFieldErrors() throws Exception {
        CurrentAccount owner = person("Ona", "lt");
        CurrentAccount editor = person("Eglė", "lt");
        long organisation = organisation(lithuania(), "Profile Library", "APPROVED", owner);
        member(organisation, editor, StaffRole.EDITOR);

        mvc.perform(post("/staff/organisations/" + organisation).with(user(editor)).with(csrf()).header("Accept-Language", "en")
                        .param("kind", "LIBRARY").param("name[en]", "").param("email", "desk@example.org"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please enter the name in at least one language.")));
        mvc.perform(post("/staff/organisations/" + organisation).with(user(editor)).with(csrf())
                        .param("kind", "NGO").param("name[en]", "Renamed Library").param("name[lt]", "Pervadinta biblioteka")
                        .param("email", "new@example.org").param("website", "https://library.example.org"))
                .andExpect(redirectedUrl("/staff/organisations/" + organisation + "?saved"));
        var saved = jdbc.sql("SELECT kind || '|' || (name ->> 'lt') || '|' || email || '|' || website FROM organisation WHERE id = ?")
                .param(organisation).query(String.class).single();
        assertThat(saved).isEqualTo("NGO|Pervadinta biblioteka|new@example.org|https://library.example.org");
    }

    @Test
    void anEducatorSeesTheOrganisationButCannotEditTheProfileOrStaff() throws Exception {
        CurrentAccount owner = person("Ona", "lt");
        CurrentAccount educator = person("Edvardas", "lt");
        long organisation = organisation(lithuania(), "Educator Library", "APPROVED", owner);
        member(organisation, educator, StaffRole.EDUCATOR);

        mvc.perform(get("/staff/organisations/" + organisation).with(user(educator)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Save the profile"))))
                .andExpect(content().string(not(containsString("Add to staff"))));
        mvc.perform(post("/staff/organisations/" + organisation).with(user(educator)).with(csrf())
                        .param("kind", "NGO").param("name[en]", "Taken Over").param("email", "x@example.org"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/organisations/" + organisation + "/venues/new").with(user(educator)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT name ->> 'en' FROM organisation WHERE id = ?").param(organisation).query(String.class).single())
                .isEqualTo("Educator Library");
    }

    @Test
    void anEditorCannotManageStaff() throws Exception {
        CurrentAccount owner = person("Ona", "lt");
        CurrentAccount editor = person("Eglė", "lt");
        CurrentAccount newcomer = person("Naujokas", "lt");
        long organisation = organisation(lithuania(), "Editor Library", "APPROVED", owner);
        member(organisation, editor, StaffRole.EDITOR);

        mvc.perform(post("/staff/organisations/" + organisation + "/staff").param("email", newcomer.email()).param("role", "OWNER")
                .with(user(editor)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/staff/organisations/" + organisation + "/staff/" + editor.id() + "/role").param("role", "OWNER")
                .with(user(editor)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/staff/organisations/" + organisation + "/staff/" + owner.id() + "/removal")
                .with(user(editor)).with(csrf())).andExpect(status().isForbidden());
        assertThat(roleOf(organisation, newcomer)).isNull();
        assertThat(roleOf(organisation, editor)).isEqualTo("EDITOR");
        assertThat(roleOf(organisation, owner)).isEqualTo("OWNER");
    }

    @Test
    void theOwnerAddsStaffByEmailChangesTheirRoleAndRemovesThem() throws Exception {
        CurrentAccount owner = person("Ona", "lt");
        CurrentAccount colleague = person("Kolegė Jurgita", "lt");
        long organisation = organisation(lithuania(), "Team Library", "APPROVED", owner);

        mvc.perform(post("/staff/organisations/" + organisation + "/staff").param("email", "nobody-here@example.org")
                        .param("role", "EDITOR").with(user(owner)).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nobody has an account with nobody-here@example.org.")));
        mvc.perform(post("/staff/organisations/" + organisation + "/staff").param("email", colleague.email().toUpperCase())
                        .param("role", "EDITOR").with(user(owner)).with(csrf()))
                .andExpect(redirectedUrl("/staff/organisations/" + organisation + "?staffAdded"));
        assertThat(roleOf(organisation, colleague)).isEqualTo("EDITOR");
        mvc.perform(post("/staff/organisations/" + organisation + "/staff").param("email", colleague.email())
                        .param("role", "OWNER").with(user(owner)).with(csrf()).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Kolegė Jurgita already works for this organisation.")));

        mvc.perform(get("/staff/organisations/" + organisation).with(user(owner)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Kolegė Jurgita")))
                .andExpect(content().string(containsString(colleague.email())));

        mvc.perform(post("/staff/organisations/" + organisation + "/staff/" + colleague.id() + "/role").param("role", "EDUCATOR")
                        .with(user(owner)).with(csrf()))
                .andExpect(redirectedUrl("/staff/organisations/" + organisation))
                .andExpect(flash().attribute("done", "staff.role-changed"));
        assertThat(roleOf(organisation, colleague)).isEqualTo("EDUCATOR");

        mvc.perform(post("/staff/organisations/" + organisation + "/staff/" + colleague.id() + "/removal").with(user(owner)).with(csrf()))
                .andExpect(flash().attribute("done", "staff.removed"));
        assertThat(roleOf(organisation, colleague)).isNull();
        mvc.perform(get("/staff/organisations/" + organisation).with(user(colleague))).andExpect(status().isForbidden());
    }

    @Test
    void theLastOwnerCanBeNeitherRemovedNorDemoted() throws Exception {
        CurrentAccount owner = person("Ona", "lt");
        long organisation = organisation(lithuania(), "Lonely Library", "APPROVED", owner);

        mvc.perform(post("/staff/organisations/" + organisation + "/staff/" + owner.id() + "/removal").with(user(owner)).with(csrf()))
                .andExpect(redirectedUrl("/staff/organisations/" + organisation))
                .andExpect(flash().attribute("problem", "organisation.last-owner"));
        mvc.perform(post("/staff/organisations/" + organisation + "/staff/" + owner.id() + "/role").param("role", "EDITOR")
                        .with(user(owner)).with(csrf()))
                .andExpect(flash().attribute("problem", "organisation.last-owner"));
        assertThat(roleOf(organisation, owner)).isEqualTo("OWNER");
        mvc.perform(get("/staff/organisations/" + organisation).flashAttr("problem", "organisation.last-owner")
                        .with(user(owner)).header("Accept-Language", "lt"))
                .andExpect(content().string(containsString("Organizacija visada turi turėti savininką.")));
    }

    @Test
    void withASecondOwnerTheFirstMayStepDown() throws Exception {
        CurrentAccount owner = person("Ona", "lt");
        CurrentAccount second = person("Antra", "lt");
        long organisation = organisation(lithuania(), "Shared Library", "APPROVED", owner);
        member(organisation, second, StaffRole.OWNER);

        mvc.perform(post("/staff/organisations/" + organisation + "/staff/" + owner.id() + "/role").param("role", "EDITOR")
                        .with(user(owner)).with(csrf()))
                .andExpect(flash().attribute("done", "staff.role-changed"));
        assertThat(roleOf(organisation, owner)).isEqualTo("EDITOR");
        mvc.perform(post("/staff/organisations/" + organisation + "/staff/" + owner.id() + "/removal").with(user(second)).with(csrf()))
                .andExpect(flash().attribute("done", "staff.removed"));
        mvc.perform(post("/staff/organisations/" + organisation + "/staff/" + second.id() + "/removal").with(user(second)).with(csrf()))
                .andExpect(flash().attribute("problem", "organisation.last-owner"));
        assertThat(roleOf(organisation, second)).isEqualTo("OWNER");
    }

    @Test
    void anOwnerWhoLeavesGoesBackToTheirList() throws Exception {
        CurrentAccount owner = person("Ona", "lt");
        CurrentAccount second = person("Antra", "lt");
        long organisation = organisation(lithuania(), "Leaving Library", "APPROVED", owner);
        member(organisation, second, StaffRole.OWNER);
        mvc.perform(post("/staff/organisations/" + organisation + "/staff/" + owner.id() + "/removal").with(user(owner)).with(csrf()))
                .andExpect(redirectedUrl("/staff"));
    }
}
