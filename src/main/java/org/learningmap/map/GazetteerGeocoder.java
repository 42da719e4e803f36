package org.learningmap.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningmap.shared.GeoPoint;
import org.learningmap.sites.Area;
import org.learningmap.sites.PlaceName;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds places in what the site already knows: the towns of its gazetteer, then the towns and
 * addresses of its venues. A venue's town already in the gazetteer is not repeated. Nothing leaves
 * the server. A deployment that wants another geocoder declares its own {@link Geocoder} bean as
 * {@code @Primary}.
 */
@Component
class GazetteerGeocoder implements Geocoder {

    private final Sites sites;
    private final JdbcClient jdbc;

    GazetteerGeocoder(Sites sites, JdbcClient jdbc) {
        this.sites = sites;
        this.jdbc = jdbc;
    }

    @Override
    public List<Place> find(Site site, String typed, String language, int limit) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        String text = typed.strip().length() > 100 ? typed.strip().substring(0, 100) : typed.strip();
        Map<String, Place> found = new LinkedHashMap<>();
        Map<Long, String> areaNames = new LinkedHashMap<>();
        for (Area area : sites.areas(site.id())) {
            areaNames.put(area.id(), area.name().in(language, site.defaultLanguage()));
        }
        for (PlaceName town : sites.findPlaces(site.id(), text, limit)) {
            String area = town.areaId() == null ? "" : areaNames.getOrDefault(town.areaId(), "");
            found.put("gazetteer|" + town.id(), new Place(town.name(), area, town.point()));
        }
        for (Place town : venueTowns(site.id(), text, limit)) {
            String name = Place.plain(town.name());
            if (found.values().stream().noneMatch(place -> Place.plain(place.name()).equals(name))) {
                found.put("town|" + name, town);
            }
        }
        for (Place address : venueAddresses(site.id(), text, limit)) {
            found.putIfAbsent("address|" + Place.plain(address.label()), address);
        }
        List<Place> places = new ArrayList<>(found.values());
        return places.size() > limit ? places.subList(0, limit) : places;
    }

    private List<Place> venueTowns(long siteId, String typed, int limit) {
        return jdbc.sql("""
                        SELECT town, avg(lat) AS lat, avg(lon) AS lon
                        FROM venue
                        WHERE site_id = :site
                          AND (lm_unaccent(lower(town)) LIKE lm_unaccent(lower(:prefix)) || '%'
                               OR lm_unaccent(lower(town)) % lm_unaccent(lower(:typed)))
                        GROUP BY town
                        ORDER BY max(similarity(lm_unaccent(lower(town)), lm_unaccent(lower(:typed)))) DESC, count(*) DESC
                        LIMIT :limit
                        """)
                .param("site", siteId)
                .param("prefix", typed.replace("%", "").replace("_", ""))
                .param("typed", typed)
                .param("limit", limit)
                .query((rs, n) -> new Place(rs.getString("town"), "", new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon"))))
                .list();
    }

    private List<Place> venueAddresses(long siteId, String typed, int limit) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (lm_unaccent(lower(address)), town) address, town, lat, lon,
                               word_similarity(lm_unaccent(lower(:typed)), lm_unaccent(lower(address))) AS score
                        FROM venue
                        WHERE site_id = :site
                          AND lm_unaccent(lower(:typed)) <% lm_unaccent(lower(address))
                        ORDER BY lm_unaccent(lower(address)), town, id
                        """)
                .param("site", siteId)
                .param("typed", typed)
                .query((rs, n) -> new Scored(new Place(rs.getString("address"), rs.getString("town"),
                        new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon"))), rs.getDouble("score")))
                .list()
                .stream()
                .sorted((a, b) -> Double.compare(b.score(), a.score()))
                .limit(limit)
                .map(Scored::place)
                .toList();
    }

    private record Scored(Place place, double score) {
    }
}
