package org.learningmap.recognition.portfolio;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.learningmap.accounts.Accounts;
import org.learningmap.organisations.Organisations;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.Recognition;
import org.learningmap.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's portfolio: every award they hold, each private until they make it public; named
 * collections; evidence added after an award; and a public page under a handle they choose, off
 * until they turn it on. Every change is made only to the person's own awards.
 */
@Service
public class Portfolio {

    static final Pattern HANDLE = Pattern.compile("[a-z0-9][a-z0-9-]{1,38}[a-z0-9]");
    /** Handles that would read as the product's own pages. */
    static final Set<String> RESERVED = Set.of("admin", "api", "account", "images", "staff", "help", "about", "learningmap",
            "learning-map", "support", "official", "portfolios", "badges", "credentials", "verify");
    static final int MAX_COLLECTIONS = 30;
    static final int MAX_NAME = 100;
    static final int MAX_EVIDENCE_TEXT = 2000;
    static final int MAX_URL = 500;

    /** Whether an award can be relied on now. */
    public enum Status { VALID, EXPIRED, REVOKED }

    public record Settings(String handle, boolean shown) {
    }

    public record Evidence(long id, String text, String url, Instant addedAt) {
    }

    public record Collection(long id, String name, List<Long> awardIds, List<Long> importedIds) {
    }

    /** One award as its holder sees it. */
    public record Entry(Award award, Badge badge, LocalizedText issuer, Status status, boolean shown, List<Evidence> evidence) {

        public String statusKey() {
            return "recognition-portfolio.status." + status.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What anyone sees under a handle: the holder's name and only the awards they made public. */
    public record PublicView(long accountId, String handle, String name, List<Entry> entries, List<Collection> collections,
                             List<Imports.Imported> imported) {
    }

    private final JdbcClient jdbc;
    private final Recognition recognition;
    private final Organisations organisations;
    private final Accounts accounts;
    private final Imports imports;
    private final Clock clock;

    Portfolio(JdbcClient jdbc, Recognition recognition, Organisations organisations, Accounts accounts, Imports imports, Clock clock) {
        this.jdbc = jdbc;
        this.recognition = recognition;
        this.organisations = organisations;
        this.accounts = accounts;
        this.imports = imports;
        this.clock = clock;
    }

    public Settings settings(long accountId) {
        return jdbc.sql("SELECT handle, public FROM portfolio WHERE account_id = ?").param(accountId)
                .query((rs, n) -> new Settings(rs.getString("handle"), rs.getBoolean("public"))).optional()
                .orElse(new Settings(null, false));
    }

    /**
     * Sets the public page's handle and whether it is shown. Refused: a handle not of 3–40 lower-case
     * letters, digits and hyphens, a reserved word, one someone else holds, or showing without a handle.
     */
    @Transactional
    public void configure(long accountId, long siteId, String handle, boolean shown) {
        if (!accounts.mayKeepPersonalData(accountId)) {
            throw new RuleViolation(org.learningmap.accounts.Accounts.AWAITING_GUARDIAN);
        }
        String clean = handle == null ? "" : handle.strip().toLowerCase(java.util.Locale.ROOT);
        if (clean.isEmpty()) {
            if (shown) {
                throw RuleViolation.badRequest("recognition-portfolio.handle.required");
            }
        } else if (!HANDLE.matcher(clean).matches()) {
            throw RuleViolation.badRequest("recognition-portfolio.handle.invalid");
        } else if (RESERVED.contains(clean)) {
            throw new RuleViolation("recognition-portfolio.handle.taken");
        }
        String value = clean.isEmpty() ? null : clean;
        if (value != null && jdbc.sql("SELECT EXISTS (SELECT 1 FROM portfolio WHERE handle = ? AND account_id <> ?)")
                .params(value, accountId).query(Boolean.class).single()) {
            throw new RuleViolation("recognition-portfolio.handle.taken");
        }
        try {
            jdbc.sql("""
                            INSERT INTO portfolio (account_id, site_id, handle, public, updated_at) VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (account_id) DO UPDATE SET handle = excluded.handle, public = excluded.public, updated_at = excluded.updated_at
                            """)
                    .params(accountId, siteId, value, shown, Timestamp.from(clock.instant())).update();
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            throw new RuleViolation("recognition-portfolio.handle.taken");
        }
    }

    /** Every award the person holds, newest first. */
    public List<Entry> entries(long accountId) {
        List<Award> awards = recognition.awardsOf(accountId);
        Map<Long, Boolean> shown = new HashMap<>();
        jdbc.sql("SELECT award_id, public FROM portfolio_award WHERE account_id = ?").param(accountId)
                .query((rs, n) -> shown.put(rs.getLong("award_id"), rs.getBoolean("public"))).list();
        Map<Long, List<Evidence>> evidence = new HashMap<>();
        jdbc.sql("SELECT id, award_id, text, url, added_at FROM portfolio_evidence WHERE account_id = ? ORDER BY added_at, id")
                .param(accountId)
                .query((rs, n) -> evidence.computeIfAbsent(rs.getLong("award_id"), k -> new ArrayList<>())
                        .add(new Evidence(rs.getLong("id"), rs.getString("text"), rs.getString("url"), rs.getTimestamp("added_at").toInstant())))
                .list();
        Map<Long, Optional<Badge>> badges = new HashMap<>();
        Map<Long, LocalizedText> issuers = new HashMap<>();
        Instant now = clock.instant();
        return awards.stream()
                .sorted(Comparator.comparing(Award::issuedAt).reversed().thenComparing(Award::id, Comparator.reverseOrder()))
                .map(award -> {
                    Optional<Badge> badge = badges.computeIfAbsent(award.badgeId(), recognition::badge);
                    if (badge.isEmpty()) {
                        return null;
                    }
                    LocalizedText issuer = issuers.computeIfAbsent(award.organisationId(),
                            id -> organisations.nameOf(id).orElse(LocalizedText.EMPTY));
                    return new Entry(award, badge.get(), issuer, status(award, now), shown.getOrDefault(award.id(), false),
                            evidence.getOrDefault(award.id(), List.of()));
                })
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** The person's award; empty for anyone else's. */
    public Optional<Entry> entry(long accountId, long awardId) {
        return entries(accountId).stream().filter(entry -> entry.award().id() == awardId).findFirst();
    }

    /** Makes one of the person's awards public or private; refused (not found) for anyone else's award. */
    @Transactional
    public void show(long accountId, long awardId, boolean shown) {
        Award award = own(accountId, awardId);
        jdbc.sql("""
                        INSERT INTO portfolio_award (award_id, account_id, site_id, public, updated_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (award_id) DO UPDATE SET public = excluded.public, updated_at = excluded.updated_at
                        """)
                .params(award.id(), accountId, award.siteId(), shown, Timestamp.from(clock.instant())).update();
    }

    /** Adds a text, a link or both to one of the person's awards. */
    @Transactional
    public void addEvidence(long accountId, long awardId, String text, String url) {
        if (!accounts.mayKeepPersonalData(accountId)) {
            throw new RuleViolation(org.learningmap.accounts.Accounts.AWAITING_GUARDIAN);
        }
        Award award = own(accountId, awardId);
        String cleanText = text == null || text.isBlank() ? null : text.strip();
        String cleanUrl = url == null || url.isBlank() ? null : url.strip();
        if (cleanText == null && cleanUrl == null) {
            throw RuleViolation.badRequest("recognition-portfolio.evidence.empty");
        }
        if (cleanText != null && cleanText.length() > MAX_EVIDENCE_TEXT) {
            throw RuleViolation.badRequest("recognition-portfolio.evidence.too-long", MAX_EVIDENCE_TEXT);
        }
        if (cleanUrl != null && !webAddress(cleanUrl)) {
            throw RuleViolation.badRequest("recognition-portfolio.evidence.url");
        }
        jdbc.sql("INSERT INTO portfolio_evidence (award_id, account_id, site_id, text, url, added_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(award.id(), accountId, award.siteId(), cleanText, cleanUrl, Timestamp.from(clock.instant())).update();
    }

    @Transactional
    public void removeEvidence(long accountId, long evidenceId) {
        if (jdbc.sql("DELETE FROM portfolio_evidence WHERE id = ? AND account_id = ?").params(evidenceId, accountId).update() == 0) {
            throw RuleViolation.notFound();
        }
    }

    public List<Collection> collections(long accountId) {
        return jdbc.sql("SELECT id, name FROM portfolio_collection WHERE account_id = ? ORDER BY name, id").param(accountId)
                .query((rs, n) -> new Collection(rs.getLong("id"), rs.getString("name"),
                        jdbc.sql("SELECT award_id FROM portfolio_collection_item WHERE collection_id = ? AND award_id IS NOT NULL ORDER BY award_id")
                                .param(rs.getLong("id")).query(Long.class).list(),
                        jdbc.sql("SELECT imported_id FROM portfolio_collection_item WHERE collection_id = ? AND imported_id IS NOT NULL ORDER BY imported_id")
                                .param(rs.getLong("id")).query(Long.class).list()))
                .list();
    }

    @Transactional
    public long createCollection(long accountId, long siteId, String name) {
        if (!accounts.mayKeepPersonalData(accountId)) {
            throw new RuleViolation(org.learningmap.accounts.Accounts.AWAITING_GUARDIAN);
        }
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw RuleViolation.badRequest("recognition-portfolio.collection.name-required");
        }
        if (clean.length() > MAX_NAME) {
            throw RuleViolation.badRequest("recognition-portfolio.collection.name-too-long", MAX_NAME);
        }
        if (collections(accountId).size() >= MAX_COLLECTIONS) {
            throw new RuleViolation("recognition-portfolio.collection.too-many", MAX_COLLECTIONS);
        }
        return jdbc.sql("INSERT INTO portfolio_collection (account_id, site_id, name, created_at) VALUES (?, ?, ?, ?) RETURNING id")
                .params(accountId, siteId, clean, Timestamp.from(clock.instant())).query(Long.class).single();
    }

    @Transactional
    public void deleteCollection(long accountId, long collectionId) {
        if (jdbc.sql("DELETE FROM portfolio_collection WHERE id = ? AND account_id = ?").params(collectionId, accountId).update() == 0) {
            throw RuleViolation.notFound();
        }
    }

    /** Puts one of the person's awards into (or takes it out of) one of their collections. */
    @Transactional
    public void collect(long accountId, long collectionId, long awardId, boolean in) {
        Award award = own(accountId, awardId);
        long siteId = jdbc.sql("SELECT site_id FROM portfolio_collection WHERE id = ? AND account_id = ?").params(collectionId, accountId)
                .query(Long.class).optional().orElseThrow(RuleViolation::notFound);
        if (in) {
            jdbc.sql("INSERT INTO portfolio_collection_item (collection_id, site_id, award_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(collectionId, siteId, award.id()).update();
        } else {
            jdbc.sql("DELETE FROM portfolio_collection_item WHERE collection_id = ? AND award_id = ?").params(collectionId, award.id()).update();
        }
    }

    /** The public page under the handle, when its holder has turned it on; only their public awards. */
    public Optional<PublicView> publicView(String handle) {
        if (handle == null || !HANDLE.matcher(handle).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT account_id FROM portfolio WHERE handle = ? AND public").param(handle).query(Long.class).optional()
                .map(accountId -> {
                    List<Entry> shown = entries(accountId).stream().filter(Entry::shown).toList();
                    Set<Long> shownIds = shown.stream().map(e -> e.award().id()).collect(java.util.stream.Collectors.toSet());
                    List<Imports.Imported> imported = imports.of(accountId).stream().filter(Imports.Imported::shown).toList();
                    Set<Long> importedIds = imported.stream().map(Imports.Imported::id).collect(java.util.stream.Collectors.toSet());
                    List<Collection> collections = collections(accountId).stream()
                            .map(c -> new Collection(c.id(), c.name(), c.awardIds().stream().filter(shownIds::contains).toList(),
                                    c.importedIds().stream().filter(importedIds::contains).toList()))
                            .filter(c -> !c.awardIds().isEmpty() || !c.importedIds().isEmpty())
                            .toList();
                    String name = accounts.byId(accountId).map(a -> a.displayName()).orElse(handle);
                    return new PublicView(accountId, handle, name, shown, collections, imported);
                });
    }

    public static Status status(Award award, Instant now) {
        if (award.revoked()) {
            return Status.REVOKED;
        }
        return award.expiredAt(now) ? Status.EXPIRED : Status.VALID;
    }

    /** Everything the portfolio keeps about the person, for the export of their data. */
    public Map<String, Object> export(long accountId) {
        Map<String, Object> part = new java.util.LinkedHashMap<>();
        Settings settings = settings(accountId);
        part.put("handle", settings.handle());
        part.put("publicPage", settings.shown());
        part.put("publicAwards", jdbc.sql("SELECT award_id FROM portfolio_award WHERE account_id = ? AND public ORDER BY award_id")
                .param(accountId).query(Long.class).list());
        part.put("collections", collections(accountId));
        part.put("evidence", jdbc.sql("SELECT award_id, text, url, added_at FROM portfolio_evidence WHERE account_id = ? ORDER BY added_at")
                .param(accountId).query().listOfRows());
        part.put("imported", imports.of(accountId).stream()
                .map(i -> Map.of("name", i.name(), "issuer", String.valueOf(i.issuerName()), "verdict", i.verdict(),
                        "importedAt", i.importedAt()))
                .toList());
        return part;
    }

    /** Removes everything the portfolio keeps about the person. */
    public void forget(long accountId) {
        for (String table : List.of("portfolio_evidence", "portfolio_award", "portfolio_collection", "portfolio_import", "portfolio")) {
            jdbc.sql("DELETE FROM " + table + " WHERE account_id = ?").param(accountId).update();
        }
    }

    private Award own(long accountId, long awardId) {
        return recognition.award(awardId).filter(award -> award.accountId() != null && award.accountId() == accountId)
                .orElseThrow(RuleViolation::notFound);
    }

    static boolean webAddress(String url) {
        if (url.length() > MAX_URL) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException notAnAddress) {
            return false;
        }
    }
}
