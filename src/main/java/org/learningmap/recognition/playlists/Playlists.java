package org.learningmap.recognition.playlists;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.ActivityFacts;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.platform.Json;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.AwardPath;
import org.learningmap.recognition.AwardRequest;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.BadgeSource;
import org.learningmap.recognition.Recognition;
import org.learningmap.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Playlists: built by an organisation's editors (or the site's coordinators, for an organisation of
 * their site), published with a badge, followed by learners who earn the badge once enough items
 * count. Every change checks {@link #mayEdit} first.
 */
@Service
public class Playlists {

    static final int MAX_ITEMS = 30;

    /** What a person has done of a playlist. */
    public record Progress(Playlist playlist, List<PlaylistRules.ItemState> items, int counted, int required, boolean complete) {
    }

    private final JdbcClient jdbc;
    private final Recognition recognition;
    private final Organisations organisations;
    private final Catalogue catalogue;
    private final Clock clock;

    Playlists(JdbcClient jdbc, Recognition recognition, Organisations organisations, Catalogue catalogue, Clock clock) {
        this.jdbc = jdbc;
        this.recognition = recognition;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Editors and owners of the organisation, coordinators of its site and platform administrators. */
    public boolean mayBuildFor(CurrentAccount account, long organisationId) {
        if (organisations.hasRole(account.id(), organisationId, StaffRole.EDITOR)) {
            return true;
        }
        return organisations.siteOf(organisationId).map(account::coordinates).orElse(false);
    }

    public boolean mayEdit(CurrentAccount account, Playlist playlist) {
        return mayBuildFor(account, playlist.organisationId());
    }

    /** A new draft playlist of the organisation; refused unless the person may build for it. */
    @Transactional
    public long create(CurrentAccount account, long organisationId, LocalizedText name, LocalizedText description,
                       boolean ordered, Integer requiredCount) {
        if (!mayBuildFor(account, organisationId)) {
            throw RuleViolation.forbidden();
        }
        long siteId = organisations.siteOf(organisationId).orElseThrow(RuleViolation::notFound);
        return jdbc.sql("""
                        INSERT INTO playlist (site_id, organisation_id, name, description, ordered, required_count, created_by, created_at)
                        VALUES (?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?) RETURNING id
                        """)
                .params(siteId, organisationId, Json.json(name), Json.json(description), ordered, requiredCount, account.id(),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    @Transactional
    public void edit(CurrentAccount account, long playlistId, LocalizedText name, LocalizedText description, boolean ordered,
                     Integer requiredCount) {
        Playlist playlist = editable(account, playlistId);
        jdbc.sql("UPDATE playlist SET name = ?::jsonb, description = ?::jsonb, ordered = ?, required_count = ? WHERE id = ?")
                .params(Json.json(name), Json.json(description), ordered, requiredCount, playlist.id()).update();
        if (playlist.published()) {
            afterChange(playlistId);
        }
    }

    /**
     * Adds a published activity of the playlist's site at the end, optionally requiring another item first.
     * Refused: an unknown or unpublished activity, another site's, one already in it, a prerequisite not in it, too many items.
     */
    @Transactional
    public void addItem(CurrentAccount account, long playlistId, long activityId, Long requiresActivityId) {
        Playlist playlist = editable(account, playlistId);
        ActivityFacts activity = catalogue.activityFacts(activityId)
                .filter(facts -> facts.siteId() == playlist.siteId() && facts.status() == org.learningmap.catalogue.ActivityStatus.PUBLISHED)
                .orElseThrow(() -> new RuleViolation("recognition-portfolio.playlist.unknown-activity"));
        if (playlist.item(activity.activityId()).isPresent()) {
            throw new RuleViolation("recognition-portfolio.playlist.already-in");
        }
        if (requiresActivityId != null && playlist.item(requiresActivityId).isEmpty()) {
            throw new RuleViolation("recognition-portfolio.playlist.prerequisite-not-in");
        }
        if (playlist.items().size() >= MAX_ITEMS) {
            throw new RuleViolation("recognition-portfolio.playlist.too-many", MAX_ITEMS);
        }
        int position = playlist.items().stream().mapToInt(Playlist.Item::position).max().orElse(0) + 1;
        jdbc.sql("""
                        INSERT INTO playlist_item (playlist_id, site_id, organisation_id, activity_id, position, requires_activity_id)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                .params(playlist.id(), playlist.siteId(), playlist.organisationId(), activity.activityId(), position, requiresActivityId)
                .update();
        if (playlist.published()) {
            afterChange(playlistId);
        }
    }

    /** Takes an activity out; items that required it no longer do. A published playlist keeps at least one item. */
    @Transactional
    public void removeItem(CurrentAccount account, long playlistId, long activityId) {
        Playlist playlist = editable(account, playlistId);
        if (playlist.item(activityId).isEmpty()) {
            throw RuleViolation.notFound();
        }
        if (playlist.published() && playlist.items().size() == 1) {
            throw new RuleViolation("recognition-portfolio.playlist.empty");
        }
        jdbc.sql("UPDATE playlist_item SET requires_activity_id = NULL WHERE playlist_id = ? AND requires_activity_id = ?")
                .params(playlistId, activityId).update();
        jdbc.sql("DELETE FROM playlist_item WHERE playlist_id = ? AND activity_id = ?").params(playlistId, activityId).update();
    }

    /**
     * Publishes the playlist: its badge is made the first time (issued by the playlist's organisation), and
     * everyone who has already done enough of it earns the badge. Refused for an empty playlist or one
     * asking for more items than it has.
     */
    @Transactional
    public Badge publish(CurrentAccount account, long playlistId) {
        Playlist playlist = editable(account, playlistId);
        if (playlist.items().isEmpty()) {
            throw new RuleViolation("recognition-portfolio.playlist.empty");
        }
        if (playlist.requiredCount() != null && playlist.requiredCount() > playlist.items().size()) {
            throw new RuleViolation("recognition-portfolio.playlist.required-too-many", playlist.requiredCount(), playlist.items().size());
        }
        Badge badge = playlist.badgeId() != null ? recognition.badge(playlist.badgeId()).orElseThrow() : recognition.createBadge(
                playlist.siteId(), playlist.organisationId(), BadgeSource.PLAYLIST, playlist.id(), playlist.name(),
                playlist.description(), criteria(playlist), List.of("playlist"), List.of(), null);
        jdbc.sql("UPDATE playlist SET status = 'PUBLISHED', badge_id = ?, published_at = coalesce(published_at, ?) WHERE id = ?")
                .params(badge.id(), Timestamp.from(clock.instant()), playlist.id()).update();
        afterChange(playlistId);
        return badge;
    }

    /** Takes the playlist back to a draft: no one new earns its badge until it is published again. */
    @Transactional
    public void unpublish(CurrentAccount account, long playlistId) {
        editable(account, playlistId);
        jdbc.sql("UPDATE playlist SET status = 'DRAFT' WHERE id = ?").param(playlistId).update();
    }

    public Optional<Playlist> playlist(long id) {
        return jdbc.sql("SELECT * FROM playlist WHERE id = ?").param(id).query(this::row).optional();
    }

    /** A published playlist of the site; empty otherwise. */
    public Optional<Playlist> published(long siteId, long id) {
        return playlist(id).filter(p -> p.published() && p.siteId() == siteId);
    }

    /** The site's published playlists, newest first. */
    public List<Playlist> publishedOf(long siteId) {
        return jdbc.sql("SELECT * FROM playlist WHERE site_id = ? AND status = 'PUBLISHED' ORDER BY published_at DESC, id DESC LIMIT 200")
                .param(siteId).query(this::row).list();
    }

    /** Playlists the person may edit on the site: those of organisations they edit for, and all of the site's for its coordinators. */
    public List<Playlist> editableBy(CurrentAccount account, long siteId) {
        if (account.coordinates(siteId)) {
            return jdbc.sql("SELECT * FROM playlist WHERE site_id = ? ORDER BY created_at DESC, id DESC LIMIT 200")
                    .param(siteId).query(this::row).list();
        }
        List<Long> mine = organisations.membershipsOf(account.id()).stream()
                .filter(m -> m.siteId() == siteId && m.role().atLeast(StaffRole.EDITOR))
                .map(m -> m.organisationId()).toList();
        if (mine.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM playlist WHERE organisation_id = ANY (CAST(? AS bigint[])) ORDER BY created_at DESC, id DESC LIMIT 200")
                .param(ids(mine)).query(this::row).list();
    }

    /** What the person has done of the playlist. */
    public Progress progress(Playlist playlist, long accountId) {
        Map<Long, PlaylistRules.Done> done = doneOf(accountId, playlist.items().stream().map(Playlist.Item::activityId).toList());
        List<PlaylistRules.ItemState> states = PlaylistRules.states(playlist, done);
        int counted = (int) states.stream().filter(PlaylistRules.ItemState::counts).count();
        return new Progress(playlist, states, counted, playlist.required(), !playlist.items().isEmpty() && counted >= playlist.required());
    }

    /** Published playlists the person has done something of, with their progress. */
    public List<Progress> followedBy(long accountId, long siteId) {
        return jdbc.sql("""
                        SELECT DISTINCT p.* FROM playlist p JOIN playlist_item i ON i.playlist_id = p.id
                          JOIN playlist_activity_done d ON d.activity_id = i.activity_id AND d.account_id = ?
                         WHERE p.site_id = ? AND p.status = 'PUBLISHED' ORDER BY p.id
                        """)
                .params(accountId, siteId).query(this::row).list().stream()
                .map(playlist -> progress(playlist, accountId)).toList();
    }

    /**
     * Notes that the person did the activity (attended, or holds its badge) and awards the badge of
     * every published playlist this completes. Safe to repeat: a playlist's badge is awarded once per person.
     */
    @Transactional
    public void recordDone(long accountId, long activityId, long siteId, String how, Instant at) {
        jdbc.sql("""
                        INSERT INTO playlist_activity_done (account_id, activity_id, site_id, how, first_done_at, last_done_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (account_id, activity_id) DO UPDATE
                           SET first_done_at = least(playlist_activity_done.first_done_at, excluded.first_done_at),
                               last_done_at = greatest(playlist_activity_done.last_done_at, excluded.last_done_at)
                        """)
                .params(accountId, activityId, siteId, how, Timestamp.from(at), Timestamp.from(at)).update();
        jdbc.sql("""
                        SELECT p.* FROM playlist p WHERE p.status = 'PUBLISHED'
                           AND EXISTS (SELECT 1 FROM playlist_item i WHERE i.playlist_id = p.id AND i.activity_id = ?)
                        """)
                .param(activityId).query(this::row).list()
                .forEach(playlist -> awardIfComplete(playlist, accountId));
    }

    /** Removes everything playlists keep about the person: what they did and their own lists. */
    public void forget(long accountId) {
        jdbc.sql("DELETE FROM playlist_activity_done WHERE account_id = ?").param(accountId).update();
        jdbc.sql("DELETE FROM personal_playlist WHERE account_id = ?").param(accountId).update();
        jdbc.sql("UPDATE playlist SET created_by = NULL WHERE created_by = ?").param(accountId).update();
    }

    /** What the person did, as playlists count it. */
    public List<Map<String, Object>> doneExport(long accountId) {
        return jdbc.sql("SELECT activity_id, how, first_done_at, last_done_at FROM playlist_activity_done WHERE account_id = ? ORDER BY first_done_at")
                .param(accountId).query().listOfRows();
    }

    private void awardIfComplete(Playlist playlist, long accountId) {
        if (playlist.badgeId() == null) {
            return;
        }
        if (progress(playlist, accountId).complete()) {
            recognition.award(new AwardRequest(playlist.badgeId(), accountId, null, null, AwardPath.PLAYLIST, null, null, null,
                    "playlist:" + playlist.id() + ":" + accountId));
        }
    }

    /** After a published playlist changed, whoever it is now complete for earns its badge. */
    private void afterChange(long playlistId) {
        Playlist playlist = playlist(playlistId).orElseThrow();
        jdbc.sql("""
                        SELECT DISTINCT d.account_id FROM playlist_activity_done d JOIN playlist_item i ON i.activity_id = d.activity_id
                         WHERE i.playlist_id = ? LIMIT 10000
                        """)
                .param(playlistId).query(Long.class).list()
                .forEach(accountId -> awardIfComplete(playlist, accountId));
    }

    private Playlist editable(CurrentAccount account, long playlistId) {
        Playlist playlist = playlist(playlistId).orElseThrow(RuleViolation::notFound);
        if (!mayEdit(account, playlist)) {
            throw RuleViolation.forbidden();
        }
        return playlist;
    }

    private Map<Long, PlaylistRules.Done> doneOf(long accountId, List<Long> activityIds) {
        Map<Long, PlaylistRules.Done> done = new HashMap<>();
        if (activityIds.isEmpty()) {
            return done;
        }
        jdbc.sql("SELECT activity_id, first_done_at, last_done_at FROM playlist_activity_done WHERE account_id = ? AND activity_id = ANY (CAST(? AS bigint[]))")
                .params(accountId, ids(activityIds))
                .query((rs, n) -> done.put(rs.getLong("activity_id"), new PlaylistRules.Done(rs.getTimestamp("first_done_at").toInstant(),
                        rs.getTimestamp("last_done_at").toInstant())))
                .list();
        return done;
    }

    private static LocalizedText criteria(Playlist playlist) {
        int required = playlist.required();
        int all = playlist.items().size();
        return LocalizedText.of(
                required == all ? "Complete every activity of the playlist (" + all + ")." : "Complete " + required + " of the " + all + " activities of the playlist.",
                required == all ? "Baigti visas rinkinio veiklas (" + all + ")." : "Baigti " + required + " iš " + all + " rinkinio veiklų.",
                required == all ? "Завершити всі заняття добірки (" + all + ")." : "Завершити " + required + " з " + all + " занять добірки.");
    }

    static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private Playlist row(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        List<Playlist.Item> items = new ArrayList<>(jdbc.sql(
                        "SELECT activity_id, position, requires_activity_id FROM playlist_item WHERE playlist_id = ? ORDER BY position")
                .param(id)
                .query((r, i) -> new Playlist.Item(r.getLong("activity_id"), r.getInt("position"), (Long) r.getObject("requires_activity_id")))
                .list());
        return new Playlist(id, rs.getLong("site_id"), rs.getLong("organisation_id"), Json.text(rs.getString("name")),
                Json.text(rs.getString("description")), rs.getBoolean("ordered"), (Integer) rs.getObject("required_count"),
                "PUBLISHED".equals(rs.getString("status")), (Long) rs.getObject("badge_id"), items);
    }
}
