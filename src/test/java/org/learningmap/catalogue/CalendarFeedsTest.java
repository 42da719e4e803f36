package org.learningmap.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Calendar apps subscribe to a site's, an organisation's, a venue's or a topic's coming sessions; e-mails carry one session. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarFeedsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Sites sites;
    @Autowired
    Catalogue catalogue;

    CatalogueFixture fixture;
    String base;
    long siteId;
    long library;
    long youthCentre;
    long branch;
    long hall;
    long otherSiteOrganisation;
    long robotics;
    long robotics1;
    long roboticsCancelled;
    long roboticsPast;
    long roboticsFar;
    long draftSession;
    long dance1;
    long onlineTalk;

    @BeforeAll
    void catalogue() {
        fixture = new CatalogueFixture(jdbc);
        siteId = fixture.site("Europe/Vilnius");
        long otherSite = fixture.site("Europe/Vilnius");
        sites.refresh();
        base = "/" + fixture.slugOf(siteId);
        library = fixture.organisation(siteId, "Kaunas Library");
        youthCentre = fixture.organisation(siteId, "Kaunas Youth Centre");
        otherSiteOrganisation = fixture.organisation(otherSite, "Elsewhere Library");
        branch = fixture.venue(siteId, library, "Šilainiai Branch", "Kaunas", 54.93, 23.88);
        hall = fixture.venue(siteId, youthCentre, "Youth Hall", "Kaunas", 54.90, 23.90);
        long digital = fixture.topic(siteId, "digital", "Digital skills", "Skaitmeniniai įgūdžiai", "Цифрові навички");
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);

        robotics = fixture.activity(siteId, library).title("Robotics club", "Robotikos būrelis", "Гурток робототехніки")
                .summary("Build a robot", "Sukonstruok robotą", "Збери робота").topic(digital).insert();
        robotics1 = fixture.session(robotics, branch, start, start.plusSeconds(5400));
        roboticsCancelled = fixture.session(robotics, branch, start.plus(Duration.ofDays(7)), start.plus(Duration.ofDays(7)).plusSeconds(5400), "CANCELLED");
        roboticsPast = fixture.session(robotics, branch, start.minus(Duration.ofDays(9)), start.minus(Duration.ofDays(9)).plusSeconds(5400));
        roboticsFar = fixture.session(robotics, branch, start.plus(Duration.ofDays(150)), start.plus(Duration.ofDays(150)).plusSeconds(5400));
        long draft = fixture.activity(siteId, library).title("Secret draft").status("DRAFT").topic(digital).insert();
        draftSession = fixture.session(draft, branch, start, start.plusSeconds(3600));
        long dance = fixture.activity(siteId, youthCentre).title("Dance workshop", "Šokių dirbtuvės", "Танцювальна майстерня").insert();
        dance1 = fixture.session(dance, hall, start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(1)).plusSeconds(3600));
        long talk = fixture.activity(siteId, youthCentre).title("Online safety talk").insert();
        onlineTalk = fixture.session(talk, null, start.plus(Duration.ofDays(3)), start.plus(Duration.ofDays(3)).plusSeconds(3600));
        long elsewhere = fixture.activity(otherSite, otherSiteOrganisation).title("Elsewhere").insert();
        fixture.session(elsewhere, null, start, start.plusSeconds(3600));
    }

    private MockHttpServletResponse fetch(String path, String language) throws Exception {
        return mvc.perform(get(base + path).param("lang", language)).andExpect(status().isOk()).andReturn().getResponse();
    }

    private static Calendar parse(MockHttpServletResponse response) throws Exception {
        assertThat(response.getContentType()).startsWith("text/calendar");
        return parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents("VEVENT");
    }

    private static String property(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    /** The sessions in the calendar by their id (taken from the UID), with their status. */
    private static Map<Long, String> sessions(Calendar calendar) {
        return events(calendar).stream().collect(Collectors.toMap(
                event -> Long.parseLong(property(event, "UID").replaceAll("session-(\\d+)@.*", "$1")),
                event -> property(event, "STATUS")));
    }

    @Test
    void theSiteFeedHasTheComingPublishedSessionsAndMarksCancelledOnes() throws Exception {
        Calendar calendar = parse(fetch("/calendar.ics", "lt"));

        assertThat(sessions(calendar)).contains(
                Map.entry(robotics1, "CONFIRMED"), Map.entry(roboticsCancelled, "CANCELLED"),
                Map.entry(dance1, "CONFIRMED"), Map.entry(onlineTalk, "CONFIRMED"))
                .doesNotContainKeys(roboticsPast, roboticsFar, draftSession)
                .as("only this site's sessions").hasSizeLessThanOrEqualTo(5);
        VEvent first = events(calendar).stream().filter(e -> property(e, "UID").startsWith("session-" + robotics1 + "@")).findFirst().orElseThrow();
        assertThat(property(first, "SUMMARY")).isEqualTo("Robotikos būrelis");
        assertThat(property(first, "LOCATION")).isEqualTo("Šilainiai Branch, Gedimino pr. 1, Kaunas");
        assertThat(property(first, "URL")).endsWith(base + "/activities/" + robotics);
        assertThat(first.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Vilnius");
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).contains("mokymosi veiklos");
    }

    @Test
    void anOrganisationsFeedHasOnlyItsOwnSessions() throws Exception {
        assertThat(sessions(parse(fetch("/organisations/" + library + "/calendar.ics", "en"))).keySet())
                .containsExactlyInAnyOrder(robotics1, roboticsCancelled);
        assertThat(sessions(parse(fetch("/organisations/" + youthCentre + "/calendar.ics", "en"))).keySet())
                .contains(dance1, onlineTalk).doesNotContain(robotics1, roboticsCancelled);
        mvc.perform(get(base + "/organisations/" + otherSiteOrganisation + "/calendar.ics")).andExpect(status().isNotFound());
        mvc.perform(get(base + "/organisations/999999999/calendar.ics")).andExpect(status().isNotFound());
    }

    @Test
    void aVenuesAndATopicsFeedHaveOnlyTheirSessionsInTheChosenLanguage() throws Exception {
        assertThat(sessions(parse(fetch("/venues/" + hall + "/calendar.ics", "en"))).keySet()).containsExactly(dance1);
        Calendar topic = parse(fetch("/topics/digital/calendar.ics", "uk"));
        assertThat(sessions(topic).keySet()).containsExactlyInAnyOrder(robotics1, roboticsCancelled);
        assertThat(events(topic)).allSatisfy(event -> assertThat(property(event, "SUMMARY")).isEqualTo("Гурток робототехніки"));
        assertThat(topic.getProperty("X-WR-CALNAME").orElseThrow().getValue()).startsWith("Цифрові навички");
        mvc.perform(get(base + "/topics/no-such-topic/calendar.ics")).andExpect(status().isNotFound());
        mvc.perform(get(base + "/venues/999999999/calendar.ics")).andExpect(status().isNotFound());
    }

    @Test
    void aCalendarAppPollingAnUnchangedFeedIsToldNothingChanged() throws Exception {
        String path = base + "/organisations/" + youthCentre + "/calendar.ics";
        MockHttpServletResponse first = mvc.perform(get(path).param("lang", "en")).andExpect(status().isOk()).andReturn().getResponse();
        String etag = first.getHeader("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.getHeader("Last-Modified")).isNotBlank();

        mvc.perform(get(path).param("lang", "en").header("If-None-Match", etag)).andExpect(status().isNotModified());

        long talk = fixture.activity(siteId, youthCentre).title("New evening class").insert();
        long added = fixture.session(talk, hall, Instant.now().plus(Duration.ofDays(4)), Instant.now().plus(Duration.ofDays(4)).plusSeconds(3600));
        MockHttpServletResponse changed = mvc.perform(get(path).param("lang", "en").header("If-None-Match", etag))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
        assertThat(sessions(parse(changed))).containsKey(added);
    }

    @Test
    void pagesOfferToSubscribeToTheirCalendar() throws Exception {
        String organisation = fetch("/organisations/" + library, "en").getContentAsString(StandardCharsets.UTF_8);
        assertThat(organisation).contains("Subscribe to calendar").contains(base + "/organisations/" + library + "/calendar.ics");
        String venue = fetch("/venues/" + hall, "lt").getContentAsString(StandardCharsets.UTF_8);
        assertThat(venue).contains("Prenumeruoti kalendorių").contains(base + "/venues/" + hall + "/calendar.ics");
        String search = fetch("/search?topic=digital", "uk").getContentAsString(StandardCharsets.UTF_8);
        assertThat(search).contains("Підписатися на календар").contains(base + "/topics/digital/calendar.ics");
        String all = fetch("/search", "en").getContentAsString(StandardCharsets.UTF_8);
        assertThat(all).contains(base + "/calendar.ics");
    }

    @Test
    void oneSessionsFileForAnEmailIsInTheLanguageWithTheSameUidAsTheFeeds() throws Exception {
        CalendarFile file = catalogue.sessionCalendar(robotics1, "uk", false).orElseThrow();
        assertThat(file.contentType()).isEqualTo("text/calendar; charset=UTF-8; method=PUBLISH");
        Calendar calendar = parse(file.text());
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("PUBLISH");
        VEvent event = events(calendar).getFirst();
        assertThat(property(event, "SUMMARY")).isEqualTo("Гурток робототехніки");
        assertThat(property(event, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(property(event, "UID")).startsWith("session-" + robotics1 + "@");
        assertThat(property(event, "URL")).endsWith("/activities/" + robotics);
        String feedUid = events(parse(fetch("/calendar.ics", "en"))).stream().map(e -> property(e, "UID"))
                .filter(uid -> uid.startsWith("session-" + robotics1 + "@")).findFirst().orElseThrow();
        assertThat(property(event, "UID")).isEqualTo(feedUid);

        CalendarFile notice = catalogue.sessionCalendar(robotics1, "lt", true).orElseThrow();
        assertThat(notice.method()).isEqualTo("CANCEL");
        Calendar cancellation = parse(notice.text());
        assertThat(cancellation.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(property(events(cancellation).getFirst(), "STATUS")).isEqualTo("CANCELLED");
        assertThat(property(events(cancellation).getFirst(), "SEQUENCE")).isEqualTo("1");
        assertThat(property(events(cancellation).getFirst(), "UID")).isEqualTo(feedUid);

        assertThat(catalogue.sessionCalendar(999_999_999L, "en", false)).isEmpty();
    }

    @Test
    void aSessionsFileShowsTheSessionAsItIsNowWithAFreshTimeStamp() throws Exception {
        long course = fixture.activity(siteId, library).title("Knitting", "Mezgimas", "В'язання").insert();
        Instant start = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
        long session = fixture.session(course, branch, start, start.plusSeconds(3600));
        Calendar first = parse(catalogue.sessionCalendar(session, "en", false).orElseThrow().text());
        Thread.sleep(1100);
        Calendar again = parse(catalogue.sessionCalendar(session, "en", false).orElseThrow().text());
        assertThat(property(events(again).getFirst(), "DTSTAMP")).as("each message's file is stamped when it is made")
                .isNotEqualTo(property(events(first).getFirst(), "DTSTAMP"));
        assertThat(property(events(again).getFirst(), "SUMMARY")).isEqualTo("Knitting");

        Instant later = start.plus(Duration.ofDays(1));
        jdbc.sql("UPDATE session SET starts_at = ?, ends_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(later), java.sql.Timestamp.from(later.plusSeconds(3600)), session).update();
        VEvent moved = events(parse(catalogue.sessionCalendar(session, "en", false).orElseThrow().text())).getFirst();
        java.time.temporal.Temporal begins = moved.getDateTimeStart().getDate();
        Instant parsed = begins instanceof Instant instant ? instant : java.time.ZonedDateTime.from(begins).toInstant();
        assertThat(parsed).as("a moved session's file has the new time").isEqualTo(later);
    }

    @Test
    void aUkrainianSitesFeedCarriesKyivTime() throws Exception {
        long kyiv = fixture.site("Europe/Kyiv");
        sites.refresh();
        long hub = fixture.organisation(kyiv, "Kyiv Digital Hub");
        long room = fixture.venue(kyiv, hub, "Hub room", "Kyiv", 50.45, 30.52);
        long course = fixture.activity(kyiv, hub).title("Smartphone basics", "Išmanusis telefonas", "Основи смартфона").insert();
        Instant start = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);
        long session = fixture.session(course, room, start, start.plusSeconds(3600));

        MockHttpServletResponse response = mvc.perform(get("/" + fixture.slugOf(kyiv) + "/calendar.ics").param("lang", "uk"))
                .andExpect(status().isOk()).andReturn().getResponse();
        Calendar calendar = parse(response);
        VEvent event = events(calendar).getFirst();
        assertThat(property(event, "UID")).startsWith("session-" + session + "@");
        assertThat(property(event, "SUMMARY")).isEqualTo("Основи смартфона");
        java.time.temporal.Temporal begins = event.getDateTimeStart().getDate();
        Instant parsed = begins instanceof Instant instant ? instant : java.time.ZonedDateTime.from(begins).toInstant();
        assertThat(parsed).as("the start is the same moment in any zone").isEqualTo(start);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as("the zone is defined in the file")
                .contains("BEGIN:VTIMEZONE\r\nTZID:" + event.getDateTimeStart().getParameter("TZID").orElseThrow().getValue() + "\r\n");
    }

    @Test
    void theAddToCalendarFileOfASessionStillWorks() throws Exception {
        Calendar calendar = parse(fetch("/sessions/" + dance1 + ".ics", "lt"));
        assertThat(property(events(calendar).getFirst(), "SUMMARY")).isEqualTo("Šokių dirbtuvės");
        assertThat(sessions(parse(fetch("/activities/" + robotics + ".ics", "en"))).keySet())
                .contains(robotics1, roboticsCancelled).doesNotContain(roboticsPast);
        mvc.perform(get(base + "/sessions/" + draftSession + ".ics")).andExpect(status().isNotFound());
    }
}
