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
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Choosing a new password through a link sent by e-mail. The link holds a random token; only its
 * SHA-256 hash is stored. A link works once, for {@link #VALID_FOR}. Asking never tells whether an
 * address has an account, and one account gets at most {@link #MAX_OPEN_LINKS} links an hour, so
 * nobody can flood a person's inbox.
 */
@Service
class PasswordResets {

    static final Duration VALID_FOR = Duration.ofHours(1);
    static final int MAX_OPEN_LINKS = 3;
    static final String INVALID_LINK = "password-reset.invalid-link";

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Outbox outbox;
    private final MessageSource messages;
    private final Clock clock;
    private final PasswordChanges changes;

    PasswordResets(JdbcClient jdbc, AccountRepository accounts, PasswordEncoder passwords, Outbox outbox,
                   MessageSource messages, Clock clock, PasswordChanges changes) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwords = passwords;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Sends a reset link to the account with this address, in the account's language, if there is
     * such an account; otherwise does nothing, and the caller cannot tell the difference.
     *
     * @param linkBase where the application is reached for this site, e.g. {@code https://example.org/ukraina}
     */
    @Transactional
    void requestLink(String email, Site site, String linkBase) {
        Instant now = clock.instant();
        Optional<AccountSummary> account = accounts.findByEmail(email, now)
                .filter(CurrentAccount::enabled)
                .flatMap(found -> accounts.summaryById(found.id()));
        if (account.isEmpty()) {
            return;
        }
        long id = account.get().id();
        int open = jdbc.sql("SELECT count(*) FROM password_reset WHERE account_id = ? AND used_at IS NULL AND expires_at > ?")
                .params(id, Timestamp.from(now))
                .query(Integer.class)
                .single();
        if (open >= MAX_OPEN_LINKS) {
            return;
        }
        String token = Secrets.generate("");
        jdbc.sql("INSERT INTO password_reset (token_hash, account_id, expires_at) VALUES (?, ?, ?)")
                .params(Secrets.hash(token), id, Timestamp.from(now.plus(VALID_FOR)))
                .update();
        Locale language = Locale.forLanguageTag(account.get().preferredLanguage());
        String siteName = site.name().in(language.getLanguage());
        String link = linkBase + "/password-reset/" + token;
        outbox.enqueue(account.get().email(),
                messages.getMessage("password-reset.mail.subject", new Object[] {siteName}, language),
                messages.getMessage("password-reset.mail.body",
                        new Object[] {account.get().displayName(), link, VALID_FOR.toMinutes(), siteName}, language));
    }

    /** The account a reset link is for, if the link is unused and not expired. */
    Optional<AccountSummary> accountOf(String token) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT account_id FROM password_reset WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(Secrets.hash(token), Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional()
                .flatMap(accounts::summaryById);
    }

    /**
     * Uses the link to set a new password, which also lifts a sign-in lock; every other open link
     * of the account stops working.
     *
     * @throws RuleViolation {@value #INVALID_LINK} (410) when the link is unknown, used or expired
     */
    @Transactional
    void choosePassword(String token, String newPassword) {
        if (!plausible(token)) {
            throw new RuleViolation(HttpStatus.GONE, INVALID_LINK);
        }
        Instant now = clock.instant();
        long accountId = jdbc.sql("""
                        UPDATE password_reset SET used_at = ?
                        WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
                        RETURNING account_id
                        """)
                .params(Timestamp.from(now), Secrets.hash(token), Timestamp.from(now))
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new RuleViolation(HttpStatus.GONE, INVALID_LINK));
        accounts.changePassword(accountId, passwords.encode(newPassword));
        jdbc.sql("UPDATE password_reset SET used_at = ? WHERE account_id = ? AND used_at IS NULL")
                .params(Timestamp.from(now), accountId)
                .update();
        changes.changed(accountId);
    }

    private static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= 100;
    }
}
