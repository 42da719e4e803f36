package org.learningmap.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.AccountDeleted;
import org.learningmap.catalogue.SessionCancelled;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.learningmap.enrolment.AttendanceMethod;
import org.learningmap.enrolment.AttendanceRecorded;
import org.learningmap.enrolment.AttendanceWithdrawn;
import org.learningmap.enrolment.EnrolmentConfirmed;
import org.learningmap.enrolment.EnrolmentSource;
import org.learningmap.network.HelpSessionHeld;
import org.learningmap.network.VolunteerHoursLogged;
import org.learningmap.recognition.AwardPath;
import org.learningmap.recognition.BadgeAwarded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The impact figures, fed through the same events the other modules publish, read as a visitor
 * reads them: the page, the CSV, the JSON and the API.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ImpactFiguresTest {

    static final String PERIOD = "from=2026-01&to=2026-06";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Impact impact;
    @Autowired
    org.learningmap.sites.Sites sites;

    ImpactFixture f;
    long phonesForSeniorsA;
    long scamsB;

    @BeforeEach
    void site() {
        f = new ImpactFixture(jdbc, new EditingFixtures(jdbc, passwords), sites);
        phonesForSeniorsA = f.activity(f.orgA, f.topicPhones, "SENIORS");
        scamsB = f.activity(f.orgB, f.topicScams, null);
    }

    private static long someone() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    private void publish(Object event, BooleanSupplier done) {
        transaction.executeWithoutResult(s -> events.publishEvent(event));
        await().atMost(Duration.ofSeconds(20)).until(done::getAsBoolean);
    }

    private long facts() {
        return jdbc.sql("SELECT count(*) FROM impact_fact WHERE site_id = ?").param(f.siteId).query(Long.class).single();
    }

    /** Publishes an event and waits until the impact module has written its facts. */
    private void publish(Object event) {
        long before = facts();
        publish(event, () -> facts() > before);
    }

    private void attended(long activityId, long organisationId, long sessionId, long person) {
        publish(new AttendanceRecorded(f.siteId, organisationId, activityId, sessionId, person, AttendanceMethod.TAP, Instant.now()));
    }

    private JsonNode json(String path) throws Exception {
        String body = mvc.perform(get(f.path(path)).header("Accept-Language", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body);
    }

    @Test
    void aPersonWhoLearnsWithTwoProvidersIsCountedOnce() throws Exception {
        long sessionA = f.session(phonesForSeniorsA, f.orgA, f.venueNorthA, "2026-03-10T10:00");
        long sessionB = f.session(scamsB, f.orgB, f.venueSouthB, "2026-03-12T10:00");
        long[] people = {someone(), someone(), someone(), someone(), someone(), someone()};
        for (long p : people) {
            attended(phonesForSeniorsA, f.orgA, sessionA, p);
        }
        for (int i = 0; i < 5; i++) {
            attended(scamsB, f.orgB, sessionB, people[i]);
        }

        JsonNode all = json("/api/v1/impact?" + PERIOD);
        assertThat(all.at("/totals/attendances/value").asLong()).isEqualTo(11);
        assertThat(all.at("/totals/uniqueLearners/value").asLong()).as("six people, five of them with both providers").isEqualTo(6);
        assertThat(all.at("/totals/sessionsHeld/suppressed").asBoolean()).as("two sessions: under 5").isTrue();
        assertThat(json("/api/v1/impact?" + PERIOD + "&organisation=" + f.orgA).at("/totals/uniqueLearners/value").asLong()).isEqualTo(6);
        assertThat(json("/api/v1/impact?" + PERIOD + "&organisation=" + f.orgB).at("/totals/uniqueLearners/value").asLong()).isEqualTo(5);
    }

    @Test
    void countsUnderFiveAreHiddenAndCannotBeWorkedOutFromTheTotal() throws Exception {
        long north = f.session(phonesForSeniorsA, f.orgA, f.venueNorthA, "2026-02-03T10:00");
        long south = f.session(scamsB, f.orgB, f.venueSouthB, "2026-02-04T10:00");
        for (int i = 0; i < 9; i++) {
            attended(phonesForSeniorsA, f.orgA, north, someone());
        }
        for (int i = 0; i < 3; i++) {
            attended(scamsB, f.orgB, south, someone());
        }

        JsonNode all = json("/api/v1/impact?" + PERIOD);
        assertThat(all.at("/totals/attendances/value").asLong()).isEqualTo(12);
        JsonNode southRow = row(all, f.south);
        JsonNode northRow = row(all, f.north);
        assertThat(southRow.at("/attendances/value").isNull()).isTrue();
        assertThat(southRow.at("/attendances/suppressed").asBoolean()).isTrue();
        assertThat(southRow.at("/populationSharePercent/value").isNull()).as("a share would give the count away").isTrue();
        assertThat(northRow.at("/attendances/suppressed").asBoolean())
                .as("12 minus the north's 9 would give the south's 3 away").isTrue();
        assertThat(all.at("/totals/sessionsHeld/suppressed").asBoolean()).as("2 sessions held").isTrue();

        // An area's own page shows its cell exactly as the site's table does.
        JsonNode northOnly = json("/api/v1/impact/areas/" + f.north + "?" + PERIOD);
        assertThat(northOnly.at("/totals/attendances/suppressed").asBoolean()).isTrue();
        assertThat(northOnly.at("/months").findValues("attendances").stream().noneMatch(n -> n.get("value").asLong() == 9)).isTrue();

        String page = mvc.perform(get(f.path("/impact?" + PERIOD)).header("Accept-Language", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("&lt;5").doesNotContain(">3<").doesNotContain(">9<");
    }

    private static JsonNode row(JsonNode figures, long areaId) {
        for (JsonNode row : figures.get("areas")) {
            if (row.get("area").asLong() == areaId) {
                return row;
            }
        }
        throw new AssertionError("no row for area " + areaId);
    }

    /** The day and month rows of this test's site, as text, in a fixed order. */
    private String cells() {
        return jdbc.sql("""
                        SELECT string_agg(concat_ws(':', 'day', day, organisation_id, area_id, profile_id, sessions_held, enrolments, attendances,
                                                    no_shows, badges, volunteer_minutes, helps), ' ' ORDER BY day, organisation_id, area_id, profile_id)
                          FROM impact_daily WHERE site_id = ?
                        """).param(f.siteId).query(String.class).single()
                + " | " + jdbc.sql("""
                        SELECT string_agg(concat_ws(':', 'month', month, organisation_id, area_id, profile_id, sessions_held, enrolments, attendances,
                                                    no_shows, badges, volunteer_minutes, helps), ' ' ORDER BY month, organisation_id, area_id, profile_id)
                          FROM impact_monthly WHERE site_id = ?
                        """).param(f.siteId).query(String.class).single();
    }

    @Test
    void manySignUpsAndCancellationsOfOneCellAtOnceAddUpExactly() throws Exception {
        long session = f.session(phonesForSeniorsA, f.orgA, f.venueNorthA, "2026-04-07T10:00");
        long otherDay = f.session(phonesForSeniorsA, f.orgA, f.venueNorthA, "2026-04-21T10:00");
        int signUps = 60;
        long[] enrolments = new long[signUps];
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < signUps; i++) {
            enrolments[i] = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
            EnrolmentConfirmed confirmed = new EnrolmentConfirmed(enrolments[i], f.siteId, f.orgA, phonesForSeniorsA,
                    i % 3 == 0 ? otherDay : session, someone(), EnrolmentSource.SELF, Instant.now());
            // each in its own transaction, all at once: the listeners write the same day and month cells concurrently
            threads.add(Thread.ofVirtual().start(() -> transaction.executeWithoutResult(s -> events.publishEvent(confirmed))));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> facts() == signUps);
        threads.clear();
        for (int i = 0; i < signUps; i += 4) {
            org.learningmap.enrolment.EnrolmentCancelled cancelled = new org.learningmap.enrolment.EnrolmentCancelled(enrolments[i], f.siteId,
                    f.orgA, phonesForSeniorsA, i % 3 == 0 ? otherDay : session, null, org.learningmap.enrolment.CancelledBy.PERSON, true,
                    Instant.now());
            threads.add(Thread.ofVirtual().start(() -> transaction.executeWithoutResult(s -> events.publishEvent(cancelled))));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> facts() == signUps + threads.size());

        JsonNode figures = JsonMapper.builder().build().readTree(
                mvc.perform(get(f.path("/impact.json?" + PERIOD))).andReturn().getResponse().getContentAsString());
        assertThat(figures.at("/totals/enrolments/value").asLong()).isEqualTo(signUps - threads.size());
        String added = cells();
        assertThat(added).contains(":" + (signUps - threads.size()) + ":");

        jdbc.sql("TRUNCATE impact_daily, impact_monthly, impact_learner_month").update();
        impact.rebuild();
        assertThat(cells()).as("the rows added up fact by fact equal those recomputed from all facts").isEqualTo(added);
    }

    @Test
    void rebuildingFromTheFactsGivesTheSameFigures() throws Exception {
        long session = f.session(phonesForSeniorsA, f.orgA, f.venueNorthA, "2026-04-07T10:00");
        for (int i = 0; i < 7; i++) {
            long p = someone();
            publish(new EnrolmentConfirmed(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), f.siteId, f.orgA, phonesForSeniorsA,
                    session, p, EnrolmentSource.SELF, Instant.now()));
            attended(phonesForSeniorsA, f.orgA, session, p);
        }
        long withdrawn = someone();
        attended(phonesForSeniorsA, f.orgA, session, withdrawn);
        publish(new AttendanceWithdrawn(f.siteId, f.orgA, phonesForSeniorsA, session, withdrawn, Instant.now()));
        for (int i = 0; i < 6; i++) {
            publish(new BadgeAwarded(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), 1, f.siteId, f.orgA, someone(),
                    AwardPath.ATTENDANCE, Instant.parse("2026-04-08T10:00:00Z")));
        }
        publish(new VolunteerHoursLogged(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), f.siteId, f.orgA, someone(), 600,
                "MANUAL", Instant.parse("2026-04-08T10:00:00Z")));
        String before = mvc.perform(get(f.path("/impact.json?" + PERIOD))).andReturn().getResponse().getContentAsString();
        JsonNode figures = JsonMapper.builder().build().readTree(before);
        assertThat(figures.at("/totals/attendances/value").asLong()).as("the withdrawn one does not count").isEqualTo(7);
        assertThat(figures.at("/totals/uniqueLearners/value").asLong()).isEqualTo(7);
        assertThat(figures.at("/totals/enrolments/value").asLong()).isEqualTo(7);
        assertThat(figures.at("/totals/badgesAwarded/value").asLong()).isEqualTo(6);
        assertThat(figures.at("/totals/volunteerHours/value").asLong()).isEqualTo(10);

        jdbc.sql("TRUNCATE impact_daily, impact_monthly, impact_learner_month").update();
        impact.rebuild();

        String after = mvc.perform(get(f.path("/impact.json?" + PERIOD))).andReturn().getResponse().getContentAsString();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void periodAreaTopicAndAudienceNarrowTheFigures() throws Exception {
        long march = f.session(phonesForSeniorsA, f.orgA, f.venueNorthA, "2026-03-02T10:00");
        long may = f.session(scamsB, f.orgB, f.venueSouthB, "2026-05-05T10:00");
        for (int i = 0; i < 5; i++) {
            attended(phonesForSeniorsA, f.orgA, march, someone());
        }
        for (int i = 0; i < 8; i++) {
            attended(scamsB, f.orgB, may, someone());
        }

        assertThat(json("/api/v1/impact?" + PERIOD).at("/totals/attendances/value").asLong()).isEqualTo(13);
        assertThat(json("/api/v1/impact?from=2026-03&to=2026-03").at("/totals/attendances/value").asLong()).isEqualTo(5);
        assertThat(json("/api/v1/impact?from=2026-04&to=2026-12").at("/totals/attendances/value").asLong()).isEqualTo(8);
        assertThat(json("/api/v1/impact?from=2025-01&to=2025-12").at("/totals/attendances/value").asLong()).isZero();
        assertThat(json("/api/v1/impact/areas/" + f.south + "?" + PERIOD).at("/totals/attendances/value").asLong()).isEqualTo(8);
        assertThat(json("/api/v1/impact?" + PERIOD + "&topic=" + f.topicPhones).at("/totals/attendances/value").asLong()).isEqualTo(5);
        assertThat(json("/api/v1/impact?" + PERIOD + "&audience=SENIORS").at("/totals/attendances/value").asLong()).isEqualTo(5);

        // The page's form works without JavaScript: choosing an area leads to the area's page.
        mvc.perform(get(f.path("/impact?" + PERIOD + "&area=" + f.south)))
                .andExpect(status().is3xxRedirection());
        String areaPage = mvc.perform(get(f.path("/impact/areas/" + f.south + "?" + PERIOD)).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(areaPage).contains("Impact in South County");
        mvc.perform(get(f.path("/impact?from=March")).header("Accept-Language", "en")).andExpect(status().isBadRequest());
    }

    @Test
    void theShareOfTheAreasPopulationReachedIsShown() throws Exception {
        long south = f.session(scamsB, f.orgB, f.venueSouthB, "2026-02-10T10:00");
        for (int i = 0; i < 10; i++) {
            attended(scamsB, f.orgB, south, someone());
        }
        JsonNode area = json("/api/v1/impact/areas/" + f.south + "?" + PERIOD);
        assertThat(area.at("/totals/population").asLong()).isEqualTo(2_000);
        assertThat(area.at("/totals/populationSharePercent/value").asDouble()).as("10 of 2,000 people").isEqualTo(0.5);
        JsonNode site = json("/api/v1/impact?" + PERIOD);
        assertThat(site.at("/totals/population").asLong()).isEqualTo(12_000);
        assertThat(site.at("/totals/populationSharePercent/value").asDouble()).isEqualTo(0.08);
    }

    @Test
    void staffSeeTheirOwnOrganisationsFiguresAndNoOtherOne() throws Exception {
        long editorA = f.person("Editor A");
        long editorB = f.person("Editor B");
        new EditingFixtures(jdbc, passwords).member(editorA, f.orgA, "EDITOR");
        new EditingFixtures(jdbc, passwords).member(editorB, f.orgB, "EDITOR");
        var fixtures = new EditingFixtures(jdbc, passwords);
        String page = mvc.perform(get(f.path("/staff/organisations/" + f.orgA + "/impact")).with(user(fixtures.principal(editorA)))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Impact of Library A");
        mvc.perform(get(f.path("/staff/organisations/" + f.orgA + "/impact")).with(user(fixtures.principal(editorB))))
                .andExpect(status().isForbidden());
        mvc.perform(get(f.path("/staff/organisations/" + f.orgA + "/impact"))).andExpect(status().is3xxRedirection());
    }

    @Test
    void theCsvAndTheJsonCarryTheSameFiguresAsThePage() throws Exception {
        long session = f.session(phonesForSeniorsA, f.orgA, f.venueNorthA, "2026-06-01T10:00");
        for (int i = 0; i < 6; i++) {
            attended(phonesForSeniorsA, f.orgA, session, someone());
        }
        for (int i = 0; i < 2; i++) {
            publish(new HelpSessionHeld(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), f.siteId, f.orgA, f.venueNorthA, someone(),
                    someone(), "e-government", "lt", Instant.parse("2026-06-02T10:00:00Z")));
        }
        var response = mvc.perform(get(f.path("/impact.csv?" + PERIOD)).header("Accept-Language", "en")).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains(".csv");
        String csv = response.getContentAsString();
        assertThat(csv).startsWith("table,row,figure,value,suppressed\r\n")
                .contains("totals,all,attendances,6,false\r\n")
                .contains("totals,all,unique_learners,6,false\r\n")
                .contains("totals,all,one_to_one_helps,,true\r\n")
                .contains("months,2026-06,attendances,6,false\r\n")
                .contains("areas,North County,attendances,6,false\r\n");
        JsonNode json = json("/impact.json?" + PERIOD);
        assertThat(json.at("/totals/attendances/value").asLong()).isEqualTo(6);
        assertThat(json.at("/totals/oneToOneHelps/value").isNull()).isTrue();
        assertThat(json.at("/totals/oneToOneHelps/suppressed").asBoolean()).isTrue();
        assertThat(json).isEqualTo(json("/api/v1/impact?" + PERIOD));
    }

    @Test
    void aCancelledSessionIsNoLongerHeldAndADeletedAccountStillCounts() throws Exception {
        long kept = f.session(phonesForSeniorsA, f.orgA, f.venueNorthA, "2026-01-12T10:00");
        long[] people = new long[6];
        for (int i = 0; i < people.length; i++) {
            people[i] = someone();
            attended(phonesForSeniorsA, f.orgA, kept, people[i]);
        }
        var sessions = new long[5];
        for (int i = 0; i < sessions.length; i++) {
            sessions[i] = f.session(phonesForSeniorsA, f.orgA, f.venueNorthA, "2026-01-2" + i + "T10:00");
            attended(phonesForSeniorsA, f.orgA, sessions[i], people[0]);
        }
        assertThat(json("/api/v1/impact?" + PERIOD).at("/totals/sessionsHeld/value").asLong()).isEqualTo(6);
        publish(new SessionCancelled(sessions[4], phonesForSeniorsA, f.siteId, Instant.now()));
        assertThat(json("/api/v1/impact?" + PERIOD).at("/totals/sessionsHeld/value").asLong()).isEqualTo(5);

        byte[] keyBefore = jdbc.sql("SELECT person_key FROM impact_person p JOIN impact_fact x ON x.person_id = p.id WHERE x.site_id = ? LIMIT 1")
                .param(f.siteId).query(byte[].class).single();
        for (long p : people) {
            transaction.executeWithoutResult(s -> events.publishEvent(new AccountDeleted(p, Instant.now())));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM impact_person WHERE person_key = ?")
                .param(keyBefore).query(Long.class).single() == 0);
        impact.rebuild();
        assertThat(json("/api/v1/impact?" + PERIOD).at("/totals/uniqueLearners/value").asLong())
                .as("the people are no longer linked to accounts, and still counted").isEqualTo(6);
    }
}
