package org.learningmap.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learningmap.platform.Json;
import org.learningmap.shared.LocalizedText;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/**
 * The items of the check in {@code assessment_item} and their versions in {@code assessment_item_version}.
 * A version is written once and never changed. At start every item of {@code assessment/items.json}
 * not yet stored is added as version 1 (so starting again changes nothing), and the {@link ItemBank}
 * gets the current version of every item not retired.
 */
@Repository
class ItemVersions implements SmartInitializingSingleton {

    /** One stored version of an item, as it was asked while it was current. */
    record Version(Item item, int version, String bankVersion, Long createdBy, Instant createdAt) {
    }

    /** An item as the coordinators' pages list it: its current version and whether it is retired. */
    record Entry(Item item, int version, int position, Instant retiredAt) {

        public boolean retired() {
            return retiredAt != null;
        }
    }

    private static final TypeReference<List<ItemBank.RawOption>> OPTIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> ANSWER = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, String>> TEXT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ItemBank bank;

    ItemVersions(JdbcClient jdbc, ItemBank bank) {
        this.jdbc = jdbc;
        this.bank = bank;
    }

    @Override
    public void afterSingletonsInstantiated() {
        seed();
        reload();
    }

    /** Adds the file's items not yet stored, each as version 1; stored items are left as they are. */
    void seed() {
        List<Item> items = bank.fromFile();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            int added = jdbc.sql("""
                            INSERT INTO assessment_item (id, competence, kind, position, current_version)
                            VALUES (?, ?, ?, ?, 1) ON CONFLICT (id) DO NOTHING
                            """)
                    .params(item.id(), item.competence(), item.kind().name(), i).update();
            if (added == 1) {
                insertVersion(item, 1, bank.version(), null, Instant.EPOCH);
            }
        }
    }

    /** Gives the bank the current version of every item not retired. */
    void reload() {
        List<Entry> active = entries().stream().filter(e -> !e.retired()).toList();
        Map<String, Integer> versions = new LinkedHashMap<>();
        active.forEach(e -> versions.put(e.item().id(), e.version()));
        bank.replace(active.stream().map(Entry::item).toList(), versions);
    }

    List<Entry> entries() {
        return jdbc.sql("""
                        SELECT i.id, i.competence, i.kind, i.position, i.current_version, i.retired_at,
                               v.band, v.difficulty, v.text::text AS text, v.options::text AS options, v.answer::text AS answer
                          FROM assessment_item i
                          JOIN assessment_item_version v ON v.item_id = i.id AND v.version = i.current_version
                         ORDER BY i.position
                        """)
                .query((rs, row) -> {
                    Timestamp retired = rs.getTimestamp("retired_at");
                    return new Entry(item(rs), rs.getInt("current_version"), rs.getInt("position"),
                            retired == null ? null : retired.toInstant());
                }).list();
    }

    Optional<Entry> entry(String id) {
        return entries().stream().filter(e -> e.item().id().equals(id)).findFirst();
    }

    /** The versions of an item, the newest first. */
    List<Version> history(String id) {
        return jdbc.sql("""
                        SELECT i.id, i.competence, i.kind, v.version, v.band, v.difficulty, v.text::text AS text,
                               v.options::text AS options, v.answer::text AS answer, v.bank_version, v.created_by, v.created_at
                          FROM assessment_item i JOIN assessment_item_version v ON v.item_id = i.id
                         WHERE i.id = ? ORDER BY v.version DESC
                        """)
                .param(id).query(ItemVersions::version).list();
    }

    Optional<Version> version(String id, int version) {
        return jdbc.sql("""
                        SELECT i.id, i.competence, i.kind, v.version, v.band, v.difficulty, v.text::text AS text,
                               v.options::text AS options, v.answer::text AS answer, v.bank_version, v.created_by, v.created_at
                          FROM assessment_item i JOIN assessment_item_version v ON v.item_id = i.id
                         WHERE i.id = ? AND v.version = ?
                        """)
                .params(id, version).query(ItemVersions::version).optional();
    }

    /** Adds the next version of an item and makes it current; returns its number. Locks the item meanwhile. */
    int addVersion(Item item, String bankVersion, long by, Instant now) {
        int next = jdbc.sql("SELECT current_version FROM assessment_item WHERE id = ? FOR UPDATE").param(item.id())
                .query(Integer.class).single() + 1;
        insertVersion(item, next, bankVersion, by, now);
        jdbc.sql("UPDATE assessment_item SET current_version = ? WHERE id = ?").params(next, item.id()).update();
        return next;
    }

    /** Locks the items of a competence for the rest of the transaction (so two retirements cannot empty a band together). */
    void lockCompetence(String competence) {
        jdbc.sql("SELECT id FROM assessment_item WHERE competence = ? ORDER BY id FOR UPDATE").param(competence)
                .query(String.class).list();
    }

    void retire(String id, long by, Instant now) {
        jdbc.sql("UPDATE assessment_item SET retired_at = ?, retired_by = ? WHERE id = ? AND retired_at IS NULL")
                .params(Timestamp.from(now), by, id).update();
    }

    void restore(String id) {
        jdbc.sql("UPDATE assessment_item SET retired_at = NULL, retired_by = NULL WHERE id = ?").param(id).update();
    }

    private void insertVersion(Item item, int version, String bankVersion, Long by, Instant now) {
        List<ItemBank.RawOption> options = item.options().stream()
                .map(o -> new ItemBank.RawOption(o.id(), o.text().values(), o.image())).toList();
        jdbc.sql("""
                        INSERT INTO assessment_item_version (item_id, version, band, difficulty, text, options, answer,
                                                             bank_version, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?)
                        ON CONFLICT (item_id, version) DO NOTHING
                        """)
                .params(item.id(), version, item.band().name(), item.difficulty(), Json.write(item.text().values()),
                        Json.write(options), Json.write(item.answer()), bankVersion, by, Timestamp.from(now))
                .update();
    }

    private static Version version(ResultSet rs, int row) throws SQLException {
        Object by = rs.getObject("created_by");
        return new Version(item(rs), rs.getInt("version"), rs.getString("bank_version"),
                by == null ? null : ((Number) by).longValue(), rs.getTimestamp("created_at").toInstant());
    }

    private static Item item(ResultSet rs) throws SQLException {
        List<ItemBank.RawOption> options = Json.mapper().readValue(rs.getString("options"), OPTIONS);
        return new Item(rs.getString("id"), rs.getString("competence"), Item.Kind.valueOf(rs.getString("kind")),
                Band.valueOf(rs.getString("band")), rs.getInt("difficulty"),
                new LocalizedText(Json.mapper().readValue(rs.getString("text"), TEXT)),
                options.stream().map(o -> new Item.Option(o.id(), new LocalizedText(o.text()), o.image())).toList(),
                Json.mapper().readValue(rs.getString("answer"), ANSWER));
    }
}
