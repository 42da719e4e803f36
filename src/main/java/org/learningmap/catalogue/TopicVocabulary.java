package org.learningmap.catalogue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.platform.Json;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.Languages;
import org.learningmap.shared.LocalizedText;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A site's topic vocabulary, kept by the site's coordinators (and platform administrators): add a
 * topic, rename it in each language, move it up or down, and remove it while no activity uses it.
 */
@Service
class TopicVocabulary {

    /** A topic with how many activities use it. */
    record Entry(Topic topic, int uses) {
    }

    private final JdbcClient jdbc;
    private final Topics topics;

    TopicVocabulary(JdbcClient jdbc, Topics topics) {
        this.jdbc = jdbc;
        this.topics = topics;
    }

    static boolean canManage(long siteId) {
        return CurrentAccount.get().map(account -> account.coordinates(siteId)).orElse(false);
    }

    private static void requireManager(long siteId) {
        if (!canManage(siteId)) {
            throw RuleViolation.forbidden();
        }
    }

    List<Entry> entries(long siteId) {
        requireManager(siteId);
        return jdbc.sql("""
                        SELECT t.id, t.slug, t.name, (SELECT count(*) FROM activity_topic a WHERE a.topic_id = t.id) AS uses
                        FROM topic t WHERE t.site_id = ? ORDER BY t.position, t.slug
                        """)
                .param(siteId)
                .query((rs, n) -> new Entry(new Topic(rs.getLong("id"), rs.getString("slug"), Json.text(rs.getString("name"))),
                        rs.getInt("uses")))
                .list();
    }

    Topic topic(long siteId, long topicId) {
        requireManager(siteId);
        return jdbc.sql("SELECT id, slug, name FROM topic WHERE site_id = ? AND id = ?")
                .params(siteId, topicId)
                .query((rs, n) -> new Topic(rs.getLong("id"), rs.getString("slug"), Json.text(rs.getString("name"))))
                .optional().orElseThrow(RuleViolation::notFound);
    }

    /** Adds a topic at the end of the list. Returns the field problems, empty when it was added. */
    @Transactional
    Map<String, String> add(long siteId, Map<String, String> names) {
        requireManager(siteId);
        LocalizedText name = clean(names);
        Map<String, String> problems = check(name);
        if (!problems.isEmpty()) {
            return problems;
        }
        String base = slug(name);
        String slug = base;
        for (int n = 2; taken(siteId, slug); n++) {
            slug = base + "-" + n;
        }
        jdbc.sql("""
                        INSERT INTO topic (site_id, slug, name, position)
                        VALUES (?, ?, ?::jsonb, (SELECT coalesce(max(position), 0) + 1 FROM topic WHERE site_id = ?))
                        """)
                .params(siteId, slug, Json.json(name), siteId).update();
        topics.forget(siteId);
        return Map.of();
    }

    @Transactional
    Map<String, String> rename(long siteId, long topicId, Map<String, String> names) {
        topic(siteId, topicId);
        LocalizedText name = clean(names);
        Map<String, String> problems = check(name);
        if (!problems.isEmpty()) {
            return problems;
        }
        jdbc.sql("UPDATE topic SET name = ?::jsonb WHERE site_id = ? AND id = ?").params(Json.json(name), siteId, topicId).update();
        topics.forget(siteId);
        return Map.of();
    }

    /** Moves a topic one place up (towards the start) or down; the first cannot go up nor the last down. */
    @Transactional
    void move(long siteId, long topicId, boolean up) {
        topic(siteId, topicId);
        List<Long> order = new ArrayList<>(jdbc.sql("SELECT id FROM topic WHERE site_id = ? ORDER BY position, slug FOR UPDATE")
                .param(siteId).query(Long.class).list());
        int index = order.indexOf(topicId);
        int other = up ? index - 1 : index + 1;
        if (other >= 0 && other < order.size()) {
            order.set(index, order.get(other));
            order.set(other, topicId);
        }
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("UPDATE topic SET position = ? WHERE id = ? AND position <> ?").params(i + 1, order.get(i), i + 1).update();
        }
        topics.forget(siteId);
    }

    /** Removes a topic that no activity uses; refused with "topics.in-use" otherwise. */
    @Transactional
    void remove(long siteId, long topicId) {
        topic(siteId, topicId);
        boolean used = jdbc.sql("SELECT EXISTS (SELECT 1 FROM activity_topic WHERE topic_id = ?)").param(topicId)
                .query(Boolean.class).single();
        if (used) {
            throw new RuleViolation("topics.in-use");
        }
        try {
            jdbc.sql("DELETE FROM topic WHERE site_id = ? AND id = ?").params(siteId, topicId).update();
        } catch (DataIntegrityViolationException raced) {
            throw new RuleViolation("topics.in-use");
        }
        topics.forget(siteId);
    }

    private boolean taken(long siteId, String slug) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM topic WHERE site_id = ? AND slug = ?)").params(siteId, slug)
                .query(Boolean.class).single();
    }

    private static LocalizedText clean(Map<String, String> names) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (names != null) {
            names.forEach((language, text) -> {
                if (Languages.isInterfaceLanguage(language) && text != null && !text.isBlank()) {
                    kept.put(language, text.strip());
                }
            });
        }
        return new LocalizedText(kept);
    }

    private static Map<String, String> check(LocalizedText name) {
        if (name.isEmpty()) {
            return Map.of("name", "topics.error.name-required");
        }
        if (name.values().values().stream().anyMatch(text -> text.length() > 80)) {
            return Map.of("name", "topics.error.name-too-long");
        }
        return Map.of();
    }

    /** A short, readable identifier from the English name (else any name), for links and pictograms. */
    static String slug(LocalizedText name) {
        String source = name.in("en");
        String ascii = Normalizer.normalize(source, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "topic" : slug;
    }
}
