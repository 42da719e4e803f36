package org.learningmap.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.learningmap.platform.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each site's topic vocabulary, in its order. Every search result names topics, so the short list
 * is kept in memory: for ten seconds without asking, then for as long as the catalogue is unchanged.
 */
@Component
class Topics {

    private static final Duration TRUST = Duration.ofSeconds(10);

    private record Entry(List<Topic> topics, long version, Instant readAt) {
    }

    private final JdbcClient jdbc;
    private final CatalogueVersion version;
    private final Map<Long, Entry> bySite = new ConcurrentHashMap<>();

    Topics(JdbcClient jdbc, CatalogueVersion version) {
        this.jdbc = jdbc;
        this.version = version;
    }

    List<Topic> of(long siteId) {
        Entry entry = bySite.get(siteId);
        if (entry != null && Instant.now().isBefore(entry.readAt().plus(TRUST))) {
            return entry.topics();
        }
        long current = version.current();
        if (entry != null && entry.version() == current) {
            entry = new Entry(entry.topics(), current, Instant.now());
            bySite.put(siteId, entry);
        } else {
            List<Topic> topics = jdbc.sql("SELECT id, slug, name FROM topic WHERE site_id = ? ORDER BY position, slug")
                    .param(siteId)
                    .query((rs, n) -> new Topic(rs.getLong("id"), rs.getString("slug"), Json.text(rs.getString("name"))))
                    .list();
            entry = new Entry(List.copyOf(topics), current, Instant.now());
            bySite.put(siteId, entry);
        }
        return entry.topics();
    }

    Map<Long, Topic> byId(long siteId) {
        Map<Long, Topic> map = new java.util.HashMap<>();
        of(siteId).forEach(topic -> map.put(topic.id(), topic));
        return map;
    }

    /** Forgets the site's cached vocabulary after a coordinator changed it on this node. */
    void forget(long siteId) {
        bySite.remove(siteId);
    }
}
