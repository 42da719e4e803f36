package org.learningmap.recognition.portfolio;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.learningmap.platform.Json;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.verification.BadgeVerifier;
import org.learningmap.recognition.verification.BakedBadges;
import org.learningmap.recognition.verification.Verdict;
import org.springframework.context.MessageSource;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Badges a learner earned elsewhere and uploaded: kept with the verifier's verdict, private until shown. */
@Component
public class Imports {

    /** A badge earned elsewhere, as it was verified on import. */
    public record Imported(long id, String name, String issuerName, Instant issuedAt, Instant expiresAt, String verdict,
                           List<String> reasons, String fileName, String contentType, boolean shown, Instant importedAt) {

        public boolean image() {
            return contentType.startsWith("image/");
        }
    }

    /** What importing a file came to: kept (with the verdict), or refused with the reasons, in the person's language. */
    public record Outcome(Imported kept, List<String> reasons) {

        public boolean refused() {
            return kept == null;
        }
    }

    static final int MAX_PER_ACCOUNT = 50;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Imports.class);

    private final JdbcClient jdbc;
    private final BadgeVerifier verifier;
    private final MessageSource messages;
    private final Clock clock;
    private final org.learningmap.accounts.Accounts accounts;

    Imports(JdbcClient jdbc, BadgeVerifier verifier, MessageSource messages, Clock clock, org.learningmap.accounts.Accounts accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.verifier = verifier;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Verifies an uploaded badge earned elsewhere and keeps it with the verdict: valid, expired or
     * revoked by its issuer. A file that is not a badge, or one that fails verification (changed,
     * not signed by its issuer), is refused with the reasons and nothing is kept.
     */
    @Transactional
    public Outcome importBadge(long accountId, long siteId, byte[] bytes, String fileName, Locale locale) {
        if (!accounts.mayKeepPersonalData(accountId)) {
            throw new org.learningmap.platform.RuleViolation(org.learningmap.accounts.Accounts.AWAITING_GUARDIAN);
        }
        int held = jdbc.sql("SELECT count(*) FROM portfolio_import WHERE account_id = ?").param(accountId).query(Integer.class).single();
        if (held >= MAX_PER_ACCOUNT) {
            throw new RuleViolation("recognition-portfolio.import.too-many", MAX_PER_ACCOUNT);
        }
        Verdict verdict;
        try {
            verdict = verifier.verify(bytes, fileName);
        } catch (RuntimeException failed) {
            log.warn("Verifying an imported badge failed", failed);
            return new Outcome(null, List.of(messages.getMessage("recognition-portfolio.import.not-checked", null, locale)));
        }
        List<String> lines = verdict.checks().stream()
                .filter(check -> verdict.status() == Verdict.Status.VALID || !check.passed())
                .map(check -> messages.getMessage(check.messageKey(), check.arguments().toArray(), check.messageKey(), locale))
                .toList();
        if (verdict.status() == Verdict.Status.INVALID || verdict.status() == Verdict.Status.UNREADABLE) {
            return new Outcome(null, lines.isEmpty() ? List.of(messages.getMessage("recognition-portfolio.import.refused", null, locale)) : lines);
        }
        Verdict.Summary summary = verdict.summary();
        String name = summary.badgeName() != null && !summary.badgeName().isBlank() ? summary.badgeName()
                : fileName != null && !fileName.isBlank() ? fileName : "Open Badge";
        String type = switch (verdict.format()) {
            case OB3_JWT -> "application/jwt";
            case UNKNOWN -> "application/octet-stream";
            default -> BakedBadges.isPng(bytes) ? "image/png" : looksLikeSvg(bytes) ? "image/svg+xml" : "application/json";
        };
        long id = keep(accountId, siteId, shorten(name, 300), shorten(summary.issuerName(), 300), summary.issuedAt(), summary.expiresAt(),
                verdict.status().name(), lines, shorten(fileName, 200), type, bytes);
        return new Outcome(of(accountId).stream().filter(i -> i.id() == id).findFirst().orElseThrow(), lines);
    }

    private static boolean looksLikeSvg(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 512), java.nio.charset.StandardCharsets.UTF_8).stripLeading();
        return start.startsWith("<");
    }

    private static String shorten(String text, int max) {
        return text == null ? null : text.length() <= max ? text : text.substring(0, max);
    }

    public List<Imported> of(long accountId) {
        return jdbc.sql("""
                        SELECT id, name, issuer_name, issued_at, expires_at, verdict, reasons::text AS reasons, file_name, content_type,
                               public, imported_at
                          FROM portfolio_import WHERE account_id = ? ORDER BY imported_at DESC, id DESC
                        """)
                .param(accountId)
                .query((rs, n) -> new Imported(rs.getLong("id"), rs.getString("name"), rs.getString("issuer_name"),
                        instant(rs.getTimestamp("issued_at")), instant(rs.getTimestamp("expires_at")), rs.getString("verdict"),
                        List.of(Json.read(rs.getString("reasons"), String[].class)), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getBoolean("public"), rs.getTimestamp("imported_at").toInstant()))
                .list();
    }

    long keep(long accountId, long siteId, String name, String issuerName, Instant issuedAt, Instant expiresAt, String verdict,
              List<String> reasons, String fileName, String contentType, byte[] bytes) {
        return jdbc.sql("""
                        INSERT INTO portfolio_import (account_id, site_id, name, issuer_name, issued_at, expires_at, verdict, reasons,
                                                      file_name, content_type, bytes, imported_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) RETURNING id
                        """)
                .params(accountId, siteId, name, issuerName, timestamp(issuedAt), timestamp(expiresAt), verdict, Json.write(reasons),
                        fileName, contentType, bytes, java.sql.Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    @Transactional
    public void show(long accountId, long id, boolean shown) {
        if (jdbc.sql("UPDATE portfolio_import SET public = ? WHERE id = ? AND account_id = ?").params(shown, id, accountId).update() == 0) {
            throw RuleViolation.notFound();
        }
    }

    @Transactional
    public void delete(long accountId, long id) {
        if (jdbc.sql("DELETE FROM portfolio_import WHERE id = ? AND account_id = ?").params(id, accountId).update() == 0) {
            throw RuleViolation.notFound();
        }
    }

    /** The uploaded file of an imported badge: to its owner, or to anyone when it is shown on a public portfolio. */
    public Optional<byte[]> file(long id, Long viewerId) {
        return jdbc.sql("""
                        SELECT i.bytes FROM portfolio_import i LEFT JOIN portfolio p ON p.account_id = i.account_id
                         WHERE i.id = ? AND (i.account_id = ? OR (i.public AND p.public))
                        """)
                .params(id, viewerId == null ? -1L : viewerId).query(byte[].class).optional();
    }

    public Optional<String> contentType(long id) {
        return jdbc.sql("SELECT content_type FROM portfolio_import WHERE id = ?").param(id).query(String.class).optional();
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static java.sql.Timestamp timestamp(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }
}
