package org.learningmap.enrolment.attendance;

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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.enrolment.CheckInPasses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The roster and check-in pages: what staff of the session's organisation can do, and nobody else. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RosterPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CheckInPasses passes;

    @Autowired
    SessionCodes codes;

    AttendanceFixture fixture;
    CurrentAccount educator;
    CurrentAccount otherStaff;
    CurrentAccount ona;
    CurrentAccount stranger;
    long sessionId;
    long onaPlace;
    String roster;

    @BeforeEach
    void aSessionOfOneLibraryAndStaffOfAnother() {
        fixture = new AttendanceFixture(jdbc);
        long site = fixture.site("lietuva");
        long library = fixture.organisation(site, "Roster Library");
        long elsewhere = fixture.organisation(site, "Another Library");
        educator = fixture.person("Elena Educator");
        fixture.staff(library, educator, "EDUCATOR");
        otherStaff = fixture.person("Oskaras Owner");
        fixture.staff(elsewhere, otherStaff, "OWNER");
        long activity = fixture.activity(library, "CLASS", "Email for beginners");
        Instant start = Instant.now().minus(Duration.ofMinutes(10));
        sessionId = fixture.session(activity, start, start.plus(Duration.ofHours(1)), 10);
        long pool = fixture.pool(activity, sessionId, 10);
        ona = fixture.person("Ona Secretname");
        stranger = fixture.person("Stasys Stranger");
        onaPlace = fixture.enrol(pool, ona, "CONFIRMED");
        fixture.enrol(pool, fixture.person("Vida Waitlisted"), "WAITLISTED");
        roster = "/staff/sessions/" + sessionId + "/roster";
    }

    @Test
    void theEducatorSeesNamesCountsAndTheWaitlist() throws Exception {
        mvc.perform(get(roster).with(as(educator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ona Secretname")))
                .andExpect(content().string(containsString("Vida Waitlisted")))
                .andExpect(content().string(containsString("Tap to mark present")))
                .andExpect(content().string(containsString("Email for beginners")));
        mvc.perform(get("/staff/sessions").with(as(educator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Email for beginners")))
                .andExpect(content().string(containsString(roster)));
    }

    @Test
    void aTapWithHtmxAnswersTheChangedLineAndTheCounts() throws Exception {
        String line = mvc.perform(post(roster + "/enrolments/" + onaPlace + "/present").header("HX-Request", "true")
                        .with(as(educator)).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(line).contains("person-e" + onaPlace, "Present · tap to undo", "hx-swap-oob", "Ona Secretname")
                .doesNotContain("<html");
        assertThat(fixture.attendanceOf(sessionId, ona.id())).isEqualTo("PRESENT");

        long attendance = jdbc.sql("SELECT id FROM attendance WHERE session_id = ?").param(sessionId).query(Long.class).single();
        mvc.perform(post(roster + "/attendance/" + attendance + "/undo").param("row", "person-e" + onaPlace)
                        .with(as(educator)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(roster + "#person-e" + onaPlace));
        assertThat(fixture.attendanceOf(sessionId, ona.id())).isNull();
    }

    @Test
    void aTypedPassOfSomeoneWithoutAPlaceIsRefusedWithAnOfferOfWalkIn() throws Exception {
        mvc.perform(post(roster + "/pass").param("code", passes.passFor(stranger.id()).code()).with(as(educator)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "attendance.pass.not-enrolled"))
                .andExpect(flash().attribute("problemName", "Stasys Stranger"));
        mvc.perform(post(roster + "/pass").param("code", "nonsense").with(as(educator)).with(csrf()))
                .andExpect(flash().attribute("problem", Rosters.UNKNOWN_PASS));
        assertThat(fixture.attendanceRows(sessionId)).isZero();
    }

    @Test
    void staffOfAnotherOrganisationAndLearnersCanNeitherSeeNorChangeTheRoster() throws Exception {
        long attendance = markOna();
        for (CurrentAccount outsider : List.of(otherStaff, ona, stranger)) {
            for (MockHttpServletRequestBuilder request : List.of(
                    get(roster),
                    get("/staff/sessions/" + sessionId + "/check-in-code"),
                    post(roster + "/enrolments/" + onaPlace + "/present").header("HX-Request", "true"),
                    post(roster + "/attendance/" + attendance + "/undo"),
                    post(roster + "/pass").param("code", passes.passFor(ona.id()).code()),
                    post(roster + "/walk-ins").param("name", "Intruder"),
                    post(roster + "/finish"))) {
                mvc.perform(request.with(as(outsider)).with(csrf()))
                        .andExpect(status().isForbidden())
                        .andExpect(content().string(not(containsString("Ona Secretname"))))
                        .andExpect(content().string(not(containsString("Vida Waitlisted"))));
            }
            mvc.perform(get("/staff/sessions").with(as(outsider)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("Email for beginners"))));
        }
        assertThat(fixture.attendanceRows(sessionId)).as("nothing changed").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM roster_finish WHERE session_id = ?").param(sessionId).query(Integer.class).single()).isZero();
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get(roster)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/staff/sessions")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/account/pass")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/account/check-in/" + codes.current(sessionId))).andExpect(status().is3xxRedirection());
        mvc.perform(post(roster + "/finish").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM roster_finish WHERE session_id = ?").param(sessionId).query(Integer.class).single()).isZero();
    }

    @Test
    void anUnknownSessionOrOneOfAnotherSiteIsNotFound() throws Exception {
        mvc.perform(get("/staff/sessions/999999999/roster").with(as(educator))).andExpect(status().isNotFound());
        long ukraine = fixture.site("ukraina");
        long theirs = fixture.organisation(ukraine, "Kyiv Library");
        fixture.staff(theirs, educator, "EDUCATOR");
        long activity = fixture.activity(theirs, "CLASS", "Elsewhere");
        long session = fixture.session(activity, Instant.now(), Instant.now().plusSeconds(3600), null);
        mvc.perform(get("/staff/sessions/" + session + "/roster").with(as(educator))).andExpect(status().isNotFound());
    }

    @Test
    void theSessionQrLeadsAnEnrolledLearnerToCheckThemselvesIn() throws Exception {
        String page = mvc.perform(get("/staff/sessions/" + sessionId + "/check-in-code").with(as(educator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data:image/svg+xml;base64,")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("every 30s");
        String code = codes.current(sessionId);

        mvc.perform(get("/account/check-in/" + code).with(as(ona)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("I am here")));
        mvc.perform(post("/account/check-in/" + code).with(as(ona)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You are checked in")));
        assertThat(fixture.attendanceOf(sessionId, ona.id())).isEqualTo("PRESENT");

        mvc.perform(post("/account/check-in/" + code).with(as(stranger)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("You have no place in this session")));
        assertThat(fixture.attendanceOf(sessionId, stranger.id())).isNull();
    }

    @Test
    void aForgedOrOldCodeGetsAClearMessageInTheLearnersLanguage() throws Exception {
        String code = codes.current(sessionId);
        Matcher parts = Pattern.compile("(.+)-(.+)-(.+)").matcher(code);
        assertThat(parts.matches()).isTrue();
        String forged = parts.group(1) + "-" + parts.group(2) + "-0000000000000000";
        mvc.perform(get("/account/check-in/" + forged).with(as(ona)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This is not a valid check-in code")));
        String old = codes.codeFor(sessionId, SessionCodes.window(Instant.now()) - 5);
        mvc.perform(get("/account/check-in/" + old).with(as(ona)).param("lang", "lt"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Šio atvykimo kodo galiojimas baigėsi")));
        mvc.perform(post("/account/check-in/" + old).with(as(ona)).with(csrf()))
                .andExpect(status().isGone());
        assertThat(fixture.attendanceOf(sessionId, ona.id())).isNull();
    }

    @Test
    void aLearnerSeesTheirOwnPass() throws Exception {
        String code = passes.passFor(ona.id()).code();
        mvc.perform(get("/account/pass").with(as(ona)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(code)))
                .andExpect(content().string(containsString("data:image/svg+xml;base64,")));
    }

    @Test
    void aWalkInWithoutANameIsAskedForIt() throws Exception {
        mvc.perform(post(roster + "/walk-ins").param("name", "").param("contact", "").with(as(educator)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", Rosters.NAME_REQUIRED));
        mvc.perform(post(roster + "/walk-ins").param("name", "Walker Person").param("contact", "+37060000000")
                        .with(as(educator)).with(csrf()))
                .andExpect(flash().attribute("done", "attendance.done.walk-in-place"));
        mvc.perform(get(roster).with(as(educator))).andExpect(content().string(containsString("Walker Person")));
    }

    /** Signed in, with an English browser. */
    private static RequestPostProcessor as(CurrentAccount account) {
        return request -> {
            request.addHeader("Accept-Language", "en");
            return user(account).postProcessRequest(request);
        };
    }

    private long markOna() throws Exception {
        mvc.perform(post(roster + "/enrolments/" + onaPlace + "/present").with(as(educator)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("SELECT id FROM attendance WHERE session_id = ?").param(sessionId).query(Long.class).single();
    }
}
