package org.learningmap.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private static final String CURRENT_ACCOUNT = """
            SELECT id, email, display_name, password_hash, enabled, platform_admin,
                   locked_until IS NOT NULL AND locked_until > :now AS locked,
                   ARRAY(SELECT r.site_id FROM site_role r WHERE r.account_id = account.id AND r.role = 'COORDINATOR') AS coordinated_sites
            FROM account
            """;

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CurrentAccount> findByEmail(String email, Instant now) {
        return jdbc.sql(CURRENT_ACCOUNT + " WHERE lower(email) = lower(:email)")
                .param("email", email)
                .param("now", Timestamp.from(now))
                .query(this::currentAccount)
                .optional();
    }

    Optional<CurrentAccount> findById(long id, Instant now) {
        return jdbc.sql(CURRENT_ACCOUNT + " WHERE id = :id")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .query(this::currentAccount)
                .optional();
    }

    /**
     * The account of a personal API token that is not revoked, in one statement that also notes when the
     * token was used (only when the last note is older than {@code usedBefore}).
     */
    Optional<CurrentAccount> findByApiToken(String tokenHash, Instant now, Instant usedBefore) {
        return jdbc.sql("""
                        WITH found AS (SELECT id, account_id, last_used_at FROM api_token WHERE token_hash = :hash AND revoked_at IS NULL),
                             used AS (UPDATE api_token t SET last_used_at = :now FROM found f
                                       WHERE t.id = f.id AND (f.last_used_at IS NULL OR f.last_used_at < :usedBefore) RETURNING t.id)
                        """ + CURRENT_ACCOUNT + " WHERE id = (SELECT account_id FROM found)")
                .param("hash", tokenHash)
                .param("now", Timestamp.from(now))
                .param("usedBefore", Timestamp.from(usedBefore))
                .query(this::currentAccount)
                .optional();
    }

    private CurrentAccount currentAccount(ResultSet rs, int row) throws SQLException {
        return new CurrentAccount(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("locked"),
                rs.getBoolean("platform_admin"), sites(rs.getArray("coordinated_sites")));
    }

    /** Read with the account in one query: a second query inside the row mapper would take a second pooled connection. */
    private static Set<Long> sites(java.sql.Array array) throws SQLException {
        Set<Long> sites = new HashSet<>();
        for (Object id : (Object[]) array.getArray()) {
            sites.add(((Number) id).longValue());
        }
        return sites;
    }

    Set<Long> coordinatedSites(long accountId) {
        return new HashSet<>(jdbc.sql("SELECT site_id FROM site_role WHERE account_id = ? AND role = 'COORDINATOR'")
                .param(accountId)
                .query(Long.class)
                .list());
    }

    Optional<AccountSummary> summaryById(long id) {
        return jdbc.sql("SELECT id, email, display_name, preferred_language FROM account WHERE id = ?")
                .param(id)
                .query(AccountRepository::summary)
                .optional();
    }

    Optional<AccountSummary> summaryByEmail(String email) {
        return jdbc.sql("SELECT id, email, display_name, preferred_language FROM account WHERE lower(email) = lower(?)")
                .param(email)
                .query(AccountRepository::summary)
                .optional();
    }

    List<AccountSummary> coordinatorsOf(long siteId) {
        return jdbc.sql("""
                        SELECT a.id, a.email, a.display_name, a.preferred_language FROM account a
                        JOIN site_role r ON r.account_id = a.id AND r.role = 'COORDINATOR'
                        WHERE r.site_id = ? ORDER BY lower(a.display_name), a.id
                        """)
                .param(siteId)
                .query(AccountRepository::summary)
                .list();
    }

    void grantCoordinator(long accountId, long siteId) {
        jdbc.sql("INSERT INTO site_role (account_id, site_id, role) VALUES (?, ?, 'COORDINATOR') ON CONFLICT DO NOTHING")
                .params(accountId, siteId).update();
    }

    void revokeCoordinator(long accountId, long siteId) {
        jdbc.sql("DELETE FROM site_role WHERE account_id = ? AND site_id = ? AND role = 'COORDINATOR'")
                .params(accountId, siteId).update();
    }

    private static AccountSummary summary(ResultSet rs, int row) throws SQLException {
        return new AccountSummary(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("preferred_language"));
    }

    boolean emailTaken(String email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE lower(email) = lower(?))")
                .param(email)
                .query(Boolean.class)
                .single();
    }

    /** How to reach a person: addresses, language and chosen channel ({@code EMAIL}, {@code SMS} or {@code NONE}). */
    record Contact(String email, String phone, String language, String channel) {
    }

    Optional<Contact> contact(long id) {
        return jdbc.sql("SELECT email, phone, preferred_language, notification_channel FROM account WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Contact(rs.getString("email"), rs.getString("phone"), rs.getString("preferred_language"),
                        rs.getString("notification_channel")))
                .optional();
    }

    record AddresseeRow(AccountSummary summary, String phone, String channel, boolean guardianRequired, boolean guardianConsented) {
    }

    /** {@link #summaryById}, {@link #contact}, {@link #guardianRequired} and {@link Consents#guardianConsented} in one query. */
    Optional<AddresseeRow> addressee(long id) {
        return jdbc.sql("""
                        SELECT a.id, a.email, a.display_name, a.preferred_language, a.phone, a.notification_channel, a.guardian_required,
                               a.guardian_required AND EXISTS (SELECT 1 FROM consent_record c
                                                                WHERE c.account_id = a.id AND c.purpose = 'PERSONAL_DATA'
                                                                  AND c.guardian_name IS NOT NULL AND c.withdrawn_at IS NULL) AS guardian_consented
                          FROM account a WHERE a.id = ?
                        """)
                .param(id)
                .query((rs, n) -> new AddresseeRow(summary(rs, n), rs.getString("phone"), rs.getString("notification_channel"),
                        rs.getBoolean("guardian_required"), rs.getBoolean("guardian_consented")))
                .optional();
    }

    Optional<Integer> yearOfBirth(long id) {
        return jdbc.sql("SELECT year_of_birth FROM account WHERE id = ? AND year_of_birth IS NOT NULL").param(id)
                .query(Integer.class).optional();
    }

    Optional<Boolean> guardianRequired(long id) {
        return jdbc.sql("SELECT guardian_required FROM account WHERE id = ?").param(id).query(Boolean.class).optional();
    }

    boolean phoneTaken(String phone) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE phone = ?)")
                .param(phone)
                .query(Boolean.class)
                .single();
    }

    Optional<CurrentAccount> findByPhone(String phone, Instant now) {
        return jdbc.sql(CURRENT_ACCOUNT + " WHERE phone = :phone")
                .param("phone", phone)
                .param("now", Timestamp.from(now))
                .query(this::currentAccount)
                .optional();
    }

    /** Inserts a new account; a taken e-mail address fails with a {@code DuplicateKeyException}. */
    long create(String email, String passwordHash, String displayName, String preferredLanguage, Instant now) {
        return jdbc.sql("""
                        INSERT INTO account (email, password_hash, display_name, preferred_language, created_at)
                        VALUES (?, ?, ?, ?, ?)
                        RETURNING id
                        """)
                .params(email, passwordHash, displayName, preferredLanguage, Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    Optional<String> passwordHash(long id) {
        return jdbc.sql("SELECT password_hash FROM account WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    /** A new password also lifts a sign-in lock: whoever set it proved they own the account. */
    void changePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE account SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL WHERE id = ?")
                .params(passwordHash, id)
                .update();
    }

    void changeProfile(long id, String displayName, String preferredLanguage) {
        jdbc.sql("UPDATE account SET display_name = ?, preferred_language = ?, languages = array_prepend(?, array_remove(languages, ?)) WHERE id = ?")
                .params(displayName, preferredLanguage, preferredLanguage, preferredLanguage, id)
                .update();
    }

    /**
     * Counts a failed sign-in; the failure that reaches {@code maxFailures} locks the account until
     * {@code lockUntil} and starts the count again. One statement, so parallel attempts all count.
     */
    void recordFailedSignIn(String email, int maxFailures, Instant lockUntil) {
        jdbc.sql("""
                        UPDATE account
                        SET failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= :max THEN 0 ELSE failed_sign_ins + 1 END,
                            locked_until = CASE WHEN failed_sign_ins + 1 >= :max THEN :lockUntil ELSE locked_until END
                        WHERE lower(email) = lower(:email)
                        """)
                .param("max", maxFailures)
                .param("lockUntil", Timestamp.from(lockUntil))
                .param("email", email)
                .update();
    }

    void recordFailedSignInByPhone(String phone, int maxFailures, Instant lockUntil) {
        jdbc.sql("""
                        UPDATE account
                        SET failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= :max THEN 0 ELSE failed_sign_ins + 1 END,
                            locked_until = CASE WHEN failed_sign_ins + 1 >= :max THEN :lockUntil ELSE locked_until END
                        WHERE phone = :phone
                        """)
                .param("max", maxFailures)
                .param("lockUntil", Timestamp.from(lockUntil))
                .param("phone", phone)
                .update();
    }

    void recordSuccessfulSignIn(long id) {
        jdbc.sql("""
                        UPDATE account SET failed_sign_ins = 0, locked_until = NULL, last_signed_in_at = now(), retention_warned_at = NULL
                        WHERE id = ?""")
                .param(id)
                .update();
    }
}
