package org.learningmap.map;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.learningmap.catalogue.SearchFilters;
import org.learningmap.sites.Site;

/**
 * One search as SQL for the map. The activity conditions are exactly the catalogue's
 * {@link SearchFilters#where}; on top of them a session counts only when it is itself upcoming,
 * scheduled and at a venue, and meets the filters about sessions (dates, venue), and a venue only
 * when it meets the filters about venues (accessibility, area, distance). Without these a venue
 * would be shown for a session that is not the one the visitor asked for.
 *
 * @param where              conditions over {@code activity a}
 * @param sessionConditions  conditions over {@code session s}, each starting with {@code AND}
 * @param venueConditions    conditions over {@code venue v}, each starting with {@code AND}
 * @param params             named parameters of all three
 */
record MapQuery(long siteId, String where, String sessionConditions, String venueConditions, Map<String, Object> params,
                boolean nothingAtVenues) {

    /** What decides the answer: equal keys give equal answers at the same moment. */
    record Key(long siteId, String where, String sessionConditions, String venueConditions, Map<String, Object> params) {
    }

    static MapQuery of(Site site, SearchFilters filters, Instant now) {
        SearchFilters.Where where = filters.where(site.id(), site.zone(), now);
        Map<String, Object> params = new LinkedHashMap<>(where.params());
        params.put("siteId", site.id());
        params.put("now", Timestamp.from(now));
        StringBuilder session = new StringBuilder();
        if (filters.from() != null) {
            session.append(" AND s.ends_at >= :mapFrom");
            params.put("mapFrom", Timestamp.from(filters.from().atStartOfDay(site.zone()).toInstant()));
        }
        if (filters.to() != null) {
            session.append(" AND s.starts_at < :mapTo");
            params.put("mapTo", Timestamp.from(filters.to().plusDays(1).atStartOfDay(site.zone()).toInstant()));
        }
        if (filters.venueId() != null) {
            session.append(" AND s.venue_id = :mapVenue");
            params.put("mapVenue", filters.venueId());
        }
        StringBuilder venue = new StringBuilder();
        if (!filters.accessibility().isEmpty()) {
            venue.append(" AND v.accessibility @> CAST(:mapAccessibility AS text[])");
            params.put("mapAccessibility", filters.accessibility().stream().map(Enum::name).sorted()
                    .collect(Collectors.joining(",", "{", "}")));
        }
        if (filters.areaId() != null) {
            venue.append(" AND v.area_id = :mapArea");
            params.put("mapArea", filters.areaId());
        }
        if (filters.near() != null && filters.radiusKm() != null) {
            venue.append(" AND earth_distance(ll_to_earth(v.lat, v.lon), ll_to_earth(:mapNearLat, :mapNearLon)) <= :mapRadiusMetres");
            params.put("mapNearLat", filters.near().lat());
            params.put("mapNearLon", filters.near().lon());
            params.put("mapRadiusMetres", filters.radiusKm() * 1000);
        }
        return new MapQuery(site.id(), where.sql(), session.toString(), venue.toString(), params,
                filters.mode() == SearchFilters.Mode.ONLINE);
    }

    Key key() {
        Map<String, Object> withoutNow = new LinkedHashMap<>(params);
        withoutNow.remove("now");
        return new Key(siteId, where, sessionConditions, venueConditions, withoutNow);
    }
}
