package org.learningmap.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An educator of the demo library runs a supervised sitting and a before/after rating; staff of
 * another organisation are refused (403) on every page and action of both.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EducatorsRunSittingsAndRatingsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor english = request -> {
        request.addHeader("Accept-Language", "en");
        request.setPreferredLocales(List.of(Locale.ENGLISH));
        return request;
    };

    CurrentAccount account(String email) {
        return jdbc.sql("SELECT id, display_name FROM account WHERE email = ?").param(email)
                .query((rs, row) -> new CurrentAccount(rs.getLong(1), email, rs.getString(2), null, true, false, false, Set.of()))
                .single();
    }

    long libraryOf(CurrentAccount educator) {
        return jdbc.sql("SELECT organisation_id FROM membership WHERE account_id = ? ORDER BY organisation_id LIMIT 1")
                .param(educator.id()).query(Long.class).single();
    }

    String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(english)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    String redirect(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(english)).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    }

    @Test
    void aResultTakenInASittingIsMarkedSupervised() throws Exception {
        CurrentAccount educator = account("educator@example.org");
        long library = libraryOf(educator);
        String sittingPage = redirect(post("/staff/skills-check/sittings").with(user(educator)).param("organisation", String.valueOf(library))
                .param("kind", "QUICK").param("place", "Reading room"));
        long sittingId = Long.parseLong(sittingPage.substring(sittingPage.lastIndexOf('/') + 1));
        String code = jdbc.sql("SELECT code FROM assessment_sitting WHERE id = ?").param(sittingId).query(String.class).single();
        assertThat(body(get(sittingPage).with(user(educator)))).contains(code).contains("Nobody has joined yet.");

        String check = redirect(post("/skills-check/start").param("kind", "FULL").param("sitting", code.toLowerCase()));
        Long attached = jdbc.sql("SELECT sitting_id FROM assessment_attempt WHERE id = ?::uuid")
                .param(check.substring(check.lastIndexOf('/') + 1)).query(Long.class).single();
        assertThat(attached).isEqualTo(sittingId);
        assertThat(jdbc.sql("SELECT kind FROM assessment_attempt WHERE sitting_id = ?").param(sittingId).query(String.class).single())
                .as("the sitting's kind wins").isEqualTo("QUICK");
        assertThat(body(get(sittingPage).with(user(educator)))).contains("0 answered");

        redirect(post(sittingPage + "/close").with(user(educator)));
        assertThat(body(post("/skills-check/start").with(csrf()).param("sitting", code))).contains("No open group has this code.");
    }

    @Test
    void learnersAndPaperAnswersMakeABeforeAndAfterSummary() throws Exception {
        CurrentAccount educator = account("educator@example.org");
        long library = libraryOf(educator);
        String form = body(get("/staff/skills-check/ratings/new").with(user(educator)).param("organisation", String.valueOf(library)));
        String activity = firstOption(form, "activity");
        assertThat(activity).matches("\\d+");
        assertThat(body(post("/staff/skills-check/ratings").with(csrf()).with(user(educator)).param("organisation", String.valueOf(library))
                .param("activity", activity))).contains("Choose one to 5 competences.");
        String ratingPage = redirect(post("/staff/skills-check/ratings").with(user(educator)).param("organisation", String.valueOf(library))
                .param("activity", activity).param("competence", "4.2", "2.1"));
        long ratingId = Long.parseLong(ratingPage.substring(ratingPage.lastIndexOf('/') + 1));
        String code = jdbc.sql("SELECT code FROM assessment_rating WHERE id = ?").param(ratingId).query(String.class).single();

        // Before: three learners on their phones; two of the six ratings are below 5.
        for (String[] scores : List.of(new String[] {"2", "6"}, new String[] {"3", "7"}, new String[] {"8", "9"})) {
            assertThat(body(post("/skills-check/ratings/" + code).with(csrf()).param("phase", "BEFORE")
                    .param("score.4.2", scores[0]).param("score.2.1", scores[1]))).contains("Thank you");
        }
        assertThat(body(post("/skills-check/ratings/" + code).with(csrf()).param("phase", "BEFORE").param("score.4.2", "2")))
                .contains("Choose a number from 0 to 10 for every line.");
        // After: two on phones, one on paper typed in by the educator; none below 5.
        body(post("/skills-check/ratings/" + code).with(csrf()).param("phase", "AFTER").param("score.4.2", "6").param("score.2.1", "8"));
        body(post("/skills-check/ratings/" + code).with(csrf()).param("phase", "AFTER").param("score.4.2", "7").param("score.2.1", "9"));
        redirect(post(ratingPage + "/paper").with(user(educator)).param("phase", "AFTER").param("score.4.2", "9").param("score.2.1", "10"));

        String summary = body(get(ratingPage).with(user(educator)));
        assertThat(summary).contains("Rating themselves below 5: 33% before, 0% after")
                .contains("3 · 67% · 4.3").contains("3 · 0% · 7.3");
        assertThat(body(get("/skills-check/ratings/" + code).param("phase", "AFTER"))).contains("After the class: rate yourself");
    }

    @Test
    void staffOfAnotherOrganisationAreRefused() throws Exception {
        CurrentAccount educator = account("educator@example.org");
        CurrentAccount outsider = account("owner.ua@example.org");
        long library = libraryOf(educator);
        String sittingPage = redirect(post("/staff/skills-check/sittings").with(user(educator)).param("organisation", String.valueOf(library)));
        String form = body(get("/staff/skills-check/ratings/new").with(user(educator)).param("organisation", String.valueOf(library)));
        String activity = firstOption(form, "activity");
        String ratingPage = redirect(post("/staff/skills-check/ratings").with(user(educator)).param("organisation", String.valueOf(library))
                .param("activity", activity).param("competence", "1.1"));

        forbidden(get(sittingPage).with(user(outsider)));
        forbidden(post(sittingPage + "/close").with(csrf()).with(user(outsider)));
        forbidden(post("/staff/skills-check/sittings").with(csrf()).with(user(outsider)).param("organisation", String.valueOf(library)));
        forbidden(get("/staff/skills-check/ratings/new").with(user(outsider)).param("organisation", String.valueOf(library)));
        forbidden(post("/staff/skills-check/ratings").with(csrf()).with(user(outsider)).param("organisation", String.valueOf(library))
                .param("activity", activity).param("competence", "1.1"));
        forbidden(get(ratingPage).with(user(outsider)));
        forbidden(post(ratingPage + "/paper").with(csrf()).with(user(outsider)).param("phase", "BEFORE").param("score.1.1", "1"));
        assertThat(jdbc.sql("SELECT count(*) FROM assessment_rating_answer WHERE rating_id = ?")
                .param(Long.parseLong(ratingPage.substring(ratingPage.lastIndexOf('/') + 1))).query(Integer.class).single()).isZero();
        assertThat(body(get("/staff/skills-check").with(user(outsider)))).doesNotContain(sittingPage);
    }

    /** The value of the first non-empty option of the select with the given id. */
    static String firstOption(String html, String select) {
        String part = html.substring(html.indexOf("id=\"" + select + "\""));
        part = part.substring(0, part.indexOf("</select>"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<option value=\"(\\d+)\"").matcher(part);
        assertThat(m.find()).as("an option in #" + select).isTrue();
        return m.group(1);
    }

    @Test
    void aRatingCanBelongToOneSessionOfTheClass() throws Exception {
        CurrentAccount educator = account("educator@example.org");
        long library = libraryOf(educator);
        String form = body(get("/staff/skills-check/ratings/new").with(user(educator)).param("organisation", String.valueOf(library)));
        String session = firstOption(form, "session");
        long activity = jdbc.sql("SELECT activity_id FROM session WHERE id = ?").param(Long.parseLong(session)).query(Long.class).single();
        String other = firstOption(form.replaceFirst("<option value=\"" + activity + "\"", "<option value=\"x\""), "activity");
        assertThat(body(post("/staff/skills-check/ratings").with(csrf()).with(user(educator)).param("organisation", String.valueOf(library))
                .param("activity", other).param("session", session).param("competence", "1.1")))
                .contains("Choose a session of the chosen class or course");
        String ratingPage = redirect(post("/staff/skills-check/ratings").with(user(educator)).param("organisation", String.valueOf(library))
                .param("activity", String.valueOf(activity)).param("session", session).param("competence", "1.1"));
        assertThat(body(get(ratingPage).with(user(educator)))).contains("For the session of");
        assertThat(jdbc.sql("SELECT session_id FROM assessment_rating WHERE id = ?")
                .param(Long.parseLong(ratingPage.substring(ratingPage.lastIndexOf('/') + 1))).query(Long.class).single())
                .isEqualTo(Long.parseLong(session));
    }

    void forbidden(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request.with(english)).andExpect(status().isForbidden());
    }
}
