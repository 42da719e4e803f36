package org.learningmap.demo;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.learningmap.catalogue.ActivityKind;
import org.learningmap.catalogue.Audience;
import org.learningmap.demo.CatalogueTemplates.ActivityTemplate;
import org.learningmap.demo.CatalogueTemplates.OrganisationTemplate;
import org.learningmap.demo.CatalogueTemplates.VenueTemplate;
import org.learningmap.demo.DemoPlan.Activity;
import org.learningmap.demo.DemoPlan.Organisation;
import org.learningmap.demo.DemoPlan.Session;
import org.learningmap.demo.DemoPlan.Venue;
import org.learningmap.organisations.AccessibilityFact;
import org.learningmap.organisations.OrganisationKind;
import org.learningmap.organisations.VenueKind;
import org.learningmap.shared.GeoPoint;
import org.learningmap.shared.LocalizedText;

/**
 * Decides a site's demo catalogue from the templates and the gazetteer. Everything follows from a
 * fixed seed per country and from "today" in the site's zone, so the same day gives the same demo
 * on every machine, and dates always lie ahead of the person looking at them.
 */
final class DemoPlanner {

    /** Organisations per site; the last {@code pending} of them wait for the coordinator. */
    private static final Map<String, Integer> ORGANISATIONS = Map.of("LT", 32, "UA", 33);
    private static final Map<String, Integer> PENDING = Map.of("LT", 2, "UA", 3);
    private static final int MIN_VENUES = 105;
    /** Only the largest towns of an area are used, so every town the demo names has proper translations. */
    private static final int PLACES_PER_AREA = 5;
    private static final Map<String, double[]> COUNTRY_BOUNDS = Map.of(
            "LT", new double[] {53.90, 56.45, 20.95, 26.83},
            "UA", new double[] {44.39, 52.37, 22.14, 40.22});
    private static final List<String> COLOURS = List.of("#1d4ed8", "#9a3412", "#047857", "#7c3aed", "#b91c1c",
            "#0f766e", "#a16207", "#be185d", "#4338ca", "#15803d");

    private final CatalogueTemplates templates;
    private final Gazetteer gazetteer;

    DemoPlanner(CatalogueTemplates templates, Gazetteer gazetteer) {
        this.templates = templates;
        this.gazetteer = gazetteer;
    }

    static double[] bounds(String country) {
        return COUNTRY_BOUNDS.get(country).clone();
    }

    /**
     * @param now        the injected clock's instant; sessions start from tomorrow in {@code zone}
     * @param activities how many activities the site gets
     */
    DemoPlan plan(String country, ZoneId zone, Instant now, int activities) {
        long seed = 0x4C4D_2026L * 31 + country.hashCode();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Map<String, List<Places.Place>> byArea = new LinkedHashMap<>();
        Places.byArea(gazetteer, country).forEach((area, places) ->
                byArea.put(area, places.subList(0, Math.min(PLACES_PER_AREA, places.size()))));
        List<Organisation> organisations = organisations(country, byArea, new SplittableRandom(seed), now);
        List<Venue> venues = venues(country, organisations, byArea, new SplittableRandom(seed + 1), now);
        List<Activity> planned = new Activities(country, zone, today, now, organisations, venues,
                seed + 2).plan(activities);
        int staff = organisations.indexOf(organisations.stream()
                .filter(organisation -> organisation.approved() && organisation.kind().equals(OrganisationKind.LIBRARY.name()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no library for the demo staff in " + country)));
        return new DemoPlan(country, templates.topics(), organisations, venues, planned, staff);
    }

    private List<Organisation> organisations(String country, Map<String, List<Places.Place>> byArea,
                                             SplittableRandom random, Instant now) {
        List<OrganisationTemplate> patterns = templates.organisations().stream()
                .filter(template -> template.country().equals(country)).toList();
        List<Places.Place> spread = Places.spread(byArea);
        int count = ORGANISATIONS.get(country);
        int pendingFrom = count - PENDING.get(country);
        int areas = byArea.size();
        Set<String> slugs = new HashSet<>();
        List<Organisation> organisations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Shifting the pattern by the round keeps one kind of organisation from landing in the same area each round.
            OrganisationTemplate template = patterns.get((i + i / areas) % patterns.size());
            Places.Place place = spread.get(i % spread.size());
            LocalizedText name = fill(template.name(), place, 0);
            String slug = unique(slugs, slug(name.in("en")));
            boolean pending = i >= pendingFrom;
            Instant created = now.minus(Duration.ofDays(pending ? 1 + random.nextInt(6) : 200 + random.nextInt(500)))
                    .truncatedTo(ChronoUnit.MINUTES);
            organisations.add(new Organisation(slug, template.kind(), name, new LocalizedText(template.description()),
                    mailbox(template.name().get("en"), place) + "@example.org", phone(country, random), "https://example.org/" + slug,
                    COLOURS.get(i % COLOURS.size()), !pending && i % 11 != 10, pending ? "PENDING" : "APPROVED",
                    created, pending ? null : created.plus(Duration.ofDays(1 + random.nextInt(4))), place));
        }
        return organisations;
    }

    private List<Venue> venues(String country, List<Organisation> organisations, Map<String, List<Places.Place>> byArea,
                               SplittableRandom random, Instant now) {
        List<VenueTemplate> patterns = templates.venues().stream()
                .filter(template -> template.country().equals(country)).toList();
        int[] counts = new int[organisations.size()];
        int total = 0;
        for (int i = 0; i < organisations.size(); i++) {
            Organisation organisation = organisations.get(i);
            counts[i] = !organisation.approved() ? 1 : switch (OrganisationKind.valueOf(organisation.kind())) {
                case LIBRARY -> 7 + random.nextInt(3);
                case LIBRARY_NETWORK -> 5 + random.nextInt(2);
                default -> 2 + random.nextInt(3);
            };
            total += counts[i];
        }
        for (int i = 0; total < MIN_VENUES; i = (i + 1) % organisations.size()) {
            if (organisations.get(i).kind().startsWith("LIBRARY")) {
                counts[i]++;
                total++;
            }
        }
        Set<String> names = new HashSet<>();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        List<Venue> venues = new ArrayList<>();
        for (int i = 0; i < organisations.size(); i++) {
            Organisation organisation = organisations.get(i);
            List<VenueKind> kinds = venueKinds(OrganisationKind.valueOf(organisation.kind()));
            List<Places.Place> area = byArea.get(organisation.place().town().country() + "-" + organisation.place().areaCode());
            // Library systems run half their branches in the smaller towns of their area.
            List<Places.Place> elsewhere = organisation.kind().startsWith("LIBRARY")
                    ? area.stream().filter(place -> place != organisation.place()).toList() : List.of();
            for (int k = 0; k < counts[i]; k++) {
                Places.Place place = k % 2 == 0 || elsewhere.isEmpty() ? organisation.place()
                        : elsewhere.get((k / 2) % elsewhere.size());
                VenueKind kind = kinds.get(k % kinds.size());
                VenueTemplate template = venueTemplate(patterns, kind, place, names, i + k);
                int n = 0;
                LocalizedText name;
                do {
                    n = numbers.merge(place.town().geonamesId() + template.name().get("en"), 1, Integer::sum);
                    name = fill(template.name(), place, n);
                } while (!names.add(name.in("en")));
                GeoPoint point = near(place, k == 0, random, bounds(country));
                venues.add(new Venue(i, template.kind(), name, address(country, random), place, point.lat(), point.lon(),
                        openingHours(VenueKind.valueOf(template.kind()), random),
                        accessibility(VenueKind.valueOf(template.kind()), random),
                        min(organisation.createdAt().plus(Duration.ofHours(1 + random.nextInt(48))), now)));
            }
        }
        return venues;
    }

    /** A template of the kind whose name is still free in this town, else one numbered by {n}. */
    private static VenueTemplate venueTemplate(List<VenueTemplate> patterns, VenueKind kind, Places.Place place,
                                               Set<String> used, int turn) {
        List<VenueTemplate> ofKind = patterns.stream().filter(template -> template.kind().equals(kind.name())).toList();
        if (ofKind.isEmpty()) {
            ofKind = patterns.stream().filter(template -> template.kind().equals(VenueKind.COMMUNITY_CENTRE.name())).toList();
        }
        for (int j = 0; j < ofKind.size(); j++) {
            VenueTemplate template = ofKind.get((turn + j) % ofKind.size());
            if (template.name().get("en").contains("{n}") || !used.contains(fill(template.name(), place, 0).in("en"))) {
                return template;
            }
        }
        return patterns.stream().filter(template -> template.name().get("en").contains("{n}")).findFirst().orElseThrow();
    }

    private static List<VenueKind> venueKinds(OrganisationKind kind) {
        return switch (kind) {
            case LIBRARY -> List.of(VenueKind.LIBRARY_BRANCH, VenueKind.LIBRARY_BRANCH, VenueKind.INTERNET_ACCESS_POINT,
                    VenueKind.LIBRARY_BRANCH);
            case LIBRARY_NETWORK -> List.of(VenueKind.INTERNET_ACCESS_POINT, VenueKind.LIBRARY_BRANCH,
                    VenueKind.COMMUNITY_CENTRE);
            case NGO -> List.of(VenueKind.COMMUNITY_CENTRE, VenueKind.OFFICE);
            case SCHOOL -> List.of(VenueKind.SCHOOL, VenueKind.COMMUNITY_CENTRE, VenueKind.LIBRARY_BRANCH);
            case YOUTH_CENTRE -> List.of(VenueKind.YOUTH_CENTRE, VenueKind.COMMUNITY_CENTRE);
            case UNIVERSITY -> List.of(VenueKind.COMMUNITY_CENTRE, VenueKind.LIBRARY_BRANCH);
            case COMPANY -> List.of(VenueKind.OFFICE, VenueKind.INTERNET_ACCESS_POINT);
            case INFORMAL_GROUP -> List.of(VenueKind.COMMUNITY_CENTRE, VenueKind.LIBRARY_BRANCH);
        };
    }

    /**
     * A point a short way from the town's centre or one of its districts: within a few hundred metres
     * in a small town, a few kilometres in a city, and always inside the country.
     */
    static GeoPoint near(Places.Place place, boolean centre, SplittableRandom random, double[] bounds) {
        GeoPoint around = centre ? place.points().getFirst() : place.points().get(random.nextInt(place.points().size()));
        boolean district = around != place.points().getFirst();
        double radiusKm = district ? 0.8 : Math.min(4.0, 0.3 + 1.2 * Math.sqrt(place.town().population() / 100_000.0));
        double distance = radiusKm * Math.sqrt(random.nextDouble());
        double angle = random.nextDouble() * 2 * Math.PI;
        double lat = around.lat() + distance * Math.sin(angle) / 111.2;
        double lon = around.lon() + distance * Math.cos(angle) / (111.32 * Math.cos(Math.toRadians(around.lat())));
        lat = Math.clamp(lat, bounds[0], bounds[1]);
        lon = Math.clamp(lon, bounds[2], bounds[3]);
        return new GeoPoint(Math.round(lat * 1e6) / 1e6, Math.round(lon * 1e6) / 1e6);
    }

    private static final List<String> LT_STREETS = List.of("Vilniaus g.", "Gedimino g.", "Laisvės al.", "Maironio g.",
            "J. Basanavičiaus g.", "Vytauto g.", "Kęstučio g.", "Respublikos g.", "Mokyklos g.", "Sodų g.", "Liepų g.",
            "Ąžuolų g.", "Taikos pr.", "Žemaitės g.", "Birutės g.", "Parko g.", "Bažnyčios g.", "Stoties g.",
            "Pušų g.", "S. Dariaus ir S. Girėno g.", "Vasario 16-osios g.", "Kalvarijų g.", "Savanorių pr.",
            "Jaunimo g.", "Ateities g.", "Šviesos g.", "Tilto g.", "Sporto g.", "Kauno g.", "Aušros g.");
    private static final List<String> UA_STREETS = List.of("вул. Шевченка", "просп. Незалежності", "вул. Грушевського",
            "вул. Івана Франка", "вул. Лесі Українки", "вул. Соборна", "вул. Героїв Майдану", "вул. Садова",
            "вул. Шкільна", "вул. Миру", "вул. Бандери", "вул. Січових Стрільців", "вул. Київська", "вул. Центральна",
            "вул. Гетьмана Мазепи", "вул. Володимирська", "вул. Коновальця", "вул. Мельника", "бульв. Дружби",
            "вул. Вишнева", "вул. Лісова", "вул. Космонавтів", "вул. Молодіжна", "вул. Набережна",
            "просп. Свободи", "вул. Університетська", "вул. Сковороди", "вул. Замкова", "вул. Паркова", "вул. Ярослава Мудрого");

    /** A street address written as people of the country write it. */
    static String address(String country, SplittableRandom random) {
        int number = 1 + random.nextInt(random.nextInt(4) == 0 ? 120 : 40);
        String suffix = random.nextInt(8) == 0 ? (country.equals("LT") ? "A" : "А") : "";
        if (country.equals("LT")) {
            return LT_STREETS.get(random.nextInt(LT_STREETS.size())) + " " + number + suffix;
        }
        return UA_STREETS.get(random.nextInt(UA_STREETS.size())) + ", " + number + suffix;
    }

    private static String phone(String country, SplittableRandom random) {
        if (country.equals("LT")) {
            return "+370 6%02d %05d".formatted(random.nextInt(100), random.nextInt(100_000));
        }
        return "+380 %02d %03d %02d %02d".formatted(List.of(44, 32, 57, 56, 67, 50, 63).get(random.nextInt(7)),
                random.nextInt(1000), random.nextInt(100), random.nextInt(100));
    }

    private static Map<String, String> openingHours(VenueKind kind, SplittableRandom random) {
        String[] days = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
        Map<String, String> hours = new LinkedHashMap<>();
        switch (kind) {
            case LIBRARY_BRANCH, INTERNET_ACCESS_POINT -> {
                boolean closedMonday = random.nextBoolean();
                for (int d = closedMonday ? 1 : 0; d < 5; d++) {
                    hours.put(days[d], closedMonday ? "11:00-19:00" : "10:00-18:00");
                }
                hours.put("sat", random.nextBoolean() ? "10:00-16:00" : "10:00-15:00");
            }
            case YOUTH_CENTRE -> {
                for (int d = 0; d < 5; d++) {
                    hours.put(days[d], "13:00-20:00");
                }
                if (random.nextBoolean()) {
                    hours.put("sat", "12:00-18:00");
                }
            }
            case SCHOOL -> {
                for (int d = 0; d < 5; d++) {
                    hours.put(days[d], "08:00-18:00");
                }
            }
            case COMMUNITY_CENTRE -> {
                for (int d = 1; d < 6; d++) {
                    hours.put(days[d], "10:00-20:00");
                }
                hours.put("sat", "10:00-17:00");
                if (random.nextInt(3) == 0) {
                    hours.put("sun", "11:00-16:00");
                }
            }
            case OFFICE -> {
                for (int d = 0; d < 5; d++) {
                    hours.put(days[d], d == 4 ? "08:00-15:45" : "08:00-17:00");
                }
            }
        }
        return hours;
    }

    /** Facts vary by the kind of place: libraries lend large print and devices, youth centres have quiet rooms. */
    private static List<String> accessibility(VenueKind kind, SplittableRandom random) {
        boolean library = kind == VenueKind.LIBRARY_BRANCH || kind == VenueKind.INTERNET_ACCESS_POINT;
        List<String> facts = new ArrayList<>();
        boolean stepFree = random.nextDouble() < 0.65;
        add(facts, AccessibilityFact.STEP_FREE, stepFree);
        add(facts, AccessibilityFact.ACCESSIBLE_TOILET, stepFree && random.nextDouble() < 0.6);
        add(facts, AccessibilityFact.HEARING_LOOP, random.nextDouble() < (library ? 0.25 : 0.1));
        add(facts, AccessibilityFact.LARGE_PRINT, random.nextDouble() < (kind == VenueKind.LIBRARY_BRANCH ? 0.75 : 0.1));
        add(facts, AccessibilityFact.COMPUTERS, random.nextDouble()
                < (library || kind == VenueKind.SCHOOL || kind == VenueKind.OFFICE ? 0.9 : 0.45));
        add(facts, AccessibilityFact.DEVICES_TO_BORROW, random.nextDouble() < (library ? 0.45 : 0.1));
        add(facts, AccessibilityFact.CHILDCARE, random.nextDouble()
                < (kind == VenueKind.COMMUNITY_CENTRE || kind == VenueKind.YOUTH_CENTRE ? 0.25 : 0.06));
        add(facts, AccessibilityFact.QUIET_ROOM, random.nextDouble() < (kind == VenueKind.YOUTH_CENTRE ? 0.5 : 0.2));
        return facts;
    }

    private static void add(List<String> facts, AccessibilityFact fact, boolean holds) {
        if (holds) {
            facts.add(fact.name());
        }
    }

    static LocalizedText fill(Map<String, String> pattern, Places.Place place, int n) {
        Map<String, String> filled = new LinkedHashMap<>();
        pattern.forEach((language, text) -> filled.put(language,
                text.replace("{town}", place.nameIn(language)).replace("{n}", Integer.toString(n))));
        return new LocalizedText(filled);
    }

    static String slug(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-$", "") : slug;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String unique(Set<String> used, String slug) {
        String candidate = slug;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = slug + "-" + n;
        }
        return candidate;
    }

    private static final Set<String> SMALL_WORDS = Set.of("of", "the", "and", "for", "no", "town");

    /** A short address such as {@code open-doors.siauliai}: the pattern's first two words and the town. */
    private static String mailbox(String pattern, Places.Place place) {
        List<String> words = List.of(slug(pattern.replace("{town}", " ")).split("-")).stream()
                .filter(word -> !word.isEmpty() && !SMALL_WORDS.contains(word)).limit(2).toList();
        return String.join("-", words) + "." + slug(place.name().in("en"));
    }

    /** The activities of one site and their sessions. */
    private final class Activities {

        private final String country;
        private final ZoneId zone;
        private final LocalDate today;
        private final Instant now;
        private final long horizonDays;
        private final List<Organisation> organisations;
        private final List<List<Integer>> venuesOf;
        private final SplittableRandom random;
        private final long seed;

        Activities(String country, ZoneId zone, LocalDate today, Instant now, List<Organisation> organisations,
                   List<Venue> venues, long seed) {
            this.country = country;
            this.zone = zone;
            this.today = today;
            this.now = now;
            this.horizonDays = ChronoUnit.DAYS.between(today, today.plusMonths(3));
            this.organisations = organisations;
            this.seed = seed;
            this.random = new SplittableRandom(seed);
            this.venuesOf = new ArrayList<>();
            for (int i = 0; i < organisations.size(); i++) {
                venuesOf.add(new ArrayList<>());
            }
            for (int v = 0; v < venues.size(); v++) {
                venuesOf.get(venues.get(v).organisation()).add(v);
            }
        }

        List<Activity> plan(int count) {
            List<ActivityTemplate> fitting = templates.activities().stream().filter(t -> t.fits(country)).toList();
            List<List<Integer>> hosts = new ArrayList<>();
            for (ActivityTemplate template : fitting) {
                hosts.add(hostsOf(template));
            }
            List<Activity> activities = new ArrayList<>(count);
            int[] order = new int[fitting.size()];
            for (int i = 0; i < count; i++) {
                int turn = i % fitting.size();
                if (turn == 0) {
                    shuffle(order);
                }
                activities.add(activity(fitting.get(order[turn]), hosts.get(order[turn]), i));
            }
            return activities;
        }

        /** Every template is used once per round, in a new order each round. */
        private void shuffle(int[] order) {
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }

        /**
         * Approved organisations that would plausibly run this activity, libraries counted three times
         * and library networks twice, since libraries run most of what such a portal lists.
         */
        private List<Integer> hostsOf(ActivityTemplate template) {
            List<Integer> hosts = new ArrayList<>();
            for (int i = 0; i < organisations.size(); i++) {
                Organisation organisation = organisations.get(i);
                if (!organisation.approved() || !fits(OrganisationKind.valueOf(organisation.kind()), template)) {
                    continue;
                }
                int weight = switch (OrganisationKind.valueOf(organisation.kind())) {
                    case LIBRARY -> 3;
                    case LIBRARY_NETWORK -> 2;
                    default -> 1;
                };
                for (int w = 0; w < weight; w++) {
                    hosts.add(i);
                }
            }
            return hosts;
        }

        private boolean fits(OrganisationKind kind, ActivityTemplate template) {
            Set<String> audiences = Set.copyOf(template.audiences());
            boolean young = audiences.contains("CHILDREN") || audiences.contains("YOUTH") || audiences.contains("FAMILIES");
            return switch (kind) {
                case LIBRARY, LIBRARY_NETWORK, NGO, INFORMAL_GROUP -> true;
                case SCHOOL -> young || audiences.contains("EDUCATORS");
                case YOUTH_CENTRE -> young;
                case UNIVERSITY -> audiences.contains("ADULTS") || audiences.contains("SENIORS")
                        || audiences.contains("EDUCATORS");
                case COMPANY -> (audiences.contains("ADULTS") || audiences.contains("YOUTH"))
                        && (template.topics().contains("digital-skills") || template.topics().contains("career")
                        || template.topics().contains("stem"));
            };
        }

        private Activity activity(ActivityTemplate template, List<Integer> hosts, int index) {
            int organisation = hosts.get(random.nextInt(hosts.size()));
            double r = random.nextDouble();
            String status = r < 0.02 ? "CANCELLED" : r < 0.08 ? "DRAFT"
                    : country.equals("UA") && r < 0.11 ? "PENDING_REVIEW" : "PUBLISHED";
            Instant created = now.minus(Duration.ofMinutes(60L * 24 * (3 + random.nextInt(120)) + random.nextInt(600)))
                    .truncatedTo(ChronoUnit.MINUTES);
            Instant published = status.equals("PUBLISHED") || status.equals("CANCELLED")
                    ? min(created.plus(Duration.ofHours(2 + random.nextInt(72))), now) : null;
            // Ukrainian prices are the template's euro amounts at a rough hryvnia rate.
            int price = country.equals("UA") ? template.priceCents() * 40 : template.priceCents();
            boolean voucher = price > 0 && random.nextBoolean();
            ActivityKind kind = ActivityKind.valueOf(template.kind());
            String slug = country.toLowerCase(Locale.ROOT) + "-" + (index + 1);
            boolean selfStudy = kind == ActivityKind.ONLINE_COURSE && random.nextBoolean();
            String onlineUrl = kind == ActivityKind.ONLINE_COURSE ? "https://learn.example.org/courses/" + slug : null;
            Integer duration = selfStudy ? template.sessions() * template.durationMinutes() : template.durationMinutes();
            String level = kind == ActivityKind.ONLINE_COURSE ? (random.nextInt(3) == 0 ? "INTERMEDIATE" : "FOUNDATION") : null;
            List<Session> sessions = selfStudy ? List.of() : sessions(template, kind, organisation, status, slug, index);
            return new Activity(organisation, template, status, price, country.equals("UA") ? "UAH" : "EUR", voucher,
                    onlineUrl, duration, level, created, published, sessions);
        }

        /**
         * Dates and times come from a stream of their own per activity, so that another day's demo has
         * the same activities, organisations and places, only moved in time.
         */
        private List<Session> sessions(ActivityTemplate template, ActivityKind kind, int organisation, String status,
                                       String slug, int index) {
            boolean online = template.online();
            List<Integer> venues = venuesOf.get(organisation);
            Integer venue = online ? null : venues.get(random.nextInt(venues.size()));
            String meeting = online ? "https://meet.example.org/learningmap-" + slug : null;
            int capacity = capacity(kind);
            SplittableRandom when = new SplittableRandom(seed + 0x9E37_79B9_7F4A_7C15L * (index + 1));
            LocalDate last = today.plusMonths(3);
            List<LocalDate> dates = new ArrayList<>();
            String rule = null;
            switch (kind) {
                case COURSE, CLUB, VOLUNTEERING, ONLINE_COURSE -> {
                    int count = (int) Math.min(template.sessions(), (horizonDays - 1) / 7 + 1);
                    int latestStart = (int) (horizonDays - 7L * (count - 1));
                    int offset = 1 + when.nextInt(latestStart);
                    // Another weekday when the series would meet on a public holiday.
                    for (int tries = 0; tries < 6 && anyHoliday(today.plusDays(offset), count, 7); tries++) {
                        offset = offset % latestStart + 1;
                    }
                    for (int n = 0; n < count; n++) {
                        dates.add(today.plusDays(offset).plusWeeks(n));
                    }
                    rule = count > 1 ? "FREQ=WEEKLY;BYDAY=" + byDay(dates.getFirst().getDayOfWeek()) + ";COUNT=" + count : null;
                }
                case CAMP -> {
                    int count = Math.min(5, template.sessions());
                    LocalDate first = today.plusDays(1 + when.nextInt((int) horizonDays - 7))
                            .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
                    for (int tries = 0; tries < 4 && anyHoliday(first, count, 1); tries++) {
                        first = first.plusWeeks(1);
                    }
                    while (first.plusDays(count - 1).isAfter(last)) {
                        first = first.minusWeeks(1);
                    }
                    for (int n = 0; n < count; n++) {
                        dates.add(first.plusDays(n));
                    }
                    rule = "FREQ=DAILY;COUNT=" + count;
                }
                case CLASS -> {
                    int count = 1 + when.nextInt(3);
                    for (int n = 0; n < count; n++) {
                        LocalDate date = workingDay(today.plusDays(1 + when.nextInt((int) horizonDays)));
                        if (!dates.contains(date)) {
                            dates.add(date);
                        }
                    }
                    dates.sort(null);
                }
                case EVENT -> {
                    LocalDate date = today.plusDays(1 + when.nextInt((int) horizonDays));
                    if (when.nextBoolean()) {
                        date = date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
                        if (date.isAfter(last)) {
                            date = date.minusWeeks(1);
                        }
                    }
                    dates.add(workingDay(date));
                }
            }
            LocalTime start = startTime(template, kind, dates.getFirst().getDayOfWeek(), when);
            List<Session> sessions = new ArrayList<>(dates.size());
            for (LocalDate date : dates) {
                Instant startsAt = date.atTime(start).atZone(zone).toInstant();
                boolean cancelled = status.equals("CANCELLED") || when.nextDouble() < 0.015;
                sessions.add(new Session(venue, meeting, startsAt,
                        startsAt.plus(Duration.ofMinutes(template.durationMinutes())), capacity,
                        cancelled ? "CANCELLED" : "SCHEDULED", rule));
            }
            return sessions;
        }

        /** The date, or the next day that is no public holiday, as long as that stays within the window. */
        private LocalDate workingDay(LocalDate date) {
            LocalDate day = date;
            while (holiday(day) && day.isBefore(today.plusMonths(3))) {
                day = day.plusDays(1);
            }
            return holiday(day) ? date : day;
        }

        private boolean anyHoliday(LocalDate first, int count, int stepDays) {
            for (int n = 0; n < count; n++) {
                if (holiday(first.plusDays((long) n * stepDays))) {
                    return true;
                }
            }
            return false;
        }

        private boolean holiday(LocalDate date) {
            int day = date.getMonthValue() * 100 + date.getDayOfMonth();
            return day == 101 || day == 1224 || day == 1225 || day == 1231
                    || (country.equals("LT") && (day == 1226 || day == 216 || day == 311 || day == 501));
        }

        private int capacity(ActivityKind kind) {
            return switch (kind) {
                case CLASS -> 10 + random.nextInt(11);
                case COURSE -> 8 + random.nextInt(9);
                case EVENT -> 30 + random.nextInt(51);
                case CLUB -> 10 + random.nextInt(11);
                case CAMP -> 15 + random.nextInt(16);
                case VOLUNTEERING -> 5 + random.nextInt(11);
                case ONLINE_COURSE -> 50 + random.nextInt(151);
            };
        }

        /** A time that suits the audience: mornings for seniors, after school for children, evenings for adults. */
        private LocalTime startTime(ActivityTemplate template, ActivityKind kind, DayOfWeek day, SplittableRandom when) {
            if (kind == ActivityKind.CAMP) {
                return LocalTime.of(9, 0);
            }
            boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
            String audience = template.audiences().isEmpty() ? Audience.ADULTS.name() : template.audiences().getFirst();
            List<LocalTime> times = switch (Audience.valueOf(audience)) {
                case SENIORS -> List.of(LocalTime.of(10, 0), LocalTime.of(11, 0), LocalTime.of(13, 0), LocalTime.of(14, 0));
                case CHILDREN, FAMILIES -> weekend ? List.of(LocalTime.of(10, 0), LocalTime.of(11, 0), LocalTime.of(12, 0))
                        : List.of(LocalTime.of(15, 0), LocalTime.of(15, 30), LocalTime.of(16, 0));
                case YOUTH -> weekend ? List.of(LocalTime.of(11, 0), LocalTime.of(13, 0))
                        : List.of(LocalTime.of(16, 0), LocalTime.of(16, 30), LocalTime.of(17, 0));
                default -> weekend ? List.of(LocalTime.of(10, 0), LocalTime.of(11, 0), LocalTime.of(12, 0))
                        : List.of(LocalTime.of(17, 0), LocalTime.of(17, 30), LocalTime.of(18, 0), LocalTime.of(18, 30));
            };
            return times.get(when.nextInt(times.size()));
        }

        private static String byDay(DayOfWeek day) {
            return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).substring(0, 2).toUpperCase(Locale.ROOT);
        }
    }
}
