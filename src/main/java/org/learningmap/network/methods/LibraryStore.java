package org.learningmap.network.methods;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Library items and their versions. */
@Repository
class LibraryStore {

    /** What the search page filters by; null or empty means any. */
    record Filter(String text, LibraryKind kind, String topic, String audience, String language, Long organisationId) {
    }

    private static final String ITEM = """
            SELECT i.*, (i.link_opens + coalesce((SELECT sum(v.downloads) FROM library_version v WHERE v.item_id = i.id), 0)) AS downloads,
                   (SELECT max(v.number) FROM library_version v WHERE v.item_id = i.id) AS latest
            FROM library_item i
            """;

    private final JdbcClient jdbc;

    LibraryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long siteId, long organisationId, LibraryKind kind, String title, String description, String language,
                List<String> topics, List<String> audiences, String linkUrl, long by) {
        return jdbc.sql("""
                        INSERT INTO library_item (site_id, organisation_id, kind, title, description, language, topics, audiences, link_url, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?) RETURNING id
                        """)
                .params(siteId, organisationId, kind.name(), title, description, language, array(topics), array(audiences), linkUrl, by)
                .query(Long.class).single();
    }

    int addVersion(long itemId, long organisationId, String key, String fileName, FileType type, long size, String sha256,
                   String note, long by) {
        // One version at a time per item: the row lock keeps two uploads from taking the same number.
        jdbc.sql("SELECT id FROM library_item WHERE id = ? FOR UPDATE").param(itemId).query(Long.class).single();
        int number = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM library_version WHERE item_id = ?").param(itemId)
                .query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO library_version (item_id, organisation_id, number, file_key, file_name, file_type, content_type,
                                                     size_bytes, sha256, note, uploaded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(itemId, organisationId, number, key, fileName, type.name(), type.contentType(), size, sha256, note, by)
                .update();
        jdbc.sql("UPDATE library_item SET updated_at = now() WHERE id = ?").param(itemId).update();
        return number;
    }

    Optional<LibraryItem> find(long id) {
        return jdbc.sql(ITEM + " WHERE i.id = ?").param(id).query(LibraryStore::item).optional();
    }

    List<LibraryItem> ofOrganisation(long organisationId) {
        return jdbc.sql(ITEM + " WHERE i.organisation_id = ? ORDER BY i.updated_at DESC, i.id DESC").param(organisationId)
                .query(LibraryStore::item).list();
    }

    List<LibraryItem> search(long siteId, Filter filter, int limit) {
        List<String> where = new ArrayList<>(List.of("i.site_id = :site"));
        Map<String, Object> params = new HashMap<>();
        params.put("site", siteId);
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("(i.title ILIKE :text OR i.description ILIKE :text)");
            params.put("text", "%" + filter.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.kind() != null) {
            where.add("i.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.topic() != null && !filter.topic().isBlank()) {
            where.add(":topic = ANY (i.topics)");
            params.put("topic", filter.topic());
        }
        if (filter.audience() != null && !filter.audience().isBlank()) {
            where.add(":audience = ANY (i.audiences)");
            params.put("audience", filter.audience());
        }
        if (filter.language() != null && !filter.language().isBlank()) {
            where.add("i.language = :language");
            params.put("language", filter.language());
        }
        if (filter.organisationId() != null) {
            where.add("i.organisation_id = :organisation");
            params.put("organisation", filter.organisationId());
        }
        return jdbc.sql(ITEM + " WHERE " + String.join(" AND ", where) + " ORDER BY i.updated_at DESC, i.id DESC LIMIT :limit")
                .params(params).param("limit", limit).query(LibraryStore::item).list();
    }

    List<LibraryVersion> versions(long itemId) {
        return jdbc.sql("SELECT * FROM library_version WHERE item_id = ? ORDER BY number DESC").param(itemId)
                .query(LibraryStore::version).list();
    }

    Optional<LibraryVersion> version(long itemId, int number) {
        return jdbc.sql("SELECT * FROM library_version WHERE item_id = ? AND number = ?").params(itemId, number)
                .query(LibraryStore::version).optional();
    }

    void countDownload(long versionId) {
        jdbc.sql("UPDATE library_version SET downloads = downloads + 1 WHERE id = ?").param(versionId).update();
    }

    void countOpen(long itemId) {
        jdbc.sql("UPDATE library_item SET link_opens = link_opens + 1 WHERE id = ?").param(itemId).update();
    }

    void delete(long itemId) {
        jdbc.sql("DELETE FROM library_item WHERE id = ?").param(itemId).update();
    }

    boolean exists(long siteId, long organisationId, String title) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM library_item WHERE site_id = ? AND organisation_id = ? AND title = ?)")
                .params(siteId, organisationId, title).query(Boolean.class).single();
    }

    private static String array(List<String> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v.replace("\"", "") + "\"").toList()) + "}";
    }

    private static LibraryItem item(ResultSet rs, int n) throws SQLException {
        return new LibraryItem(rs.getLong("id"), rs.getLong("site_id"), rs.getLong("organisation_id"),
                LibraryKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"),
                rs.getString("language"), strings(rs.getArray("topics")), strings(rs.getArray("audiences")),
                rs.getString("link_url"), rs.getLong("downloads"), (Integer) rs.getObject("latest"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static LibraryVersion version(ResultSet rs, int n) throws SQLException {
        return new LibraryVersion(rs.getLong("id"), rs.getLong("item_id"), rs.getInt("number"), rs.getString("file_key"),
                rs.getString("file_name"), FileType.valueOf(rs.getString("file_type")), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getString("note"), rs.getLong("downloads"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
