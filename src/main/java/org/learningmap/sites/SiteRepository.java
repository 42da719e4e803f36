package org.learningmap.sites;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.learningmap.platform.Json;
import org.learningmap.shared.GeoPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SiteRepository {

    private final JdbcClient jdbc;

    SiteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Site> findAll() {
        return jdbc.sql("SELECT * FROM site ORDER BY id").query(SiteRepository::site).list();
    }

    Optional<Integer> digitalConsentAge(long siteId) {
        return jdbc.sql("SELECT digital_consent_age FROM site WHERE id = ?").param(siteId).query(Integer.class).optional();
    }

    List<Area> areas(long siteId) {
        return jdbc.sql("SELECT * FROM area WHERE site_id = ? ORDER BY name ->> 'en'")
                .param(siteId)
                .query((rs, n) -> area(rs))
                .list();
    }

    Optional<Area> area(long siteId, long areaId) {
        return jdbc.sql("SELECT * FROM area WHERE site_id = ? AND id = ?")
                .params(siteId, areaId)
                .query((rs, n) -> area(rs))
                .optional();
    }

    List<PlaceName> findPlaces(long siteId, String typed, int limit) {
        return jdbc.sql("""
                        SELECT id, name, area_id, population, lat, lon
                        FROM place_name
                        WHERE site_id = :site
                          AND (lm_unaccent(lower(name)) LIKE lm_unaccent(lower(:prefix)) || '%'
                               OR lm_unaccent(lower(name)) % lm_unaccent(lower(:typed)))
                        ORDER BY (lm_unaccent(lower(name)) = lm_unaccent(lower(:typed))) DESC,
                                 similarity(lm_unaccent(lower(name)), lm_unaccent(lower(:typed))) DESC,
                                 population DESC
                        LIMIT :limit
                        """)
                .param("site", siteId)
                .param("prefix", typed.replace("%", "").replace("_", ""))
                .param("typed", typed)
                .param("limit", limit)
                .query((rs, n) -> new PlaceName(rs.getLong("id"), rs.getString("name"),
                        (Long) rs.getObject("area_id"), rs.getInt("population"),
                        new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon"))))
                .list();
    }

    private static Site site(ResultSet rs, int row) throws SQLException {
        return new Site(rs.getLong("id"), rs.getString("slug"), rs.getString("host"), Json.text(rs.getString("name")),
                rs.getString("country"), strings(rs.getArray("languages")), rs.getString("default_language"),
                ZoneId.of(rs.getString("time_zone")), rs.getString("logo_url"), rs.getString("primary_colour"),
                rs.getString("accent_colour"), rs.getBoolean("requires_moderation"),
                new GeoPoint(rs.getDouble("centre_lat"), rs.getDouble("centre_lon")), rs.getInt("default_zoom"));
    }

    private static Area area(ResultSet rs) throws SQLException {
        return new Area(rs.getLong("id"), rs.getLong("site_id"), rs.getString("code"), Json.text(rs.getString("name")),
                rs.getInt("population"), (Double) rs.getObject("centre_lat"), (Double) rs.getObject("centre_lon"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
