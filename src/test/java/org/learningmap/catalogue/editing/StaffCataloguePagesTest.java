package org.learningmap.catalogue.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.MvcResult;

class StaffCataloguePagesTest extends EditingTestBase {

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B english(B request) {
        return request.header("Accept-Language", "en");
    }

    @Test
    void staffOfAnotherOrganisationAreRefusedEverywhereAndNothingChanges() throws Exception {
        long activity = draftWithSession(orgA, venueA);
        long session = firstSession(activity);
        long job = jdbc.sql("INSERT INTO import_job (site_id, organisation_id, account_id, file_name, total_rows) VALUES (?, ?, ?, 'a.csv', 1) RETURNING id")
                .params(lietuva, orgA, editorA).query(Long.class).single();
        String base = "/staff/organisations/" + orgA + "/activities";
        String one = base + "/" + activity;
        List<AbstractMockHttpServletRequestBuilder<?>> requests = List.of(
                get(base), get(base + "/new"), post(base).param("kind", "CLASS").param("title[lt]", "Įsiveržimas"),
                get(one), get(one + "/edit"), post(one + "/edit").param("kind", "EVENT").param("title[lt]", "Pakeista"),
                post(one + "/publish"), post(one + "/cancel"), post(one + "/archive"), get(one + "/copy"),
                post(one + "/copy").param("withSessions", "false"),
                post(one + "/sessions").param("date", inDays(20).toString()).param("startTime", "10:00").param("endTime", "11:00")
                        .param("venueId", String.valueOf(venueA)),
                post(one + "/series/preview").param("frequency", "WEEKLY").param("days", "MONDAY").param("from", inDays(20).toString())
                        .param("count", "3").param("startTime", "10:00").param("durationMinutes", "60"),
                post(one + "/series").param("frequency", "WEEKLY").param("days", "MONDAY").param("from", inDays(20).toString())
                        .param("count", "3").param("startTime", "10:00").param("durationMinutes", "60").param("venueId", String.valueOf(venueA)),
                get(one + "/sessions/" + session + "/edit"),
                post(one + "/sessions/" + session + "/edit").param("date", inDays(21).toString()).param("startTime", "10:00")
                        .param("endTime", "11:00").param("venueId", String.valueOf(venueA)),
                post(one + "/sessions/" + session + "/cancel"), post(one + "/sessions/" + session + "/delete"),
                multipart(one + "/image").file(new MockMultipartFile("image", "a.png", "image/png",
                        ImageProcessorTest.picture("png", 20, 20, false))),
                get(base + "/import"), get(base + "/import/template.csv"), get(base + "/import/" + job), get(base + "/import/" + job + "/status"),
                multipart(base + "/import").file(new MockMultipartFile("file", "a.csv", "text/csv",
                        "kind,title_lt\nCLASS,Įsiveržimas\n".getBytes(StandardCharsets.UTF_8))));

        for (AbstractMockHttpServletRequestBuilder<?> request : requests) {
            MvcResult result = mvc.perform(request.header("Accept-Language", "en").with(user(as(editorB))).with(csrf())).andReturn();
            assertThat(result.getResponse().getStatus()).as(result.getRequest().getMethod() + " " + result.getRequest().getRequestURI())
                    .isEqualTo(403);
        }

        assertThat(statusOf(activity)).isEqualTo("DRAFT");
        assertThat(sessions(activity)).isEqualTo(1);
        assertThat(activitiesOf(orgA)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM session WHERE id = ?").param(session).query(String.class).single()).isEqualTo("SCHEDULED");
        assertThat(jdbc.sql("SELECT title ->> 'lt' FROM activity WHERE id = ?").param(activity).query(String.class).single())
                .isEqualTo("Kompiuterio pradmenys");
        assertThat(jdbc.sql("SELECT count(*) FROM import_job WHERE organisation_id = ?").param(orgA).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anotherOrganisationsActivityIsRefusedUnderOnesOwnAddressToo() throws Exception {
        long activity = draftWithSession(orgA, venueA);
        mvc.perform(get("/staff/organisations/" + orgB + "/activities/" + activity).with(user(as(editorB))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/organisations/" + orgA + "/activities/999999999").with(user(as(editorA))))
                .andExpect(status().isNotFound());
    }

    @Test
    void anEducatorSeesTheListButCannotChangeAnything() throws Exception {
        long activity = draftWithSession(orgA, venueA);
        mvc.perform(english(get("/staff/organisations/" + orgA + "/activities")).with(user(as(educatorA))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Computer basics")))
                .andExpect(content().string(not(containsString("New activity"))));
        mvc.perform(english(get("/staff/organisations/" + orgA + "/activities")).param("q", "computer").param("status", "DRAFT")
                        .with(user(as(educatorA))))
                .andExpect(content().string(containsString("Computer basics")));
        mvc.perform(english(get("/staff/organisations/" + orgA + "/activities")).param("status", "PUBLISHED").with(user(as(educatorA))))
                .andExpect(content().string(containsString("No activity matches these filters.")));
        mvc.perform(english(get("/staff/organisations/" + orgA + "/activities")).param("q", "100%_").with(user(as(educatorA))))
                .andExpect(content().string(containsString("No activity matches these filters.")));
        mvc.perform(post("/staff/organisations/" + orgA + "/activities/" + activity + "/publish").with(user(as(educatorA))).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(statusOf(activity)).isEqualTo("DRAFT");
    }

    @Test
    void aSignedOutVisitorIsAskedToSignIn() throws Exception {
        mvc.perform(get("/staff/organisations/" + orgA + "/activities"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", endsWith("/sign-in")));
    }

    @Test
    void wrongInputIsShownBesideTheFieldsAndNothingIsSaved() throws Exception {
        mvc.perform(english(post("/staff/organisations/" + orgA + "/activities")).with(user(as(editorA))).with(csrf())
                        .param("kind", "CLASS").param("title[en]", "Only English").param("minAge", "30").param("maxAge", "10")
                        .param("topics", "no-such-topic").param("paid", "true").param("price", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Give the activity a title in the site’s main language.")))
                .andExpect(content().string(containsString("The highest age must not be lower than the lowest age.")))
                .andExpect(content().string(containsString("“no-such-topic” is not a topic of this site.")))
                .andExpect(content().string(containsString("Enter a price such as 12.50")))
                .andExpect(content().string(containsString("value=\"Only English\"")));
        assertThat(activitiesOf(orgA)).isZero();
    }

    @Test
    void anEditorCreatesAnActivityAddsAWeeklySeriesAndPublishesIt() throws Exception {
        MvcResult created = mvc.perform(english(post("/staff/organisations/" + orgA + "/activities")).with(user(as(editorA))).with(csrf())
                        .param("kind", "COURSE").param("title[lt]", "Išmanusis telefonas").param("title[en]", "Smartphone basics")
                        .param("topics", "digital-skills").param("audiences", "SENIORS").param("languages", "lt")
                        .param("minAge", "55").param("paid", "true").param("price", "12,50").param("voucherEligible", "true")
                        .param("digcomp", "2.1"))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = jdbc.sql("SELECT id FROM activity WHERE organisation_id = ?").param(orgA).query(Long.class).single();
        assertThat(created.getResponse().getRedirectedUrl()).endsWith("/activities/" + id);
        assertThat(jdbc.sql("SELECT price_cents FROM activity WHERE id = ?").param(id).query(Integer.class).single()).isEqualTo(1250);

        String page = "/staff/organisations/" + orgA + "/activities/" + id;
        mvc.perform(english(post(page + "/publish")).with(user(as(editorA))).with(csrf()))
                .andExpect(flash().attribute("problem", "activity.needs-session"));
        assertThat(statusOf(id)).isEqualTo("DRAFT");

        mvc.perform(english(post(page + "/series/preview")).with(user(as(editorA))).with(csrf()).header("HX-Request", "true")
                        .param("frequency", "WEEKLY").param("days", "TUESDAY", "THURSDAY").param("from", inDays(7).toString())
                        .param("count", "8").param("startTime", "18:00").param("durationMinutes", "90"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("8 sessions")))
                .andExpect(content().string(containsString("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8")));
        assertThat(sessions(id)).isZero();

        mvc.perform(english(post(page + "/series")).with(user(as(editorA))).with(csrf())
                        .param("frequency", "WEEKLY").param("days", "TUESDAY", "THURSDAY").param("from", inDays(7).toString())
                        .param("count", "8").param("startTime", "18:00").param("durationMinutes", "90").param("venueId", String.valueOf(venueA))
                        .param("capacity", "12"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT series_rule FROM session WHERE activity_id = ?").param(id).query(String.class).list())
                .hasSize(8).containsOnly("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8");
        assertThat(jdbc.sql("SELECT DISTINCT to_char(starts_at AT TIME ZONE 'Europe/Vilnius', 'HH24:MI') FROM session WHERE activity_id = ?")
                .param(id).query(String.class).list()).containsExactly("18:00");

        mvc.perform(post(page + "/publish").with(user(as(editorA))).with(csrf()))
                .andExpect(flash().attribute("notice", "editing.notice.published"));
        assertThat(statusOf(id)).isEqualTo("PUBLISHED");
        assertThat(jdbc.sql("SELECT published_at IS NOT NULL FROM activity WHERE id = ?").param(id).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aSeriesWithTooManySessionsOrAVenueOfAnotherOrganisationIsRefused() throws Exception {
        long id = draftWithSession(orgA, venueA);
        String page = "/staff/organisations/" + orgA + "/activities/" + id;
        mvc.perform(english(post(page + "/series")).with(user(as(editorA))).with(csrf())
                        .param("frequency", "DAILY").param("interval", "1").param("from", inDays(3).toString())
                        .param("until", inDays(300).toString()).param("startTime", "09:00").param("durationMinutes", "60")
                        .param("venueId", String.valueOf(venueA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A series can have at most 100 sessions.")));
        mvc.perform(english(post(page + "/sessions")).with(user(as(editorA))).with(csrf())
                        .param("date", inDays(5).toString()).param("startTime", "10:00").param("endTime", "09:00")
                        .param("venueId", String.valueOf(venueB)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The end must be after the start.")))
                .andExpect(content().string(containsString("Choose one of your organisation’s venues.")));
        assertThat(sessions(id)).isEqualTo(1);
    }

    @Test
    void anOrganisationThatIsNotApprovedKeepsItsDraft() throws Exception {
        long pending = fixtures.organisation(lietuva, "New NGO", "PENDING");
        fixtures.member(editorA, pending, "OWNER");
        long venue = fixtures.venue(lietuva, pending, "Office", "Alytus");
        long id = draftWithSession(pending, venue);
        mvc.perform(english(get("/staff/organisations/" + pending + "/activities/" + id)).with(user(as(editorA))))
                .andExpect(content().string(containsString("Your organisation has not been approved on this site yet")));
        mvc.perform(post("/staff/organisations/" + pending + "/activities/" + id + "/publish").with(user(as(editorA))).with(csrf()))
                .andExpect(flash().attribute("problem", "activity.organisation-not-approved"));
        assertThat(statusOf(id)).isEqualTo("DRAFT");
    }

    @Test
    void cancellingAnActivityCancelsItsComingSessionsWhichStayVisible() throws Exception {
        long id = draftWithSession(orgA, venueA);
        String page = "/staff/organisations/" + orgA + "/activities/" + id;
        mvc.perform(post(page + "/publish").with(user(as(editorA))).with(csrf()));
        mvc.perform(post(page + "/cancel").with(user(as(editorA))).with(csrf()))
                .andExpect(flash().attribute("notice", "editing.notice.cancelled"));
        assertThat(statusOf(id)).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("SELECT status FROM session WHERE activity_id = ?").param(id).query(String.class).list()).containsOnly("CANCELLED");
        mvc.perform(english(get(page)).with(user(as(editorA))))
                .andExpect(content().string(containsString("Cancelled")));
        mvc.perform(post(page + "/archive").with(user(as(editorA))).with(csrf()));
        assertThat(statusOf(id)).isEqualTo("ARCHIVED");
    }

    @Test
    void aCopyMovesTheSessionsToTheChosenFirstDay() throws Exception {
        long id = draftWithSession(orgA, venueA);
        mvc.perform(post("/staff/organisations/" + orgA + "/activities/" + id + "/copy").with(user(as(editorA))).with(csrf())
                        .param("withSessions", "true").param("firstDay", inDays(40).toString()))
                .andExpect(status().is3xxRedirection());
        long copy = jdbc.sql("SELECT max(id) FROM activity WHERE organisation_id = ?").param(orgA).query(Long.class).single();
        assertThat(copy).isNotEqualTo(id);
        assertThat(statusOf(copy)).isEqualTo("DRAFT");
        assertThat(jdbc.sql("SELECT (starts_at AT TIME ZONE 'Europe/Vilnius')::date FROM session WHERE activity_id = ?")
                .param(copy).query(java.time.LocalDate.class).single()).isEqualTo(inDays(40));

        mvc.perform(post("/staff/organisations/" + orgA + "/activities/" + id + "/copy").with(user(as(editorA))).with(csrf())
                .param("withSessions", "false"));
        long bare = jdbc.sql("SELECT max(id) FROM activity WHERE organisation_id = ?").param(orgA).query(Long.class).single();
        assertThat(sessions(bare)).isZero();

        for (String far : List.of(inDays(365 * 11).toString(), "+999999999-12-31")) {
            mvc.perform(english(post("/staff/organisations/" + orgA + "/activities/" + id + "/copy")).with(user(as(editorA))).with(csrf())
                            .param("withSessions", "true").param("firstDay", far))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("The first session must be within the next ten years.")));
        }
        assertThat(jdbc.sql("SELECT max(id) FROM activity WHERE organisation_id = ?").param(orgA).query(Long.class).single())
                .as("no copy made").isEqualTo(bare);
    }

    @Test
    void aPictureIsRecognisedByItsContentNotItsName() throws Exception {
        long id = draftWithSession(orgA, venueA);
        String page = "/staff/organisations/" + orgA + "/activities/" + id;
        mvc.perform(english(multipart(page + "/image")).file(new MockMultipartFile("image", "holiday.png", "image/png",
                        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))).with(user(as(editorA))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This file is not a JPEG, PNG or WebP picture.")));
        assertThat(jdbc.sql("SELECT image_id FROM activity WHERE id = ?").param(id).query(Long.class).optional()).isEmpty();

        mvc.perform(multipart(page + "/image").file(new MockMultipartFile("image", "photo.jpg", "image/jpeg",
                        ImageProcessorTest.picture("png", 2400, 1600, false))).with(user(as(editorA))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long image = jdbc.sql("SELECT image_id FROM activity WHERE id = ?").param(id).query(Long.class).single();
        assertThat(jdbc.sql("SELECT width FROM activity_image WHERE id = ?").param(image).query(Integer.class).single()).isEqualTo(1200);

        mvc.perform(get("/images/" + image)).andExpect(status().isNotFound());
        mvc.perform(get("/images/" + image).with(user(as(editorA))))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("private")));
        mvc.perform(post(page + "/publish").with(user(as(editorA))).with(csrf()));
        mvc.perform(get("/images/" + image))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Cache-Control", containsString("max-age=31536000")));
    }

    @Test
    void onAModeratedSiteACoordinatorApprovesOrSendsBackWithAReason() throws Exception {
        long ukraina = fixtures.site("ukraina");
        long org = fixtures.organisation(ukraina, "Бібліотека", "APPROVED");
        long editor = fixtures.account("Редактор");
        fixtures.member(editor, org, "EDITOR");
        long venue = fixtures.venue(ukraina, org, "Бібліотека", "Київ");
        long first = activityOn(ukraina, org, venue, "Перша");
        long second = activityOn(ukraina, org, venue, "Друга");
        long coordinator = fixtures.accountByEmail("coordinator.ua@example.org");
        long otherCoordinator = fixtures.accountByEmail("coordinator.lt@example.org");

        for (long id : List.of(first, second)) {
            mvc.perform(post("/ukraina/staff/organisations/" + org + "/activities/" + id + "/publish").with(user(as(editor))).with(csrf()))
                    .andExpect(flash().attribute("notice", "editing.notice.sent-for-review"));
            assertThat(statusOf(id)).isEqualTo("PENDING_REVIEW");
        }
        mvc.perform(get("/ukraina/coordinator/activities").with(user(as(otherCoordinator)))).andExpect(status().isForbidden());
        mvc.perform(get("/ukraina/coordinator/activities").with(user(as(editor)))).andExpect(status().isForbidden());
        mvc.perform(get("/ukraina/coordinator/activities").with(user(as(coordinator))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Перша")));

        mvc.perform(post("/ukraina/coordinator/activities/" + first + "/approve").with(user(as(otherCoordinator))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/ukraina/coordinator/activities/" + first + "/approve").with(user(as(coordinator))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(first)).isEqualTo("PUBLISHED");

        mvc.perform(post("/ukraina/coordinator/activities/" + second + "/send-back").with(user(as(coordinator))).with(csrf())
                        .param("reason", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Напишіть, чому активність повертається")));
        assertThat(statusOf(second)).isEqualTo("PENDING_REVIEW");
        mvc.perform(post("/ukraina/coordinator/activities/" + second + "/send-back").with(user(as(coordinator))).with(csrf())
                .param("reason", "Додайте адресу"));
        assertThat(statusOf(second)).isEqualTo("DRAFT");
        mvc.perform(get("/ukraina/staff/organisations/" + org + "/activities/" + second).with(user(as(editor))))
                .andExpect(content().string(containsString("Додайте адресу")));
    }

    private long activityOn(long siteId, long org, long venue, String title) {
        long id = jdbc.sql("INSERT INTO activity (site_id, organisation_id, kind, title) VALUES (?, ?, 'CLASS', jsonb_build_object('uk', ?::text)) RETURNING id")
                .params(siteId, org, title).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, venue_id, starts_at, ends_at)
                        VALUES (?, ?, ?, ?, now() + interval '5 days', now() + interval '5 days 1 hour')
                        """).params(siteId, org, id, venue).update();
        return id;
    }
}
