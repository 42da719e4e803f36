package org.learningmap.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.learningmap.platform.ApiTokenAuthenticator;
import org.learningmap.platform.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: a person creates one with a name, sees it once, and the API then acts as
 * them when it comes in {@code Authorization: Bearer}. Only the SHA-256 hash is stored. A revoked
 * token, or one of a disabled account, is refused. The time of last use is kept to the minute.
 */
@Service
class ApiTokens implements ApiTokenAuthenticator {

    static final String PREFIX = "lm_";
    static final int MAX_ACTIVE = 20;
    static final int MAX_NAME = 100;
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    record ApiToken(long id, String name, Instant createdAt, Instant lastUsedAt) {
    }

    /** A token just created: the only moment its secret is known. */
    record NewToken(long id, String name, String secret) {
    }

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, AccountRepository accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Creates a token for the account.
     *
     * @throws RuleViolation {@code api-token.too-many} when the account already has {@value #MAX_ACTIVE} active tokens
     */
    @Transactional
    NewToken create(long accountId, String name) {
        jdbc.sql("SELECT id FROM account WHERE id = ? FOR UPDATE").param(accountId).query(Long.class).single();
        int active = jdbc.sql("SELECT count(*) FROM api_token WHERE account_id = ? AND revoked_at IS NULL")
                .param(accountId)
                .query(Integer.class)
                .single();
        if (active >= MAX_ACTIVE) {
            throw RuleViolation.badRequest("api-token.too-many", MAX_ACTIVE);
        }
        String secret = Secrets.generate(PREFIX);
        long id = jdbc.sql("INSERT INTO api_token (account_id, name, token_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id")
                .params(accountId, name, Secrets.hash(secret), Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        return new NewToken(id, name, secret);
    }

    List<ApiToken> active(long accountId) {
        return jdbc.sql("""
                        SELECT id, name, created_at, last_used_at FROM api_token
                        WHERE account_id = ? AND revoked_at IS NULL
                        ORDER BY created_at DESC, id DESC
                        """)
                .param(accountId)
                .query((rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant()))
                .list();
    }

    /**
     * Revokes one of the account's own tokens. Revoking a token that is already revoked, or that is
     * not the account's, changes nothing and says nothing about whether it exists.
     */
    void revoke(long accountId, long tokenId) {
        jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND account_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), tokenId, accountId)
                .update();
    }

    @Override
    public Optional<Authentication> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        // one statement finds the token and its account and, at most once a minute, notes when the token was used
        Optional<CurrentAccount> account = accounts.findByApiToken(Secrets.hash(token), now, now.minus(LAST_USED_PRECISION))
                .filter(CurrentAccount::enabled);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        CurrentAccount person = account.get().withoutPassword();
        return Optional.of(UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
    }
}
