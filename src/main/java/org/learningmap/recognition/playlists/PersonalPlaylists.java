package org.learningmap.recognition.playlists;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learningmap.catalogue.ActivityFacts;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.platform.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A learner's own lists of activities: private, without a badge. A person only ever sees and changes their own. */
@Service
public class PersonalPlaylists {

    static final int MAX_LISTS = 50;
    static final int MAX_ITEMS = 100;
    static final int MAX_NAME = 100;

    public record PersonalPlaylist(long id, long siteId, String name, List<Long> activityIds) {
    }

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final Clock clock;
    private final org.learningmap.accounts.Accounts accounts;

    PersonalPlaylists(JdbcClient jdbc, Catalogue catalogue, Clock clock, org.learningmap.accounts.Accounts accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public List<PersonalPlaylist> of(long accountId, long siteId) {
        return jdbc.sql("SELECT id FROM personal_playlist WHERE account_id = ? AND site_id = ? ORDER BY created_at DESC, id DESC")
                .params(accountId, siteId).query(Long.class).list().stream()
                .map(id -> find(accountId, id).orElseThrow()).toList();
    }

    /** The person's own list; empty for anyone else's. */
    public Optional<PersonalPlaylist> find(long accountId, long id) {
        return jdbc.sql("SELECT id, site_id, name FROM personal_playlist WHERE id = ? AND account_id = ?")
                .params(id, accountId)
                .query((rs, n) -> new PersonalPlaylist(rs.getLong("id"), rs.getLong("site_id"), rs.getString("name"),
                        jdbc.sql("SELECT activity_id FROM personal_playlist_item WHERE personal_playlist_id = ? ORDER BY added_at, activity_id")
                                .param(rs.getLong("id")).query(Long.class).list()))
                .optional();
    }

    @Transactional
    public long create(long accountId, long siteId, String name, List<Long> activityIds) {
        if (!accounts.mayKeepPersonalData(accountId)) {
            throw new RuleViolation(org.learningmap.accounts.Accounts.AWAITING_GUARDIAN);
        }
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw RuleViolation.badRequest("recognition-portfolio.personal.name-required");
        }
        if (clean.length() > MAX_NAME) {
            throw RuleViolation.badRequest("recognition-portfolio.personal.name-too-long", MAX_NAME);
        }
        int lists = jdbc.sql("SELECT count(*) FROM personal_playlist WHERE account_id = ?").param(accountId).query(Integer.class).single();
        if (lists >= MAX_LISTS) {
            throw new RuleViolation("recognition-portfolio.personal.too-many", MAX_LISTS);
        }
        long id = jdbc.sql("INSERT INTO personal_playlist (site_id, account_id, name, created_at) VALUES (?, ?, ?, ?) RETURNING id")
                .params(siteId, accountId, clean, Timestamp.from(clock.instant())).query(Long.class).single();
        activityIds.stream().limit(MAX_ITEMS).forEach(activityId -> insert(id, siteId, activityId));
        return id;
    }

    /** Adds a published activity of the list's site. */
    @Transactional
    public void add(long accountId, long id, long activityId) {
        PersonalPlaylist list = find(accountId, id).orElseThrow(RuleViolation::notFound);
        ActivityFacts activity = catalogue.activityFacts(activityId)
                .filter(facts -> facts.siteId() == list.siteId() && facts.status() == org.learningmap.catalogue.ActivityStatus.PUBLISHED)
                .orElseThrow(() -> new RuleViolation("recognition-portfolio.playlist.unknown-activity"));
        if (list.activityIds().contains(activity.activityId())) {
            throw new RuleViolation("recognition-portfolio.playlist.already-in");
        }
        if (list.activityIds().size() >= MAX_ITEMS) {
            throw new RuleViolation("recognition-portfolio.playlist.too-many", MAX_ITEMS);
        }
        insert(id, list.siteId(), activity.activityId());
    }

    @Transactional
    public void remove(long accountId, long id, long activityId) {
        find(accountId, id).orElseThrow(RuleViolation::notFound);
        jdbc.sql("DELETE FROM personal_playlist_item WHERE personal_playlist_id = ? AND activity_id = ?").params(id, activityId).update();
    }

    @Transactional
    public void delete(long accountId, long id) {
        if (jdbc.sql("DELETE FROM personal_playlist WHERE id = ? AND account_id = ?").params(id, accountId).update() == 0) {
            throw RuleViolation.notFound();
        }
    }

    /** The person's lists with the activities' ids, for the export of their data. */
    public List<Map<String, Object>> export(long accountId) {
        return jdbc.sql("""
                        SELECT p.name, p.created_at, coalesce(array_agg(i.activity_id) FILTER (WHERE i.activity_id IS NOT NULL), '{}') AS activity_ids
                          FROM personal_playlist p LEFT JOIN personal_playlist_item i ON i.personal_playlist_id = p.id
                         WHERE p.account_id = ? GROUP BY p.id ORDER BY p.created_at
                        """)
                .param(accountId)
                .query((rs, n) -> Map.<String, Object>of("name", rs.getString("name"), "createdAt", rs.getTimestamp("created_at").toInstant(),
                        "activityIds", List.of((Long[]) rs.getArray("activity_ids").getArray())))
                .list();
    }

    private void insert(long id, long siteId, long activityId) {
        jdbc.sql("""
                        INSERT INTO personal_playlist_item (personal_playlist_id, site_id, activity_id, added_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING
                        """)
                .params(id, siteId, activityId, Timestamp.from(clock.instant())).update();
    }
}
