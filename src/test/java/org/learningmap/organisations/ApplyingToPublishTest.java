package org.learningmap.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;

class ApplyingToPublishTest extends OrganisationsWebTest {

    @Test
    void aVisitorWhoIsNotSignedInIsAskedToSignInFirst() throws Exception {
        mvc.perform(get("/organisations/apply")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/sign-in"));
    }

    @Test
    void theFormOffersTheSiteLanguagesAndKinds() throws Exception {
        mvc.perform(get("/organisations/apply").with(user(person("Ona Petraitienė", "lt"))).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"name[lt]\"")))
                .andExpect(content().string(containsString("name=\"name[uk]\"")))
                .andExpect(content().string(containsString("Youth centre")));
        mvc.perform(get("/ukraina/organisations/apply").with(user(person("Олена Бондар", "uk"))).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("name=\"name[lt]\""))));
    }

    @Test
    void anEmptyApplicationIsRefusedWithTranslatedFieldErrors() throws Exception {
        CurrentAccount applicant = person("Ona Petraitienė", "lt");
        mvc.perform(post("/organisations/apply").with(user(applicant)).with(csrf()).header("Accept-Language", "lt")
                        .param("kind", "").param("name[lt]", " ").param("email", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Įveskite pavadinimą bent viena kalba.")))
                .andExpect(content().string(containsString("Pasirinkite vieną iš galimybių.")))
                .andExpect(content().string(containsString("Užpildykite šį lauką.")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        assertThat(organisationsOwnedBy(applicant)).isZero();
    }

    @Test
    void aWrongEmailWebsitePhoneOrKindIsNamed() throws Exception {
        CurrentAccount applicant = person("Jonas Jonaitis", "en");
        mvc.perform(post("/organisations/apply").with(user(applicant)).with(csrf()).header("Accept-Language", "en")
                        .param("kind", "CASTLE").param("name[en]", "Reading Club").param("email", "not-an-address")
                        .param("website", "ftp://files.example.org").param("phone", "call me"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please choose one of the options.")))
                .andExpect(content().string(containsString("Please enter an e-mail address like name@example.com.")))
                .andExpect(content().string(containsString("Please enter a web address starting with https://")))
                .andExpect(content().string(containsString("Please enter a phone number")))
                .andExpect(content().string(containsString("value=\"Reading Club\"")));
        assertThat(organisationsOwnedBy(applicant)).isZero();
    }

    @Test
    void aNameInALanguageTheSiteDoesNotSpeakIsRefused() throws Exception {
        CurrentAccount applicant = person("Олена Бондар", "uk");
        mvc.perform(post("/ukraina/organisations/apply").with(user(applicant)).with(csrf()).header("Accept-Language", "en")
                        .param("kind", "NGO").param("name[lt]", "Skaitymo klubas").param("email", "club@example.org"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please write in the site’s languages: uk, en.")));
        assertThat(organisationsOwnedBy(applicant)).isZero();
    }

    @Test
    void anApplicationCreatesAPendingOrganisationOwnedByTheApplicantWithItsOwnAddress() throws Exception {
        CurrentAccount first = person("Rūta Kazlauskienė", "lt");
        CurrentAccount second = person("Tomas Kazlauskas", "lt");
        String name = "Šiaulių apskrities biblioteka " + first.id();
        mvc.perform(post("/organisations/apply").with(user(first)).with(csrf())
                        .param("kind", "LIBRARY").param("name[lt]", name).param("name[en]", "")
                        .param("description[lt]", "Knygos ir kursai visiems.").param("email", "info@biblioteka.lt")
                        .param("phone", "+370 41 123 456").param("website", "https://biblioteka.lt"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/staff/organisations/*?applied"));
        mvc.perform(post("/organisations/apply").with(user(second)).with(csrf())
                        .param("kind", "LIBRARY").param("name[lt]", name).param("email", "kitas@biblioteka.lt"))
                .andExpect(status().is3xxRedirection());

        var created = jdbc.sql("""
                        SELECT o.id, o.slug, o.status, o.site_id, o.name ->> 'lt' AS name, o.phone, m.role
                        FROM organisation o JOIN membership m ON m.organisation_id = o.id
                        WHERE m.account_id IN (?, ?) ORDER BY o.id
                        """)
                .params(first.id(), second.id())
                .query((rs, n) -> new Object[] {rs.getString("slug"), rs.getString("status"), rs.getLong("site_id"),
                        rs.getString("name"), rs.getString("phone"), rs.getString("role")})
                .list();
        assertThat(created).hasSize(2);
        String slug = "siauliu-apskrities-biblioteka-" + first.id();
        assertThat(created.get(0)).containsExactly(slug, "PENDING", lithuania(), name, "+370 41 123 456", "OWNER");
        assertThat(created.get(1)[0]).isEqualTo(slug + "-2");
    }

    @Test
    void theApplicantIsTakenToTheirNewOrganisationWhichWaitsForApproval() throws Exception {
        CurrentAccount applicant = person("Олена Бондар", "uk");
        var result = mvc.perform(post("/ukraina/organisations/apply").with(user(applicant)).with(csrf())
                        .param("kind", "YOUTH_CENTRE").param("name[uk]", "Молодіжний простір Житомир").param("email", "hello@prostir.org.ua"))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = jdbc.sql("SELECT organisation_id FROM membership WHERE account_id = ?").param(applicant.id()).query(Long.class).single();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/ukraina/staff/organisations/" + id + "?applied");
        assertThat(jdbc.sql("SELECT slug FROM organisation WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("molodizhnyi-prostir-zhytomyr");
        mvc.perform(get("/ukraina/staff/organisations/" + id).param("applied", "").with(user(applicant)).header("Accept-Language", "uk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Вашу заявку надіслано.")))
                .andExpect(content().string(containsString("Організація очікує схвалення координатора.")));
    }

    private long organisationsOwnedBy(CurrentAccount account) {
        return jdbc.sql("SELECT count(*) FROM membership WHERE account_id = ?").param(account.id()).query(Long.class).single();
    }
}
