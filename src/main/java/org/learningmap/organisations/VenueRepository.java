package org.learningmap.organisations;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.learningmap.platform.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

@Repository
class VenueRepository {

    private static final TypeReference<LinkedHashMap<String, String>> HOURS = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            v.id, v.site_id, v.organisation_id, v.area_id, v.kind, v.name, v.address, v.town, v.lat, v.lon,
            v.opening_hours, v.accessibility
            """;

    private final JdbcClient jdbc;

    VenueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Venue> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM venue v WHERE v.id = ?").param(id)
                .query(VenueRepository::venue).optional();
    }

    List<Venue> ofOrganisation(long organisationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM venue v WHERE v.organisation_id = ? ORDER BY v.town, v.name ->> 'en', v.id")
                .param(organisationId).query(VenueRepository::venue).list();
    }

    long insert(long siteId, long organisationId, VenueDetails details) {
        return jdbc.sql("""
                        INSERT INTO venue (site_id, organisation_id, area_id, kind, name, address, town, lat, lon, opening_hours, accessibility)
                        VALUES (:site, :organisation, :area, :kind, :name::jsonb, :address, :town, :lat, :lon, :hours::jsonb, :access::text[])
                        RETURNING id
                        """)
                .param("site", siteId)
                .param("organisation", organisationId)
                .params(parameters(details))
                .query(Long.class).single();
    }

    void update(long id, VenueDetails details) {
        jdbc.sql("""
                        UPDATE venue SET area_id = :area, kind = :kind, name = :name::jsonb, address = :address, town = :town,
                               lat = :lat, lon = :lon, opening_hours = :hours::jsonb, accessibility = :access::text[]
                        WHERE id = :id
                        """)
                .param("id", id)
                .params(parameters(details))
                .update();
    }

    /** Venues of the site's approved organisations, optionally of one organisation or area. */
    List<Venue> publicOnSite(long siteId, Long organisationId, Long areaId, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM venue v JOIN organisation o ON o.id = v.organisation_id " + publicWhere()
                        + " ORDER BY v.town, v.name ->> 'en', v.id OFFSET :offset LIMIT :limit")
                .param("site", siteId).param("organisation", organisationId, java.sql.Types.BIGINT)
                .param("area", areaId, java.sql.Types.BIGINT)
                .param("offset", offset).param("limit", limit)
                .query(VenueRepository::venue).list();
    }

    long countPublicOnSite(long siteId, Long organisationId, Long areaId) {
        return jdbc.sql("SELECT count(*) FROM venue v JOIN organisation o ON o.id = v.organisation_id " + publicWhere())
                .param("site", siteId).param("organisation", organisationId, java.sql.Types.BIGINT)
                .param("area", areaId, java.sql.Types.BIGINT)
                .query(Long.class).single();
    }

    private static String publicWhere() {
        return """
                WHERE v.site_id = :site AND o.status = 'APPROVED'
                  AND (CAST(:organisation AS bigint) IS NULL OR v.organisation_id = :organisation)
                  AND (CAST(:area AS bigint) IS NULL OR v.area_id = :area)
                """;
    }

    private static Map<String, Object> parameters(VenueDetails details) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("area", details.areaId());
        parameters.put("kind", details.kind().name());
        parameters.put("name", Json.json(details.name()));
        parameters.put("address", details.address());
        parameters.put("town", details.town());
        parameters.put("lat", details.lat());
        parameters.put("lon", details.lon());
        Map<String, String> hours = new LinkedHashMap<>();
        details.openingHours().forEach((day, text) -> hours.put(day.name(), text));
        parameters.put("hours", Json.write(hours));
        parameters.put("access", details.accessibility().stream().map(Enum::name).sorted()
                .collect(Collectors.joining(",", "{", "}")));
        return parameters;
    }

    private static Venue venue(ResultSet rs, int row) throws SQLException {
        return new Venue(rs.getLong("id"), rs.getLong("site_id"), rs.getLong("organisation_id"), (Long) rs.getObject("area_id"),
                VenueKind.valueOf(rs.getString("kind")), Json.text(rs.getString("name")), rs.getString("address"),
                rs.getString("town"), rs.getDouble("lat"), rs.getDouble("lon"), hours(rs.getString("opening_hours")),
                facts(rs.getArray("accessibility")));
    }

    private static Map<DayOfWeek, String> hours(String json) {
        Map<DayOfWeek, String> hours = new EnumMap<>(DayOfWeek.class);
        if (json == null || json.isBlank()) {
            return hours;
        }
        Json.mapper().readValue(json, HOURS).forEach((day, text) -> {
            try {
                if (text != null && !text.isBlank()) {
                    hours.put(DayOfWeek.valueOf(day), text);
                }
            } catch (IllegalArgumentException ignored) {
                // a key that is not a weekday was never written by this module; leaving it out keeps the page readable
            }
        });
        return hours;
    }

    private static Set<AccessibilityFact> facts(Array array) throws SQLException {
        Set<AccessibilityFact> facts = EnumSet.noneOf(AccessibilityFact.class);
        if (array != null) {
            for (String fact : (String[]) array.getArray()) {
                try {
                    facts.add(AccessibilityFact.valueOf(fact));
                } catch (IllegalArgumentException ignored) {
                    // a fact this version does not know is not shown rather than failing the page
                }
            }
        }
        return facts;
    }
}
