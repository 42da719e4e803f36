package org.learningmap.map;

import jakarta.servlet.http.HttpServletRequest;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.learningmap.catalogue.Audience;
import org.learningmap.catalogue.SearchFilters;
import org.learningmap.organisations.AccessibilityFact;
import org.learningmap.platform.Json;
import org.learningmap.shared.GeoPoint;
import org.learningmap.shared.Languages;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The map page: the filters of search as a GET form, "near me" and "near a town or address", the
 * map (drawn by {@code map.js} from the clusters API) and beside it the same venues as a list
 * rendered here, which is all a visitor without JavaScript needs.
 */
@Controller
class MapController {

    static final int PAGE_SIZE = 20;
    static final double DEFAULT_RADIUS_KM = 25;
    static final List<Integer> RADIUS_CHOICES = List.of(5, 10, 25, 50, 100);
    private static final int SESSIONS_PER_VENUE = 3;

    record TopicOption(String slug, LocalizedText name) {
    }

    /** A link that chooses one of several places a person may have meant. */
    record PlaceChoice(String label, String href) {
    }

    record SessionLine(long activityId, String title, String titleLanguage, String startsIso, String startsText) {
    }

    record VenueCard(long id, String name, String nameLanguage, String address, String town, String distance,
                     int activities, int sessions, List<SessionLine> nextSessions) {
    }

    /**
     * Where the visitor is looking from.
     *
     * @param label the place's name, or empty for the visitor's own location
     */
    record Near(GeoPoint point, Double radiusKm, String label) {
    }

    /** The map's starting view and what it needs to draw: all passed to map.js as data attributes. */
    record MapView(double lat, double lon, int zoom, String bounds, String filters) {
    }

    private final MatchingVenues matching;
    private final NextSessions nextSessions;
    private final PlaceFinder places;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String tileUrl;
    private final String tileAttribution;

    MapController(MatchingVenues matching, NextSessions nextSessions, PlaceFinder places, JdbcClient jdbc, Clock clock,
                  @Value("${learningmap.map.tile-url}") String tileUrl,
                  @Value("${learningmap.map.tile-attribution}") String tileAttribution) {
        this.matching = matching;
        this.nextSessions = nextSessions;
        this.places = places;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    @GetMapping("/map")
    String map(HttpServletRequest request, Locale locale, Model model) {
        Site site = Sites.current();
        String language = locale.getLanguage();
        SearchFilters.Parsed parsed = SearchFilters.parse(request.getParameterMap());
        Map<String, String> errors = new LinkedHashMap<>(parsed.errors());
        SearchFilters asked = parsed.filters();
        Double radius = request.getParameter("radius") == null ? Double.valueOf(DEFAULT_RADIUS_KM) : asked.radiusKm();

        String typed = trimmed(request.getParameter("place"));
        String nearLabel = trimmed(request.getParameter("near"));
        Near near = null;
        List<PlaceChoice> choices = List.of();
        if (!typed.isEmpty() && !typed.equals(nearLabel)) {
            switch (places.resolve(site, typed, language)) {
                case PlaceFinder.Found found -> near = new Near(found.place().point(), radius, found.place().name());
                case PlaceFinder.Choose choose -> choices = choose.places().stream()
                        .map(place -> new PlaceChoice(place.label(), link(request, asked.withNear(place.point(), radius),
                                place.label(), 1)))
                        .toList();
                case PlaceFinder.NotFound notFound -> errors.put("place", "map.place.not-found");
            }
        } else if (asked.near() != null && !(typed.isEmpty() && !nearLabel.isEmpty())) {
            near = new Near(asked.near(), radius, typed);
        }
        SearchFilters filters = near == null ? asked.withNear(null, null) : asked.withNear(near.point(), near.radiusKm());

        Matches matches = matching.find(site, filters);
        List<MatchedVenue> ordered = new ArrayList<>(matches.venues());
        if (near != null) {
            GeoPoint from = near.point();
            ordered.sort(Comparator.comparingDouble((MatchedVenue venue) -> from.kilometresTo(venue.point()))
                    .thenComparingLong(MatchedVenue::id));
        } else {
            ordered.sort(Comparator.comparingInt(MatchedVenue::sessions).reversed()
                    .thenComparing(venue -> venue.name().in(language, site.defaultLanguage()))
                    .thenComparingLong(MatchedVenue::id));
        }
        int pages = Math.max(1, (ordered.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(pageNumber(request.getParameter("page")), pages);
        List<MatchedVenue> shown = ordered.subList((page - 1) * PAGE_SIZE, Math.min(ordered.size(), page * PAGE_SIZE));
        MapQuery query = MapQuery.of(site, filters, clock.instant());
        var sessions = nextSessions.at(query, shown.stream().map(MatchedVenue::id).toList(), SESSIONS_PER_VENUE);
        DateTimeFormatter dates = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", locale).withZone(site.zone());
        NumberFormat kilometres = NumberFormat.getNumberInstance(locale);
        kilometres.setMaximumFractionDigits(1);
        List<VenueCard> cards = new ArrayList<>();
        for (MatchedVenue venue : shown) {
            List<SessionLine> lines = sessions.getOrDefault(venue.id(), List.of()).stream()
                    .map(next -> new SessionLine(next.activityId(), next.title().in(language, site.defaultLanguage()),
                            next.title().languageShown(language, site.defaultLanguage()), next.startsAt().toString(),
                            dates.format(next.startsAt())))
                    .toList();
            String distance = near == null ? null : kilometres.format(near.point().kilometresTo(venue.point()));
            cards.add(new VenueCard(venue.id(), venue.name().in(language, site.defaultLanguage()),
                    venue.name().languageShown(language, site.defaultLanguage()), venue.address(), venue.town(), distance,
                    venue.activities(), venue.sessions(), lines));
        }

        model.addAttribute("filters", filters);
        model.addAttribute("errors", errors);
        model.addAttribute("placeText", near != null ? near.label() : typed);
        model.addAttribute("near", near);
        model.addAttribute("radius", radius == null ? "" : formatRadius(radius));
        model.addAttribute("radiusChoices", RADIUS_CHOICES);
        model.addAttribute("placeChoices", choices);
        model.addAttribute("topics", topics(site.id()));
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("accessFacts", AccessibilityFact.values());
        model.addAttribute("languages", instructionLanguages(site));
        model.addAttribute("onlineOnly", filters.mode() == SearchFilters.Mode.ONLINE);
        model.addAttribute("venues", cards);
        model.addAttribute("total", ordered.size());
        model.addAttribute("activitiesTotal", matches.activities());
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        String label = near == null ? null : near.label();
        model.addAttribute("previousPage", page > 1 ? link(request, filters, label, page - 1) : null);
        model.addAttribute("nextPage", page < pages ? link(request, filters, label, page + 1) : null);
        model.addAttribute("clearLocation", near == null ? null : link(request, filters.withNear(null, null), null, 1));
        model.addAttribute("mapView", mapView(request, site, filters, near, matches));
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        return "map/map";
    }

    private MapView mapView(HttpServletRequest request, Site site, SearchFilters filters, Near near, Matches matches) {
        String filterQuery = query(filters.toParameters()).replaceFirst("^\\?", "");
        String[] view = trimmed(request.getParameter("view")).split(",");
        if (view.length == 3) {
            try {
                double lat = Double.parseDouble(view[0]);
                double lon = Double.parseDouble(view[1]);
                int zoom = Integer.parseInt(view[2]);
                if (Math.abs(lat) <= 85 && Math.abs(lon) <= 180 && zoom >= 0 && zoom <= Matches.MAX_ZOOM) {
                    return new MapView(lat, lon, zoom, "", filterQuery);
                }
            } catch (NumberFormatException e) {
                // a mangled view falls back to the default view below
            }
        }
        if (near != null) {
            return new MapView(near.point().lat(), near.point().lon(), zoomFor(near.radiusKm()), "", filterQuery);
        }
        String bounds = "";
        if (!matches.venues().isEmpty()) {
            double minLon = 180;
            double minLat = 90;
            double maxLon = -180;
            double maxLat = -90;
            for (MatchedVenue venue : matches.venues()) {
                minLon = Math.min(minLon, venue.lon());
                minLat = Math.min(minLat, venue.lat());
                maxLon = Math.max(maxLon, venue.lon());
                maxLat = Math.max(maxLat, venue.lat());
            }
            bounds = minLon + "," + minLat + "," + maxLon + "," + maxLat;
        }
        return new MapView(site.centre().lat(), site.centre().lon(), site.defaultZoom(), bounds, filterQuery);
    }

    /** A zoom at which a circle of the radius fills a phone-sized map. */
    static int zoomFor(Double radiusKm) {
        if (radiusKm == null) {
            return 10;
        }
        int zoom = (int) Math.floor(Math.log(40_000.0 / (radiusKm * 4)) / Math.log(2)) + 1;
        return Math.max(4, Math.min(14, zoom));
    }

    /** The map page with these filters, near the given place, at a page of the list. */
    private static String link(HttpServletRequest request, SearchFilters filters, String placeLabel, int page) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        filters.toParameters().forEach(params::addAll);
        if (filters.near() != null) {
            params.set("near", placeLabel == null ? "" : placeLabel);
            params.set("place", placeLabel == null ? "" : placeLabel);
            if (filters.radiusKm() == null) {
                params.set("radius", "");
            }
        }
        if (page > 1) {
            params.set("page", Integer.toString(page));
        }
        return request.getContextPath() + "/map" + query(params);
    }

    private static String query(Map<String, List<String>> params) {
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        params.forEach(values::addAll);
        String query = UriComponentsBuilder.newInstance().queryParams(values).encode().build().toUriString();
        return query.isEmpty() ? "" : query;
    }

    private List<TopicOption> topics(long siteId) {
        return jdbc.sql("SELECT slug, name FROM topic WHERE site_id = ? ORDER BY position, slug")
                .param(siteId)
                .query((rs, n) -> new TopicOption(rs.getString("slug"), Json.text(rs.getString("name"))))
                .list();
    }

    private static List<String> instructionLanguages(Site site) {
        Set<String> languages = new LinkedHashSet<>(site.languages());
        languages.addAll(Languages.INTERFACE);
        return List.copyOf(languages);
    }

    private static int pageNumber(String text) {
        try {
            return Math.max(1, Integer.parseInt(trimmed(text)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String formatRadius(double radius) {
        return radius == Math.rint(radius) ? Long.toString((long) radius) : Double.toString(radius);
    }

    private static String trimmed(String text) {
        return text == null ? "" : text.strip();
    }
}
