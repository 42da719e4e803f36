package org.learningmap.sites;

import java.util.Optional;
import org.learningmap.platform.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes to the sites module's tables: sites, their logos and their areas. */
@Repository
class SiteStore {

    /** A stored logo. */
    record Logo(String contentType, byte[] bytes, long version) {
    }

    private final JdbcClient jdbc;

    SiteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(SiteSettings s) {
        return jdbc.sql("""
                        INSERT INTO site (slug, host, name, country, languages, default_language, time_zone, primary_colour,
                                          accent_colour, requires_moderation, centre_lat, centre_lon, default_zoom)
                        VALUES (?, ?, ?::jsonb, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(s.slug(), s.host(), Json.json(s.name()), s.country(), array(s), s.defaultLanguage(), s.zone().getId(),
                        s.primaryColour(), s.accentColour(), s.requiresModeration(), s.centreLat(), s.centreLon(), s.zoom())
                .query(Long.class).single();
    }

    void update(long id, SiteSettings s) {
        jdbc.sql("""
                        UPDATE site SET slug = ?, host = ?, name = ?::jsonb, country = ?, languages = ?::text[],
                                        default_language = ?, time_zone = ?, primary_colour = ?, accent_colour = ?,
                                        requires_moderation = ?, centre_lat = ?, centre_lon = ?, default_zoom = ?
                        WHERE id = ?
                        """)
                .params(s.slug(), s.host(), Json.json(s.name()), s.country(), array(s), s.defaultLanguage(), s.zone().getId(),
                        s.primaryColour(), s.accentColour(), s.requiresModeration(), s.centreLat(), s.centreLon(), s.zoom(), id)
                .update();
    }

    boolean slugTaken(String slug, Long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM site WHERE slug = ? AND id <> ?)")
                .params(slug, exceptId == null ? -1L : exceptId).query(Boolean.class).single();
    }

    boolean hostTaken(String host, Long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM site WHERE lower(host) = lower(?) AND id <> ?)")
                .params(host, exceptId == null ? -1L : exceptId).query(Boolean.class).single();
    }

    void saveLogo(long siteId, LogoImage.Processed logo) {
        jdbc.sql("""
                        INSERT INTO site_logo (site_id, content_type, width, height, bytes, updated_at)
                        VALUES (?, ?, ?, ?, ?, clock_timestamp())
                        ON CONFLICT (site_id) DO UPDATE SET content_type = excluded.content_type, width = excluded.width,
                            height = excluded.height, bytes = excluded.bytes, updated_at = excluded.updated_at
                        """)
                .params(siteId, logo.contentType(), logo.width(), logo.height(), logo.bytes())
                .update();
    }

    void removeLogo(long siteId) {
        jdbc.sql("DELETE FROM site_logo WHERE site_id = ?").param(siteId).update();
    }

    Optional<Logo> logo(long siteId) {
        return jdbc.sql("""
                        SELECT content_type, bytes, (extract(epoch FROM updated_at) * 1000)::bigint AS version
                        FROM site_logo WHERE site_id = ?
                        """)
                .param(siteId)
                .query((rs, n) -> new Logo(rs.getString("content_type"), rs.getBytes("bytes"), rs.getLong("version")))
                .optional();
    }

    boolean areaCodeTaken(long siteId, String code, Long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM area WHERE site_id = ? AND upper(code) = upper(?) AND id <> ?)")
                .params(siteId, code, exceptId == null ? -1L : exceptId).query(Boolean.class).single();
    }

    long insertArea(long siteId, AreaForm.Checked area) {
        return jdbc.sql("""
                        INSERT INTO area (site_id, code, name, population, centre_lat, centre_lon)
                        VALUES (?, ?, ?::jsonb, ?, ?, ?) RETURNING id
                        """)
                .params(siteId, area.code(), Json.json(area.name()), area.population(), area.lat(), area.lon())
                .query(Long.class).single();
    }

    void updateArea(long siteId, long areaId, AreaForm.Checked area) {
        jdbc.sql("""
                        UPDATE area SET code = ?, name = ?::jsonb, population = ?, centre_lat = ?, centre_lon = ?
                        WHERE site_id = ? AND id = ?
                        """)
                .params(area.code(), Json.json(area.name()), area.population(), area.lat(), area.lon(), siteId, areaId)
                .update();
    }

    /** Removes the area; the site's own gazetteer forgets it, any other reference (a venue) makes this fail. */
    void deleteArea(long siteId, long areaId) {
        jdbc.sql("UPDATE place_name SET area_id = NULL WHERE site_id = ? AND area_id = ?").params(siteId, areaId).update();
        jdbc.sql("DELETE FROM area WHERE site_id = ? AND id = ?").params(siteId, areaId).update();
    }

    private static String array(SiteSettings s) {
        return "{" + String.join(",", s.languages()) + "}";
    }
}
