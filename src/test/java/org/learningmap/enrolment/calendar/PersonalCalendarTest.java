package org.learningmap.enrolment.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.platform.Json;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** A person sees their own sessions in their calendar app through a private link, and can replace the link. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalCalendarTest {

    private static final Pattern LINK = Pattern.compile("(http://[^\"]*/calendar/personal/[A-Za-z0-9_-]{43}\\.ics)");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Sites sites;

    CalendarWorld world;
    long poetry;
    long chess;
    long course;
    long courseFirst;
    long courseSecond;
    long cancelledPlace;
    long othersOnly;
    long pastLong;

    @BeforeAll
    void world() {
        world = new CalendarWorld(jdbc);
        sites.refresh();
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        long poetryActivity = world.activity("CLASS", "Poetry evening", "Poezijos vakaras", "Поетичний вечір");
        poetry = world.session(poetryActivity, start);
        long chessActivity = world.activity("CLASS", "Chess for beginners", "Šachmatai pradedantiesiems", "Шахи для початківців");
        chess = world.session(chessActivity, start.plus(Duration.ofDays(1)));
        course = world.activity("COURSE", "Computer basics", "Kompiuterio pagrindai", "Основи роботи з комп’ютером");
        courseFirst = world.session(course, start.plus(Duration.ofDays(2)));
        courseSecond = world.session(course, start.plus(Duration.ofDays(9)));
        long yogaActivity = world.activity("CLASS", "Yoga", "Joga", "Йога");
        cancelledPlace = world.session(yogaActivity, start.plus(Duration.ofDays(4)));
        long otherActivity = world.activity("CLASS", "Someone else's class", "Kito žmogaus pamoka", "Чуже заняття");
        othersOnly = world.session(otherActivity, start.plus(Duration.ofDays(5)));
        long oldActivity = world.activity("CLASS", "Long ago", "Seniai", "Давно");
        pastLong = world.session(oldActivity, start.minus(Duration.ofDays(200)));
    }

    private CurrentAccount person(String language) {
        String email = "cal-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        long id = jdbc.sql("INSERT INTO account (email, password_hash, display_name, preferred_language) VALUES (?, 'x', 'Test', ?) RETURNING id")
                .params(email, language).query(Long.class).single();
        return new CurrentAccount(id, email, "Test", null, true, false, false, Set.of());
    }

    private String makeLink(CurrentAccount me) throws Exception {
        String page = mvc.perform(post(world.base() + "/account/calendar/link").param("lang", "en").with(user(me)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher link = LINK.matcher(page);
        assertThat(link.find()).as("the page shows the new link").isTrue();
        return link.group(1).replaceFirst("http://localhost", "");
    }

    private Calendar feed(String path) throws Exception {
        var response = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/calendar");
        return new CalendarBuilder().build(new StringReader(response.getContentAsString(StandardCharsets.UTF_8)));
    }

    private static String property(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static Map<Long, String> sessions(Calendar calendar) {
        return calendar.<VEvent>getComponents("VEVENT").stream().collect(Collectors.toMap(
                event -> Long.parseLong(property(event, "UID").replaceAll("session-(\\d+)@.*", "$1")),
                event -> property(event, "STATUS")));
    }

    @Test
    void theFeedHasTheOwnersPlacesAndMarksTheWaitlistTentative() throws Exception {
        CurrentAccount ona = person("lt");
        CurrentAccount someoneElse = person("en");
        world.enrol(ona, poetry, "CONFIRMED");
        world.enrol(ona, chess, "WAITLISTED");
        world.enrolInCourse(ona, course, "CONFIRMED");
        world.enrol(ona, cancelledPlace, "CANCELLED");
        world.enrol(ona, pastLong, "CONFIRMED");
        world.enrol(someoneElse, othersOnly, "CONFIRMED");

        Calendar calendar = feed(makeLink(ona));

        assertThat(sessions(calendar)).containsOnly(
                Map.entry(poetry, "CONFIRMED"), Map.entry(chess, "TENTATIVE"),
                Map.entry(courseFirst, "CONFIRMED"), Map.entry(courseSecond, "CONFIRMED"));
        assertThat(calendar.<VEvent>getComponents("VEVENT")).extracting(event -> property(event, "SUMMARY"))
                .contains("Poezijos vakaras", "Kompiuterio pagrindai");
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("Mano mokymosi užsiėmimai");
    }

    @Test
    void aNewLinkStopsTheOldOneAndTurningItOffStopsBoth() throws Exception {
        CurrentAccount me = person("uk");
        world.enrol(me, poetry, "CONFIRMED");
        String old = makeLink(me);
        assertThat(sessions(feed(old))).containsOnlyKeys(poetry);

        String fresh = makeLink(me);
        assertThat(fresh).isNotEqualTo(old);
        mvc.perform(get(old)).andExpect(status().isNotFound());
        assertThat(sessions(feed(fresh))).containsOnlyKeys(poetry);

        mvc.perform(post(world.base() + "/account/calendar/off").with(user(me)).with(csrf())).andExpect(status().isOk());
        mvc.perform(get(fresh)).andExpect(status().isNotFound());
    }

    @Test
    void anUnknownLinkIsNotFoundAndSaysNothingMore() throws Exception {
        String body = mvc.perform(get(world.base() + "/calendar/personal/" + "A".repeat(43) + ".ics"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("AAAAAAAA").doesNotContain("Exception");
        mvc.perform(get(world.base() + "/calendar/personal/short.ics")).andExpect(status().isNotFound());
    }

    @Test
    void thePageWarnsThatAnyoneWithTheLinkSeesTheSessionsInEachLanguage() throws Exception {
        CurrentAccount me = person("en");
        mvc.perform(get(world.base() + "/account/calendar")).andExpect(status().is3xxRedirection());
        String english = mvc.perform(get(world.base() + "/account/calendar").param("lang", "en").with(user(me)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Anyone who has the link").contains("Make my link").doesNotContain("Make a new link");
        makeLink(me);
        String lithuanian = mvc.perform(get(world.base() + "/account/calendar").param("lang", "lt").with(user(me)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(lithuanian).contains("Kiekvienas, turintis nuorodą").contains("Sukurti naują nuorodą");
        assertThat(LINK.matcher(lithuanian).find()).as("the link is shown only when it is made").isFalse();
        String ukrainian = mvc.perform(get(world.base() + "/account/calendar").param("lang", "uk").with(user(me)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ukrainian).contains("Кожен, хто має посилання").contains("Створити нове посилання");
    }

    /** A site, an organisation and a venue with activities and sessions, and enrolments of people in them. */
    static final class CalendarWorld {
        private final JdbcClient jdbc;
        private final long site;
        private final long organisation;
        private final long venue;
        private final String slug;

        CalendarWorld(JdbcClient jdbc) {
            this.jdbc = jdbc;
            slug = "c-" + UUID.randomUUID().toString().substring(0, 8);
            site = jdbc.sql("""
                            INSERT INTO site (slug, name, country, languages, default_language, time_zone, centre_lat, centre_lon)
                            VALUES (?, ?::jsonb, 'LT', '{lt,en,uk}', 'lt', 'Europe/Vilnius', 54.7, 25.3) RETURNING id""")
                    .params(slug, Json.json(LocalizedText.of("Calendar town", "Kalendoriaus miestas", "Календарне місто")))
                    .query(Long.class).single();
            organisation = jdbc.sql("""
                            INSERT INTO organisation (site_id, slug, kind, name, status)
                            VALUES (?, ?, 'LIBRARY', ?::jsonb, 'APPROVED') RETURNING id""")
                    .params(site, "o-" + slug, Json.json(LocalizedText.of("en", "Town Library"))).query(Long.class).single();
            venue = jdbc.sql("""
                            INSERT INTO venue (site_id, organisation_id, kind, name, address, town, lat, lon)
                            VALUES (?, ?, 'LIBRARY_BRANCH', ?::jsonb, 'Laisvės al. 1', 'Kaunas', 54.9, 23.9) RETURNING id""")
                    .params(site, organisation, Json.json(LocalizedText.of("en", "Main Library"))).query(Long.class).single();
        }

        String base() {
            return "/" + slug;
        }

        long activity(String kind, String en, String lt, String uk) {
            return jdbc.sql("""
                            INSERT INTO activity (site_id, organisation_id, kind, status, title, audiences, languages, published_at)
                            VALUES (?, ?, ?, 'PUBLISHED', ?::jsonb, '{ADULTS}', '{lt}', now()) RETURNING id""")
                    .params(site, organisation, kind, Json.json(LocalizedText.of(en, lt, uk))).query(Long.class).single();
        }

        long session(long activity, Instant start) {
            return jdbc.sql("""
                            INSERT INTO session (site_id, organisation_id, activity_id, venue_id, starts_at, ends_at)
                            VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(site, organisation, activity, venue, Timestamp.from(start), Timestamp.from(start.plusSeconds(5400)))
                    .query(Long.class).single();
        }

        private long pool(long activity, Long session) {
            String find = session == null ? "SELECT id FROM place_pool WHERE activity_id = ? AND session_id IS NULL"
                    : "SELECT id FROM place_pool WHERE session_id = ?";
            return jdbc.sql(find).param(session == null ? activity : session).query(Long.class).optional().orElseGet(() ->
                    jdbc.sql("INSERT INTO place_pool (site_id, organisation_id, activity_id, session_id) VALUES (?, ?, ?, ?) RETURNING id")
                            .params(site, organisation, activity, session).query(Long.class).single());
        }

        void enrol(CurrentAccount person, long session, String status) {
            long activity = jdbc.sql("SELECT activity_id FROM session WHERE id = ?").param(session).query(Long.class).single();
            insert(person, activity, session, status);
        }

        void enrolInCourse(CurrentAccount person, long activity, String status) {
            insert(person, activity, null, status);
        }

        private void insert(CurrentAccount person, long activity, Long session, String status) {
            jdbc.sql("""
                            INSERT INTO enrolment (pool_id, site_id, organisation_id, activity_id, session_id, account_id, status, source)
                            VALUES (?, ?, ?, ?, ?, ?, ?, 'SELF')""")
                    .params(pool(activity, session), site, organisation, activity, session, person.id(), status)
                    .update();
        }
    }
}
