package org.learningmap.catalogue.editing;

import java.util.List;
import org.learningmap.platform.Json;
import org.learningmap.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The venues an organisation may hold sessions at. The catalogue already reads the venue table for
 * search (sessions reference venues), so it reads names and towns here the same way.
 */
@Component
class VenueChoices {

    /** A venue to choose for a session. */
    record Venue(long id, LocalizedText name, String town) {
    }

    private final JdbcClient jdbc;

    VenueChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Venue> of(long organisationId) {
        return jdbc.sql("SELECT id, name, town FROM venue WHERE organisation_id = ? ORDER BY town, name ->> 'en', id")
                .param(organisationId)
                .query((rs, n) -> new Venue(rs.getLong("id"), Json.text(rs.getString("name")), rs.getString("town")))
                .list();
    }

    boolean belongsTo(long venueId, long organisationId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM venue WHERE id = ? AND organisation_id = ?)")
                .params(venueId, organisationId).query(Boolean.class).single();
    }
}
