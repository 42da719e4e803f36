package org.learningmap.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.learningmap.platform.Outbox;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A guardian's consent for a minor, given online: the minor names the guardian's e-mail address, a
 * link goes there (only its hash is kept; it works once, for {@link #VALID_FOR}), and the guardian
 * agrees with their name. The guardian's address is kept only on the request and on the consent.
 */
@Service
class Guardians {

    static final Duration VALID_FOR = Duration.ofDays(7);
    static final int MAX_OPEN_REQUESTS = 3;
    static final String INVALID_LINK = "guardian.invalid-link";
    static final String TOO_MANY = "guardian.too-many";

    /** What the guardian sees before agreeing. */
    record Request(long accountId, long siteId, String minorName, String guardianEmail) {
    }

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final Consents consents;
    private final Sites sites;
    private final Outbox outbox;
    private final MessageSource messages;
    private final Clock clock;

    Guardians(JdbcClient jdbc, AccountRepository accounts, Consents consents, Sites sites, Outbox outbox,
              MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.consents = consents;
        this.sites = sites;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Sends the guardian a link to agree, in the minor's language.
     *
     * @throws RuleViolation {@value #TOO_MANY} when {@value #MAX_OPEN_REQUESTS} links are still open
     */
    @Transactional
    void ask(long accountId, String guardianEmail, Site site, String linkBase) {
        AccountSummary minor = accounts.summaryById(accountId).orElseThrow(RuleViolation::notFound);
        Instant now = clock.instant();
        int open = jdbc.sql("SELECT count(*) FROM guardian_request WHERE account_id = ? AND used_at IS NULL AND expires_at > ?")
                .params(accountId, Timestamp.from(now))
                .query(Integer.class)
                .single();
        if (open >= MAX_OPEN_REQUESTS) {
            throw new RuleViolation(TOO_MANY, MAX_OPEN_REQUESTS);
        }
        String token = Secrets.generate("");
        jdbc.sql("""
                        INSERT INTO guardian_request (token_hash, account_id, site_id, guardian_email, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                .params(Secrets.hash(token), accountId, site.id(), guardianEmail, Timestamp.from(now), Timestamp.from(now.plus(VALID_FOR)))
                .update();
        Locale language = Locale.forLanguageTag(minor.preferredLanguage());
        String siteName = site.name().in(language.getLanguage());
        String link = linkBase + "/guardian-consent/" + token;
        outbox.enqueue(guardianEmail,
                messages.getMessage("guardian.mail.subject", new Object[] {minor.displayName(), siteName}, language),
                messages.getMessage("guardian.mail.body",
                        new Object[] {minor.displayName(), siteName, link, VALID_FOR.toDays()}, language));
    }

    /** The open request of a link, if it is unused and not expired. */
    Optional<Request> request(String token) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT r.account_id, r.site_id, r.guardian_email, a.display_name
                        FROM guardian_request r JOIN account a ON a.id = r.account_id
                        WHERE r.token_hash = ? AND r.used_at IS NULL AND r.expires_at > ?
                        """)
                .params(Secrets.hash(token), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Request(rs.getLong("account_id"), rs.getLong("site_id"), rs.getString("display_name"),
                        rs.getString("guardian_email")))
                .optional();
    }

    /**
     * The guardian agrees: the consent is recorded (online, with their name and address) and the
     * link and every other open link of the minor stop working.
     *
     * @throws RuleViolation {@value #INVALID_LINK} (410) for an unknown, used or expired link
     */
    @Transactional
    void agree(String token, String guardianName) {
        if (!plausible(token)) {
            throw new RuleViolation(HttpStatus.GONE, INVALID_LINK);
        }
        Instant now = clock.instant();
        Request request = jdbc.sql("""
                        UPDATE guardian_request SET used_at = ?
                        WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
                        RETURNING account_id, site_id, guardian_email
                        """)
                .params(Timestamp.from(now), Secrets.hash(token), Timestamp.from(now))
                .query((rs, n) -> new Request(rs.getLong("account_id"), rs.getLong("site_id"), null, rs.getString("guardian_email")))
                .optional()
                .orElseThrow(() -> new RuleViolation(HttpStatus.GONE, INVALID_LINK));
        consents.record(new NewConsent(request.accountId(), request.siteId(), ConsentPurpose.PERSONAL_DATA, ConsentMethod.ONLINE,
                null, guardianName, request.guardianEmail(), null));
        jdbc.sql("UPDATE guardian_request SET used_at = ? WHERE account_id = ? AND used_at IS NULL")
                .params(Timestamp.from(now), request.accountId())
                .update();
    }

    Site siteOf(Request request) {
        return sites.byId(request.siteId()).orElseThrow(RuleViolation::notFound);
    }

    private static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= 100;
    }
}
