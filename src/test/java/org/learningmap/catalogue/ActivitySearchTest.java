package org.learningmap.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** What a visitor finds with each filter, sort order and kind of text, against the real PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivitySearchTest {

    /** A Monday morning in Vilnius (UTC+3 in summer). */
    static final Instant NOW = Instant.parse("2031-06-02T07:00:00Z");
    static final ZoneId VILNIUS = ZoneId.of("Europe/Vilnius");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ActivitySearch search;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired
    Topics topics;

    long site;
    long smartphone;
    long robotics;
    long englishClub;
    long selfStudy;
    long camp;
    long paidPainting;
    long draft;
    long cancelledOnly;
    long pastOnly;
    long lateNight;
    long digitalSkills;
    long arts;

    @BeforeAll
    void catalogue() {
        var fixture = new CatalogueFixture(jdbc);
        site = fixture.site("Europe/Vilnius");
        long library = fixture.organisation(site, "Vilnius City Library");
        long centre = fixture.venue(site, library, "Central Library", "Vilnius", 54.687, 25.279, "STEP_FREE", "HEARING_LOOP");
        long branch = fixture.venue(site, library, "Žirmūnai Branch", "Vilnius", 54.711, 25.300);
        long kaunas = fixture.venue(site, library, "Kaunas Branch", "Kaunas", 54.898, 23.903, "STEP_FREE");
        digitalSkills = fixture.topic(site, "digital-skills", "Digital skills", "Skaitmeniniai įgūdžiai", "Цифрові навички");
        arts = fixture.topic(site, "arts", "Arts", "Menai", "Мистецтво");

        smartphone = fixture.activity(site, library)
                .title("Smartphone basics for seniors", "Išmaniojo telefono pradžiamokslis senjorams", "Основи користування смартфоном")
                .summary("Calls, messages and photos on your own phone.")
                .audiences("SENIORS").languages("lt").ages(60, null).kind("COURSE").topic(digitalSkills).insert();
        fixture.session(smartphone, centre, at(3, 10), at(3, 12));
        fixture.session(smartphone, centre, at(10, 10), at(10, 12));

        robotics = fixture.activity(site, library)
                .title("Robotics club for children", "Robotikos būrelis vaikams", "Гурток робототехніки для дітей")
                .audiences("CHILDREN", "FAMILIES").languages("lt", "en").ages(8, 14).kind("CLUB").topic(digitalSkills).insert();
        fixture.session(robotics, kaunas, at(1, 14), at(1, 16));

        englishClub = fixture.activity(site, library)
                .title("English conversation club", "Anglų kalbos pokalbių klubas", "Розмовний клуб англійської")
                .description("We practise speaking about smartphones, travel and work.")
                .audiences("ADULTS", "MIGRANTS").languages("en", "uk").kind("CLUB").insert();
        fixture.session(englishClub, null, at(2, 17), at(2, 18));

        selfStudy = fixture.activity(site, library)
                .title("Online safety at your own pace", "Saugumas internete savu tempu", "Безпека в інтернеті у власному темпі")
                .audiences("ADULTS").languages("lt", "uk").kind("ONLINE_COURSE").topic(digitalSkills).insert();

        // A camp that started two days ago and runs for another three.
        camp = fixture.activity(site, library).title("Summer art camp").audiences("CHILDREN").languages("lt")
                .kind("CAMP").topic(arts).insert();
        fixture.session(camp, branch, NOW.minus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(3)));

        paidPainting = fixture.activity(site, library).title("Watercolour painting").audiences("ADULTS").languages("lt")
                .price(1500).topic(arts).insert();
        fixture.session(paidPainting, branch, at(5, 15), at(5, 17));

        draft = fixture.activity(site, library).title("Smartphone photography draft").status("DRAFT").insert();
        fixture.session(draft, centre, at(4, 10), at(4, 11));

        cancelledOnly = fixture.activity(site, library).title("Smartphone repair café").insert();
        fixture.session(cancelledOnly, centre, at(6, 10), at(6, 11), "CANCELLED");

        pastOnly = fixture.activity(site, library).title("Smartphone security evening").insert();
        fixture.session(pastOnly, centre, NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(3)).plusSeconds(3600));

        // 22:30 UTC on 8 June is 01:30 on 9 June in Vilnius.
        lateNight = fixture.activity(site, library).title("Stargazing night").audiences("FAMILIES").languages("lt").insert();
        fixture.session(lateNight, kaunas, Instant.parse("2031-06-08T22:30:00Z"), Instant.parse("2031-06-09T00:30:00Z"));
    }

    /** {@code days} after NOW at {@code hour}:00 Vilnius time. */
    static Instant at(int days, int hour) {
        return NOW.atZone(VILNIUS).plusDays(days).withHour(hour).toInstant();
    }

    SearchResult find(String... parameters) {
        return find(search, parameters);
    }

    /** The same search answered by walking sessions and venues, as it is for thousands of results. */
    SearchResult walk(String... parameters) {
        return find(new ActivitySearch(jdbc, transactions, topics, 0), parameters);
    }

    SearchResult find(ActivitySearch search, String... parameters) {
        var parsed = SearchFilters.parse(parameters(parameters));
        assertThat(parsed.errors()).isEmpty();
        return search.search(site, VILNIUS, parsed.filters(), 1, NOW);
    }

    static Map<String, String[]> parameters(String... parameters) {
        Map<String, String[]> map = new HashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.merge(parameters[i], new String[] {parameters[i + 1]}, (a, b) -> {
                String[] both = java.util.Arrays.copyOf(a, a.length + 1);
                both[a.length] = b[0];
                return both;
            });
        }
        return map;
    }

    List<Long> ids(String... parameters) {
        return find(parameters).items().stream().map(ActivityCard::id).toList();
    }

    @Test
    void everythingAvailableIsFoundButNotDraftsCancelledOrPastActivities() {
        SearchResult all = find();
        assertThat(all.items()).extracting(ActivityCard::id)
                .containsExactlyInAnyOrder(smartphone, robotics, englishClub, selfStudy, camp, paidPainting, lateNight);
        assertThat(all.total()).isEqualTo(7);
    }

    @Test
    void wordsAreFoundInEachLanguageWithStemsTyposAndMissingDiacritics() {
        assertThat(ids("q", "smartphone")).startsWith(smartphone).doesNotContain(draft, cancelledOnly, pastOnly);
        assertThat(ids("q", "telefonas")).containsExactly(smartphone);
        assertThat(ids("q", "смартфоном")).containsExactly(smartphone);
        assertThat(ids("q", "смартфон")).containsExactly(smartphone);
        assertThat(ids("q", "smartphne")).containsExactly(smartphone);
        assertThat(ids("q", "ismaniojo")).containsExactly(smartphone);
        assertThat(ids("q", "robotikos burelis")).containsExactly(robotics);
        assertThat(ids("q", "chess")).isEmpty();
    }

    @Test
    void aTitleMatchRanksAboveAMatchInTheDescription() {
        assertThat(ids("q", "smartphones")).containsExactly(smartphone, englishClub);
    }

    @Test
    void soonestOrdersByTheNextSessionWithRunningCampsFirstAndSelfStudyLast() {
        List<Long> expected = List.of(camp, robotics, englishClub, smartphone, paidPainting, lateNight, selfStudy);
        assertThat(ids("sort", "soonest")).containsExactlyElementsOf(expected);
        assertThat(walk("sort", "soonest").items()).extracting(ActivityCard::id).containsExactlyElementsOf(expected);
        assertThat(walk("sort", "soonest", "from", "2031-06-04").items()).extracting(ActivityCard::id)
                .containsExactly(camp, englishClub, smartphone, paidPainting, lateNight, selfStudy);
    }

    @Test
    void nearestOrdersByTheClosestVenueWithAnUpcomingSession() {
        // From Kaunas: the Kaunas branch first, then Vilnius; online-only activities last.
        assertThat(ids("sort", "nearest", "lat", "54.90", "lon", "23.90"))
                .startsWith(lateNight, robotics)
                .endsWith(selfStudy, englishClub);
        SearchResult near = find("sort", "nearest", "lat", "54.90", "lon", "23.90");
        assertThat(near.items().getFirst().distanceKm()).isLessThan(1.0);
        assertThat(walk("sort", "nearest", "lat", "54.90", "lon", "23.90").items()).extracting(ActivityCard::id)
                .containsExactlyElementsOf(near.items().stream().map(ActivityCard::id).toList());
        // A short list is filled from the nearest venues alone.
        var nearest = SearchFilters.parse(Map.of("sort", new String[] {"nearest"}, "lat", new String[] {"54.70"},
                "lon", new String[] {"25.28"})).filters();
        assertThat(new ActivitySearch(jdbc, transactions, topics, 0).list(site, VILNIUS, nearest, 2, NOW))
                .extracting(ActivityCard::id).containsExactly(smartphone, paidPainting);
    }

    @Test
    void eachFacetNarrowsTheResults() {
        assertThat(ids("topic", "arts")).containsExactlyInAnyOrder(camp, paidPainting);
        assertThat(ids("topic", "arts", "topic", "digital-skills")).hasSize(5);
        assertThat(ids("audience", "SENIORS")).containsExactly(smartphone);
        assertThat(ids("audience", "children,families")).containsExactlyInAnyOrder(robotics, camp, lateNight);
        assertThat(ids("language", "uk")).containsExactlyInAnyOrder(englishClub, selfStudy);
        assertThat(ids("kind", "CLUB")).containsExactlyInAnyOrder(robotics, englishClub);
        assertThat(ids("free", "true")).doesNotContain(paidPainting).hasSize(6);
        assertThat(ids("age", "10")).containsExactlyInAnyOrder(robotics, englishClub, selfStudy, camp, paidPainting, lateNight);
        assertThat(ids("age", "70")).doesNotContain(robotics).contains(smartphone);
        assertThat(ids("access", "STEP_FREE")).containsExactlyInAnyOrder(smartphone, robotics, lateNight);
        assertThat(ids("access", "STEP_FREE", "access", "HEARING_LOOP")).containsExactly(smartphone);
    }

    @Test
    void onlineAndInPersonIncludeSelfStudyCoursesOnlineOnly() {
        assertThat(ids("mode", "online")).containsExactlyInAnyOrder(englishClub, selfStudy);
        assertThat(ids("mode", "in-person")).containsExactlyInAnyOrder(smartphone, robotics, camp, paidPainting, lateNight);
    }

    @Test
    void datesAreDaysInTheSitesZone() {
        // The stargazing night starts at 01:30 on 9 June in Vilnius although it is still 8 June in UTC.
        assertThat(ids("from", "2031-06-09", "to", "2031-06-09")).contains(lateNight);
        assertThat(ids("from", "2031-06-08", "to", "2031-06-08")).doesNotContain(lateNight);
        // A self-study course is available on any day; the camp runs through the range.
        assertThat(ids("from", "2031-06-04", "to", "2031-06-04")).containsExactlyInAnyOrder(camp, englishClub, selfStudy);
        // The session shown is the first one in the range, not the next one overall.
        SearchResult second = find("from", "2031-06-10", "to", "2031-06-20", "audience", "SENIORS");
        assertThat(second.items().getFirst().next().startsAt()).isEqualTo(at(10, 10));
    }

    @Test
    void facetCountsLeaveOutTheirOwnFilter() {
        SearchResult seniors = find("audience", "SENIORS");
        assertThat(seniors.total()).isEqualTo(1);
        assertThat(count(seniors, "audience", "CHILDREN")).isEqualTo(2);
        assertThat(count(seniors, "audience", "SENIORS")).isEqualTo(1);
        assertThat(count(seniors, "topic", "digital-skills")).isEqualTo(1);
        assertThat(count(seniors, "kind", "COURSE")).isEqualTo(1);
        assertThat(count(seniors, "kind", "CLUB")).isZero();
        SearchResult all = find();
        assertThat(count(all, "mode", "ONLINE")).isEqualTo(2);
        assertThat(count(all, "mode", "IN_PERSON")).isEqualTo(5);
        assertThat(count(all, "free", "true")).isEqualTo(6);
        assertThat(count(all, "language", "lt")).isEqualTo(6);
        assertThat(count(all, "topic", "arts")).isEqualTo(2);
    }

    @Test
    void cardsCarryWhatAResultShows() {
        ActivityCard card = find("q", "smartphone").items().getFirst();
        assertThat(card.title().in("lt")).isEqualTo("Išmaniojo telefono pradžiamokslis senjorams");
        assertThat(card.organisationName().in("en")).isEqualTo("Vilnius City Library");
        assertThat(card.next().startsAt()).isEqualTo(at(3, 10));
        assertThat(card.next().venueName().in("en")).isEqualTo("Central Library");
        assertThat(card.next().town()).isEqualTo("Vilnius");
        assertThat(card.upcomingSessions()).isEqualTo(2);
        assertThat(card.topics()).extracting(Topic::slug).containsExactly("digital-skills");
        assertThat(card.audiences()).containsExactly(Audience.SENIORS);
        assertThat(card.free()).isTrue();
        ActivityCard online = find("q", "English conversation").items().getFirst();
        assertThat(online.next().online()).isTrue();
    }

    @Test
    void cancellingOrRemovingTheLastSessionTakesAnActivityOutOfTheResults() {
        var fixture = new CatalogueFixture(jdbc);
        long library = jdbc.sql("SELECT id FROM organisation WHERE site_id = ? LIMIT 1").param(site).query(Long.class).single();
        long pottery = fixture.activity(site, library).title("Pottery wheel evening").insert();
        long session = fixture.session(pottery, null, at(7, 18), at(7, 20));
        assertThat(ids("q", "pottery")).containsExactly(pottery);
        jdbc.sql("UPDATE session SET status = 'CANCELLED' WHERE id = ?").param(session).update();
        assertThat(ids("q", "pottery")).isEmpty();
        jdbc.sql("UPDATE session SET status = 'SCHEDULED' WHERE id = ?").param(session).update();
        assertThat(ids("q", "pottery")).containsExactly(pottery);
        jdbc.sql("DELETE FROM session WHERE id = ?").param(session).update();
        assertThat(ids("q", "pottery")).isEmpty();
        jdbc.sql("DELETE FROM activity WHERE id = ?").param(pottery).update();
    }

    @Test
    void aTypoInAWordOfANewOrRenamedTitleIsCorrectedToIt() {
        long other = new CatalogueFixture(jdbc).site("Europe/Vilnius");
        var fixture = new CatalogueFixture(jdbc);
        long library = fixture.organisation(other, "Typo Library");
        long calligraphy = fixture.activity(other, library).title("Calligraphy workshop").insert();
        fixture.session(calligraphy, null, at(2, 10), at(2, 11));
        assertThat(typed(other, "caligraphy")).containsExactly(calligraphy);
        assertThat(typed(other, "origami")).isEmpty();
        jdbc.sql("UPDATE activity SET title = '{\"en\": \"Origami afternoon\"}'::jsonb WHERE id = ?").param(calligraphy).update();
        assertThat(typed(other, "origamy")).containsExactly(calligraphy);
        // Rebuilt in one pass (after bulk loads), the dictionary holds the same words as kept on change.
        List<String> kept = jdbc.sql("SELECT word FROM search_word WHERE site_id = ? AND word IN ('origami', 'afternoon')")
                .param(other).query(String.class).list();
        jdbc.sql("SELECT lm_rebuild_search_words(?)").param(other).query().singleRow();
        assertThat(jdbc.sql("SELECT word FROM search_word WHERE site_id = ?").param(other).query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(kept);
    }

    private List<Long> typed(long siteId, String text) {
        var filters = SearchFilters.parse(Map.of("q", new String[] {text})).filters();
        return search.search(siteId, VILNIUS, filters, 1, NOW).items().stream().map(ActivityCard::id).toList();
    }

    @Test
    void pagesHoldTwentyResults() {
        long other = new CatalogueFixture(jdbc).site("Europe/Vilnius");
        var fixture = new CatalogueFixture(jdbc);
        long library = fixture.organisation(other, "Big Library");
        for (int i = 0; i < 25; i++) {
            long id = fixture.activity(other, library).title("Reading circle " + i).insert();
            fixture.session(id, null, at(1 + i, 10), at(1 + i, 11));
        }
        SearchFilters none = SearchFilters.NONE;
        SearchResult first = search.search(other, VILNIUS, none, 1, NOW);
        SearchResult second = search.search(other, VILNIUS, none, 2, NOW);
        assertThat(first.total()).isEqualTo(25);
        assertThat(first.items()).hasSize(20);
        assertThat(second.items()).hasSize(5);
        assertThat(first.items().getFirst().title().in("en")).isEqualTo("Reading circle 0");
        assertThat(second.items().getLast().title().in("en")).isEqualTo("Reading circle 24");
        assertThat(second.hasNext()).isFalse();
        assertThat(first.pages()).isEqualTo(2);
    }

    @Test
    void wordsWithoutFacetFiltersGetTheSameCountsAndPagesInOnePass() {
        long other = new CatalogueFixture(jdbc).site("Europe/Vilnius");
        var fixture = new CatalogueFixture(jdbc);
        long library = fixture.organisation(other, "Reading Library");
        for (int i = 0; i < 25; i++) {
            long id = fixture.activity(other, library).title(i % 3 == 0 ? "Reading circle " + i : "Circle of reading and chess " + i)
                    .insert();
            fixture.session(id, null, at(1 + i, 10), at(1 + i, 11));
        }
        for (String[] query : List.of(new String[] {"reading"}, new String[] {"chess circle"}, new String[] {"readng"})) {
            SearchFilters filters = SearchFilters.parse(Map.of("q", query, "age", new String[] {"30"})).filters();
            assertThat(ActivitySearch.groupsWithPage(filters)).isTrue();
            for (int page = 1; page <= 2; page++) {
                SearchResult separately = search.search(other, VILNIUS, filters, page, NOW);
                ActivitySearch.GroupsAndPage both = search.groupsAndPage(other, VILNIUS, filters, page, ActivitySearch.PAGE_SIZE, NOW);
                assertThat(both.items().stream().map(ActivityCard::id).toList()).as("%s page %d", query[0], page)
                        .isEqualTo(separately.items().stream().map(ActivityCard::id).toList());
                assertThat(search.facets(other, filters, both.groups().list())).isEqualTo(separately.facets());
                assertThat(search.count(filters, both.groups().list(), other)).isEqualTo(separately.total());
                assertThat(both.groups().changesAt()).isEqualTo(separately.changesAt());
                assertThat(separately.total()).as("%s finds some", query[0]).isPositive();
            }
        }
        SearchFilters withTopic = SearchFilters.parse(Map.of("q", new String[] {"reading"}, "audience", new String[] {"SENIORS"}))
                .filters();
        assertThat(ActivitySearch.groupsWithPage(withTopic)).as("a facet filter: the groups leave it out, the page does not")
                .isFalse();
    }

    @Test
    void anAnswerHoldsUntilASessionOfOneOfItsMatchesEnds() {
        long other = new CatalogueFixture(jdbc).site("Europe/Vilnius");
        var fixture = new CatalogueFixture(jdbc);
        long library = fixture.organisation(other, "Knitting Library");
        long circle = fixture.activity(other, library).title("Knitting circle").insert();
        fixture.session(circle, null, at(2, 10), at(2, 12));
        fixture.session(circle, null, at(9, 10), at(9, 12));
        long beginners = fixture.activity(other, library).title("Knitting for beginners").insert();
        fixture.session(beginners, null, at(4, 10), at(4, 12));
        long chess = fixture.activity(other, library).title("Chess club").insert();
        fixture.session(chess, null, at(1, 10), at(1, 11));
        fixture.session(chess, null, NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(1)).plusSeconds(3600));
        long draftKnitting = fixture.activity(other, library).title("Knitting draft").status("DRAFT").insert();
        fixture.session(draftKnitting, null, at(1, 8), at(1, 9));
        long cancelledKnitting = fixture.activity(other, library).title("Knitting evening").insert();
        fixture.session(cancelledKnitting, null, at(1, 18), at(1, 19), "CANCELLED");
        fixture.session(cancelledKnitting, null, at(3, 18), at(3, 19));
        long ownPace = fixture.activity(other, library).title("Crochet at your own pace").kind("ONLINE_COURSE").insert();

        assertThat(changesAt(other, "q", "knitting")).as("the first end of a match's session, not of a draft's or a cancelled one's")
                .isEqualTo(at(2, 12));
        assertThat(changesAt(other, "q", "chess")).isEqualTo(at(1, 11));
        assertThat(changesAt(other)).isEqualTo(at(1, 11));
        assertThat(changesAt(other, "q", "crochet")).as("a self-study course without sessions: time changes nothing").isNull();
        assertThat(changesAt(other, "q", "nothing like this")).isNull();
        SearchFilters knitting = SearchFilters.parse(Map.of("q", new String[] {"knitting"})).filters();
        assertThat(search.groupsAndPage(other, VILNIUS, knitting, 1, ActivitySearch.PAGE_SIZE, NOW).groups().changesAt())
                .isEqualTo(at(2, 12));
        assertThat(search.changesAt(List.of(beginners, ownPace), NOW)).isEqualTo(at(4, 12));
        assertThat(search.changesAt(List.of(ownPace), NOW)).isNull();

        // Over a thousand sessions of other activities end first: the matches' own next ends are looked up.
        jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, online_url, starts_at, ends_at, status)
                        SELECT a.site_id, a.organisation_id, a.id, 'https://meet.example.org/room',
                               CAST(:from AS timestamptz) + n * interval '1 minute', CAST(:from AS timestamptz) + n * interval '1 minute' + interval '30 minutes', 'SCHEDULED'
                        FROM activity a, generate_series(1, 1200) n WHERE a.id = :chess
                        """)
                .param("from", java.sql.Timestamp.from(NOW)).param("chess", chess).update();
        assertThat(changesAt(other, "q", "knitting")).isEqualTo(at(2, 12));
        assertThat(changesAt(other, "q", "chess")).isEqualTo(NOW.plus(Duration.ofMinutes(31)));
    }

    Instant changesAt(long siteId, String... parameters) {
        return search.search(siteId, VILNIUS, SearchFilters.parse(parameters(parameters)).filters(), 1, NOW).changesAt();
    }

    static long count(SearchResult result, String facet, String value) {
        return result.facets().get(facet).stream().filter(f -> f.value().equals(value)).findFirst()
                .map(FacetCount::count).orElse(-1L);
    }
}
