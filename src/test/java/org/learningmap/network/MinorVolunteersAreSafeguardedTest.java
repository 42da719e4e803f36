package org.learningmap.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A volunteer under 18 needs a guardian's consent, and by the site's rule (on unless the site turns
 * it off) never gives 1:1 help without an adult volunteer or a staff member present.
 */
class MinorVolunteersAreSafeguardedTest extends VolunteerTestBase {

    @Test
    void aMinorWithoutAGuardiansConsentCannotVolunteer() {
        long matas = minor("Matas No Consent", false);
        refusedWith(() -> volunteers.offer(matas, orgA, List.of("E_SCOUT"), List.of("lt"), List.of(), List.of(venueA), List.of()),
                "network.safeguarding.guardian-consent");
        assertThat(volunteers.volunteeringOf(matas, lietuva)).isEmpty();
    }

    @Test
    void consentWithdrawnAfterTheOfferStopsTheApproval() {
        long matas = minor("Matas Withdrawn", true);
        var offer = volunteers.offer(matas, orgA, List.of("E_SCOUT"), List.of("lt"), List.of(), List.of(venueA), List.of());
        assertThat(offer.minor()).isTrue();
        jdbc.sql("UPDATE consent_record SET withdrawn_at = now() WHERE account_id = ?").param(matas).update();
        refusedWith(() -> volunteers.decide(editorA, orgA, offer.id(), true), "network.safeguarding.guardian-consent");
        assertThat(volunteers.volunteer(offer.id()).orElseThrow().status()).isEqualTo("PENDING");
    }

    @Test
    void aMinorNeverOffersOneToOneHelpAlone() {
        long matas = minor("Matas Escout", true);
        var escout = approvedVolunteer(matas, orgA, venueA);
        assertThat(escout.minor()).isTrue();

        refusedWith(() -> help.offer(matas, escout.id(), venueA, inDays(2), LocalTime.of(16, 0), List.of("lt"),
                List.of("online-safety"), null), "network.safeguarding.minor-alone");
        refusedWith(() -> help.offer(matas, escout.id(), venueA, inDays(2), LocalTime.of(16, 0), List.of("lt"),
                List.of("online-safety"), "  "), "network.safeguarding.minor-alone");
        assertThat(help.slotsOfVolunteer(matas, lietuva)).isEmpty();
    }

    @Test
    void aMinorOffersHelpWithAnAdultVolunteerOrStaffMemberPresent() {
        long matas = minor("Matas With Ona", true);
        long ona = adult("Ona Adult");
        var escout = approvedVolunteer(matas, orgA, venueA);
        approvedVolunteer(ona, orgA, venueA);

        var slot = help.offer(matas, escout.id(), venueA, inDays(2), LocalTime.of(16, 0), List.of("lt"), List.of("online-safety"),
                fixtures.email(ona));
        assertThat(slot.presentAccountId()).isEqualTo(ona);
        var withStaff = help.offer(matas, escout.id(), venueA, inDays(2), LocalTime.of(17, 0), List.of("lt"), List.of("online-safety"),
                fixtures.email(editorA));
        assertThat(withStaff.presentAccountId()).isEqualTo(editorA);
    }

    @Test
    void anotherMinorOrAStrangerIsNotTheAdultPresent() {
        long matas = minor("Matas Twins", true);
        long lukas = minor("Lukas Twin", true);
        long stranger = adult("Stranger");
        var escout = approvedVolunteer(matas, orgA, venueA);
        approvedVolunteer(lukas, orgA, venueA);
        refusedWith(() -> help.offer(matas, escout.id(), venueA, inDays(2), LocalTime.of(16, 0), List.of("lt"), List.of("online-safety"),
                fixtures.email(lukas)), "network.safeguarding.no-such-adult");
        refusedWith(() -> help.offer(matas, escout.id(), venueA, inDays(2), LocalTime.of(16, 0), List.of("lt"), List.of("online-safety"),
                fixtures.email(stranger)), "network.safeguarding.no-such-adult");
        // staff of another organisation are not present at this branch either
        refusedWith(() -> help.offer(matas, escout.id(), venueA, inDays(2), LocalTime.of(16, 0), List.of("lt"), List.of("online-safety"),
                fixtures.email(editorB)), "network.safeguarding.no-such-adult");
    }

    @Test
    void anAdultOffersHelpAloneAndASiteMayTurnTheRuleOff() {
        long ona = adult("Ona Alone");
        var v = approvedVolunteer(ona, orgA, venueA);
        assertThat(help.offer(ona, v.id(), venueA, inDays(3), LocalTime.of(11, 0), List.of("lt"), List.of("e-government"), null)
                .presentAccountId()).isNull();

        assertThat(volunteers.minorsNeverAlone(lietuva)).isTrue();
        jdbc.sql("INSERT INTO network_site_setting (site_id, minors_never_alone) VALUES (?, false)").param(lietuva).update();
        try {
            long matas = minor("Matas Rule Off", true);
            var escout = approvedVolunteer(matas, orgA, venueA);
            assertThat(help.offer(matas, escout.id(), venueA, inDays(3), LocalTime.of(16, 0), List.of("lt"), List.of("online-safety"),
                    null).presentAccountId()).isNull();
        } finally {
            jdbc.sql("DELETE FROM network_site_setting WHERE site_id = ?").param(lietuva).update();
        }
    }

    @Test
    void onlyTheSitesCoordinatorChangesTheRule() throws Exception {
        long coordinator = adult("Rasa Coordinator");
        jdbc.sql("INSERT INTO site_role (account_id, site_id, role) VALUES (?, ?, 'COORDINATOR')").params(coordinator, lietuva).update();
        try {
            mvc.perform(post("/lietuva/coordinator/volunteering").with(user(fixtures.principal(editorA))).with(csrf()))
                    .andExpect(status().isForbidden());
            assertThat(volunteers.minorsNeverAlone(lietuva)).isTrue();
            mvc.perform(get("/lietuva/coordinator/volunteering").with(user(fixtures.principal(coordinator))).header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("never gives 1:1 help without an adult")));
            // the box unticked
            mvc.perform(post("/lietuva/coordinator/volunteering").with(user(fixtures.principal(coordinator))).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            assertThat(volunteers.minorsNeverAlone(lietuva)).isFalse();
            mvc.perform(post("/lietuva/coordinator/volunteering").param("minorsNeverAlone", "true")
                    .with(user(fixtures.principal(coordinator))).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            assertThat(volunteers.minorsNeverAlone(lietuva)).isTrue();
        } finally {
            jdbc.sql("DELETE FROM network_site_setting WHERE site_id = ?").param(lietuva).update();
        }
    }
}
