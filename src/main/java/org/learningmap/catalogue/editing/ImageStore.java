package org.learningmap.catalogue.editing;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Activity pictures in the database, so every node serves the same files without shared storage. */
@Repository
class ImageStore {

    /** A stored picture and who may see it: anyone once an activity using it is public, else its organisation's staff. */
    record Image(long id, long organisationId, String contentType, byte[] bytes, boolean shownPublicly) {
    }

    private final JdbcClient jdbc;

    ImageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long store(long organisationId, ImageProcessor.Processed image) {
        return jdbc.sql("""
                        INSERT INTO activity_image (organisation_id, content_type, width, height, bytes)
                        VALUES (?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(organisationId, image.contentType(), image.width(), image.height(), image.bytes())
                .query(Long.class).single();
    }

    Optional<Image> find(long id) {
        return jdbc.sql("""
                        SELECT i.id, i.organisation_id, i.content_type, i.bytes,
                               EXISTS (SELECT 1 FROM activity a WHERE a.image_id = i.id
                                       AND a.status IN ('PUBLISHED', 'CANCELLED')) AS shown_publicly
                        FROM activity_image i WHERE i.id = ?
                        """)
                .param(id)
                .query((rs, n) -> new Image(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("content_type"),
                        rs.getBytes("bytes"), rs.getBoolean("shown_publicly")))
                .optional();
    }
}
