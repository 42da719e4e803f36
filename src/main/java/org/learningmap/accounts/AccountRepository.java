package org.learningmap.accounts;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CurrentAccount> findByEmail(String email, Instant now) {
        return jdbc.sql("""
                        SELECT id, email, display_name, password_hash, enabled, platform_admin,
                               locked_until IS NOT NULL AND locked_until > :now AS locked
                        FROM account WHERE lower(email) = lower(:email)
                        """)
                .param("email", email)
                .param("now", java.sql.Timestamp.from(now))
                .query((rs, n) -> new CurrentAccount(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                        rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("locked"),
                        rs.getBoolean("platform_admin"), coordinatedSites(rs.getLong("id"))))
                .optional();
    }

    Set<Long> coordinatedSites(long accountId) {
        return new HashSet<>(jdbc.sql("SELECT site_id FROM site_role WHERE account_id = ? AND role = 'COORDINATOR'")
                .param(accountId)
                .query(Long.class)
                .list());
    }
}
