package org.learningmap.recognition.earning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** Staff open a time-limited claim code; a learner opening it signed in gets the badge, once; an old code says so. */
class ClaimTest extends EarningTestBase {

    private static final Pattern CODE = Pattern.compile("class=\"claim-code\">([A-Z2-9]{7})<");

    @Test
    void aLearnerOpeningTheCodeSignedInGetsTheBadgeOnceAndTheScreenCountsIt() throws Exception {
        MockHttpSession staff = new MockHttpSession();
        String code = openClaim(staff);

        // Opening the link shows the badge and a button; it awards nothing by itself.
        mvc.perform(get("/badges/claim/" + code.toLowerCase()).param("lang", "en").with(as(learner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Claim this badge")))
                .andExpect(content().string(containsString("action=\"/badges/claim/" + code + "\"")));
        assertThat(awards(badge.id())).isZero();
        // Without the CSRF token the button does nothing.
        mvc.perform(post("/badges/claim/" + code).with(as(learner))).andExpect(status().isForbidden());
        assertThat(awards(badge.id())).isZero();
        for (int visit = 0; visit < 2; visit++) {
            mvc.perform(post("/badges/claim/" + code.toLowerCase()).param("lang", "en").with(as(learner)).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(visit == 0 ? "You have the badge “Video calls with family”."
                            : "You already have the badge “Video calls with family”.")));
        }
        mvc.perform(get("/badges/claim/" + code).param("lang", "en").with(as(learner)))
                .andExpect(content().string(containsString("You already have the badge “Video calls with family”.")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Claim this badge"))));
        assertThat(awards(badge.id())).isEqualTo(1);
        assertThat(path(badge.id(), learner)).isEqualTo("CLAIM");
        long claim = jdbc.sql("SELECT id FROM badge_claim WHERE badge_id = ?").param(badge.id()).query(Long.class).single();
        mvc.perform(get("/staff/badges/" + badge.id() + "/award/claims/" + claim).param("lang", "en").session(staff).with(as(educatorA)))
                .andExpect(content().string(containsString("Claimed so far: 1")));
    }

    @Test
    void aVisitorWithoutAnAccountIsOfferedToSignInSignUpOrUseTheirCardAndComesBack() throws Exception {
        String code = openClaim(new MockHttpSession());
        mvc.perform(get("/badges/claim/" + code).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/account/badges/claim/" + code + "\"")))
                .andExpect(content().string(containsString("href=\"/sign-up?next=/badges/claim/" + code + "\"")))
                .andExpect(content().string(containsString("href=\"/claim?next=/badges/claim/" + code + "\"")));
        assertThat(awards(badge.id())).isZero();
        // A visitor not signed in cannot post the button: it sends them to sign in.
        mvc.perform(post("/badges/claim/" + code).with(csrf()))
                .andExpect(redirectedUrl("/account/badges/claim/" + code));
        assertThat(awards(badge.id())).isZero();
        // Signing in comes back through this address to the claim.
        mvc.perform(get("/account/badges/claim/" + code))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/sign-in"));
        mvc.perform(get("/account/badges/claim/" + code).with(as(learner)))
                .andExpect(redirectedUrl("/badges/claim/" + code));
        // The card's claim form carries the way back.
        mvc.perform(get("/claim").param("next", "/badges/claim/" + code))
                .andExpect(content().string(containsString("value=\"/badges/claim/" + code + "\"")));
    }

    @Test
    void anExpiredOrClosedCodeSaysSoAndAwardsNothing() throws Exception {
        MockHttpSession staff = new MockHttpSession();
        String code = openClaim(staff);
        jdbc.sql("UPDATE badge_claim SET expires_at = now() - interval '1 minute' WHERE badge_id = ?").param(badge.id()).update();
        mvc.perform(get("/badges/claim/" + code).param("lang", "en").with(as(learner)))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("This claim code has expired.")));

        String second = openClaim(staff);
        long claim = jdbc.sql("SELECT max(id) FROM badge_claim WHERE badge_id = ?").param(badge.id()).query(Long.class).single();
        mvc.perform(post("/staff/badges/" + badge.id() + "/award/claims/" + claim + "/close").with(as(educatorA)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/badges/claim/" + second).param("lang", "lt").with(as(learner)))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Organizatorius šį atsiėmimo kodą uždarė.")));
        mvc.perform(get("/badges/claim/ZZZZZZZ").param("lang", "en").with(as(learner)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no badge to claim with this code.")));
        assertThat(awards(badge.id())).isZero();
    }

    @Test
    void aNewCodeEndsTheOldOneAndStaffOfAnotherOrganisationCannotSeeTheScreen() throws Exception {
        MockHttpSession staff = new MockHttpSession();
        String old = openClaim(staff);
        long claim = jdbc.sql("SELECT id FROM badge_claim WHERE badge_id = ?").param(badge.id()).query(Long.class).single();
        mvc.perform(post("/staff/badges/" + badge.id() + "/award/claims/" + claim + "/new-code").session(staff)
                        .with(as(educatorA)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String fresh = codeOnScreen(staff, claim);
        assertThat(fresh).isNotEqualTo(old);
        mvc.perform(get("/badges/claim/" + old).with(as(learner))).andExpect(status().isNotFound());
        mvc.perform(get("/staff/badges/" + badge.id() + "/award/claims/" + claim).with(as(editorB))).andExpect(status().isForbidden());
        mvc.perform(post("/staff/badges/" + badge.id() + "/award/claims/" + claim + "/close").with(as(editorB)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/badges/claim/" + fresh).with(as(learner)).with(csrf())).andExpect(status().isOk());
        assertThat(awards(badge.id())).isEqualTo(1);
    }

    @Test
    void guessingCodesFromOneAddressOrOneAccountIsStoppedWithATranslatedPage() throws Exception {
        String code = openClaim(new MockHttpSession());
        // One address, not signed in: ten wrong codes, then even a right one waits.
        for (int guess = 0; guess < 10; guess++) {
            mvc.perform(get("/badges/claim/ZZZZZ" + (char) ('A' + guess) + "Q").with(from("203.0.113.7")))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/badges/claim/" + code).param("lang", "lt").with(from("203.0.113.7")))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Per daug neteisingų kodų.")));
        mvc.perform(get("/badges/claim/" + code).param("lang", "en").with(from("203.0.113.8")))
                .andExpect(status().isOk());
        // One account from changing addresses: the account is stopped, also on the button.
        for (int guess = 0; guess < 10; guess++) {
            mvc.perform(get("/badges/claim/YYYYY" + (char) ('A' + guess) + "Q").with(as(editorB)).with(from("198.51.100." + guess)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/badges/claim/" + code).param("lang", "uk").with(as(editorB)).with(csrf()).with(from("198.51.100.99")))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Забагато неправильних кодів.")));
        assertThat(awards(badge.id())).isZero();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private String openClaim(MockHttpSession staff) throws Exception {
        String location = mvc.perform(post("/staff/badges/" + badge.id() + "/award/claims").param("minutes", "120")
                        .session(staff).with(as(educatorA)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long claim = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        return codeOnScreen(staff, claim);
    }

    private String codeOnScreen(MockHttpSession staff, long claim) throws Exception {
        String page = mvc.perform(get("/staff/badges/" + badge.id() + "/award/claims/" + claim).param("lang", "en")
                        .session(staff).with(as(educatorA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data:image/svg+xml;base64,")))
                .andReturn().getResponse().getContentAsString();
        Matcher m = CODE.matcher(page);
        assertThat(m.find()).as("the code is on the screen").isTrue();
        assertThat(page).contains("/badges/claim/" + m.group(1));
        return m.group(1);
    }
}
