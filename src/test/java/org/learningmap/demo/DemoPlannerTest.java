package org.learningmap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.learningmap.demo.DemoPlan.Activity;
import org.learningmap.demo.DemoPlan.Session;
import org.learningmap.demo.DemoPlan.Venue;

/** The demo is decided in memory: the same day gives the same demo, and its dates lie ahead of that day. */
class DemoPlannerTest {

    private static final Gazetteer GAZETTEER = Gazetteer.load();
    private static final DemoPlanner PLANNER = new DemoPlanner(CatalogueTemplates.load(), GAZETTEER);
    private static final ZoneId VILNIUS = ZoneId.of("Europe/Vilnius");
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final Instant NOW = Instant.parse("2026-11-22T21:30:00Z");

    @Test
    void theSameClockGivesTheSameDemo() {
        DemoPlan first = PLANNER.plan("LT", VILNIUS, NOW, 120);
        DemoPlan second = PLANNER.plan("LT", VILNIUS, NOW, 120);
        assertThat(second).isEqualTo(first);
        assertThat(titles(second)).isEqualTo(titles(first));
        assertThat(coordinates(second)).isEqualTo(coordinates(first));
    }

    @Test
    void aLaterDayMovesTheDatesButKeepsPlacesAndTitles() {
        DemoPlan today = PLANNER.plan("UA", KYIV, NOW, 120);
        DemoPlan nextWeek = PLANNER.plan("UA", KYIV, NOW.plusSeconds(7 * 24 * 3600), 120);
        assertThat(titles(nextWeek)).isEqualTo(titles(today));
        assertThat(coordinates(nextWeek)).isEqualTo(coordinates(today));
        assertThat(firstSession(nextWeek)).isAfter(firstSession(today));
    }

    @Test
    void sessionsFallWithinTheComingThreeMonthsInTheSitesZone() {
        for (var site : Map.of("LT", VILNIUS, "UA", KYIV).entrySet()) {
            DemoPlan plan = PLANNER.plan(site.getKey(), site.getValue(), NOW, 600);
            LocalDate today = LocalDate.ofInstant(NOW, site.getValue());
            Instant tomorrow = today.plusDays(1).atStartOfDay(site.getValue()).toInstant();
            Instant horizon = today.plusMonths(3).plusDays(1).atStartOfDay(site.getValue()).toInstant();
            List<Session> sessions = plan.activities().stream().flatMap(a -> a.sessions().stream()).toList();
            assertThat(sessions).allSatisfy(session -> {
                assertThat(session.startsAt()).isAfterOrEqualTo(tomorrow).isBefore(horizon);
                assertThat(session.endsAt()).isAfter(session.startsAt()).isBefore(horizon);
            });
            long cancelled = sessions.stream().filter(s -> s.status().equals("CANCELLED")).count();
            assertThat((double) cancelled / sessions.size()).as("share of cancelled sessions").isBetween(0.015, 0.06);
            assertThat(sessions).as("nothing meets on Christmas Day")
                    .noneMatch(s -> LocalDate.ofInstant(s.startsAt(), site.getValue()).equals(LocalDate.of(2026, 12, 25)));
            // The next weeks are busy, not only the last days of the window.
            assertThat(sessions.stream().filter(s -> s.startsAt().isBefore(tomorrow.plusSeconds(14 * 24 * 3600))).count())
                    .isGreaterThan(sessions.size() / 20);
        }
    }

    @Test
    void everyActivityIsWrittenInEnglishLithuanianAndUkrainianAndFitsItsCountry() {
        DemoPlan plan = PLANNER.plan("UA", KYIV, NOW, 600);
        assertThat(plan.activities()).hasSize(600).allSatisfy(activity -> {
            assertThat(activity.template().title()).containsKeys("en", "lt", "uk");
            assertThat(activity.template().summary()).containsKeys("en", "lt", "uk");
            assertThat(activity.template().description()).containsKeys("en", "lt", "uk");
            assertThat(activity.template().country()).isIn("UA", null);
            assertThat(plan.organisations().get(activity.organisation()).approved()).isTrue();
        });
        Map<String, Long> statuses = plan.activities().stream()
                .collect(Collectors.groupingBy(Activity::status, Collectors.counting()));
        assertThat(statuses.get("PUBLISHED")).isGreaterThan(480);
        assertThat(statuses).containsKeys("DRAFT", "CANCELLED", "PENDING_REVIEW");
        assertThat(plan.activities()).anySatisfy(a -> assertThat(a.sessions()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.venue()).isNull()));
        assertThat(plan.activities()).anySatisfy(a -> assertThat(a.sessions()).isEmpty());
        assertThat(plan.activities()).anySatisfy(a -> assertThat(a.sessions().getFirst().seriesRule())
                .startsWith("FREQ=WEEKLY;"));
    }

    @Test
    void organisationsSpreadOverTheAreasAndAFewWaitForTheCoordinator() {
        DemoPlan lithuania = PLANNER.plan("LT", VILNIUS, NOW, 10);
        DemoPlan ukraine = PLANNER.plan("UA", KYIV, NOW, 10);
        assertThat(lithuania.organisations().size() + ukraine.organisations().size()).isGreaterThanOrEqualTo(60);
        for (DemoPlan plan : List.of(lithuania, ukraine)) {
            assertThat(plan.organisations()).hasSizeGreaterThanOrEqualTo(30);
            assertThat(plan.organisations().stream().filter(o -> o.status().equals("PENDING")).count()).isBetween(2L, 3L);
            assertThat(plan.venues()).hasSizeGreaterThanOrEqualTo(100);
            assertThat(plan.organisations().get(plan.staffOrganisation()).kind()).isEqualTo("LIBRARY");
        }
        assertThat(lithuania.organisations().stream().map(o -> o.place().areaCode()).collect(Collectors.toSet()))
                .as("every Lithuanian county has organisations").hasSize(10);
        assertThat(lithuania.organisations().getFirst().name().in("lt")).contains("Vilnius");
        assertThat(ukraine.organisations().getFirst().name().in("uk")).contains("Київ");
    }

    @Test
    void venuesLieNearTheirTownInsideTheCountry() {
        for (var site : Map.of("LT", VILNIUS, "UA", KYIV).entrySet()) {
            DemoPlan plan = PLANNER.plan(site.getKey(), site.getValue(), NOW, 10);
            double[] box = DemoPlanner.bounds(site.getKey());
            assertThat(plan.venues()).allSatisfy(venue -> {
                assertThat(venue.lat()).isBetween(box[0], box[1]);
                assertThat(venue.lon()).isBetween(box[2], box[3]);
                double nearest = venue.place().points().stream()
                        .mapToDouble(p -> p.kilometresTo(new org.learningmap.shared.GeoPoint(venue.lat(), venue.lon())))
                        .min().orElseThrow();
                assertThat(nearest).isLessThan(4.5);
                assertThat(venue.address()).matches(site.getKey().equals("LT") ? ".+ (g\\.|al\\.|pr\\.) \\d+A?"
                        : "(вул|просп|бульв)\\. .+, \\d+А?");
            });
            Set<String> facts = plan.venues().stream().flatMap(v -> v.accessibility().stream()).collect(Collectors.toSet());
            assertThat(facts).hasSizeGreaterThanOrEqualTo(7);
            assertThat(plan.venues().stream().map(Venue::openingHours).distinct().count()).isGreaterThan(3);
        }
    }

    @Test
    void nothingWasCreatedOrPublishedAfterNow() {
        DemoPlan plan = PLANNER.plan("UA", KYIV, NOW, 300);
        assertThat(plan.organisations()).allSatisfy(o -> assertThat(o.createdAt()).isBefore(NOW));
        assertThat(plan.venues()).allSatisfy(v -> assertThat(v.createdAt()).isBeforeOrEqualTo(NOW));
        assertThat(plan.activities()).allSatisfy(a -> {
            assertThat(a.createdAt()).isBefore(NOW);
            if (a.publishedAt() != null) {
                assertThat(a.publishedAt()).isAfter(a.createdAt()).isBeforeOrEqualTo(NOW);
            }
        });
    }

    private static List<String> titles(DemoPlan plan) {
        return plan.activities().stream().map(a -> a.template().title().get("en")).toList();
    }

    private static List<String> coordinates(DemoPlan plan) {
        return plan.venues().stream().map(v -> v.lat() + "," + v.lon()).toList();
    }

    private static Instant firstSession(DemoPlan plan) {
        return plan.activities().stream().flatMap(a -> a.sessions().stream()).map(Session::startsAt)
                .min(Instant::compareTo).orElseThrow();
    }
}
