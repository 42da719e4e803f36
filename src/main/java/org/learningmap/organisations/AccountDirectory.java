package org.learningmap.organisations;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Looks people up by id or e-mail for staff lists, invitations and decision e-mails. The accounts
 * module offers no such question yet, so these are the only queries of its {@code account} table
 * from this module, kept together so that one class changes when it does.
 */
@Component
class AccountDirectory {

    /** Where and how to reach a person. */
    record AccountContact(long id, String email, String displayName, String preferredLanguage) {
    }

    private static final String COLUMNS = "id, email, display_name, preferred_language";

    private final JdbcClient jdbc;

    AccountDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AccountContact> contactOf(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ?").param(accountId)
                .query((rs, n) -> contact(rs)).optional();
    }

    Optional<AccountContact> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE lower(email) = lower(?) AND enabled").param(email.strip())
                .query((rs, n) -> contact(rs)).optional();
    }

    Map<Long, AccountContact> contactsOf(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id IN (:ids)").param("ids", accountIds)
                .query((rs, n) -> contact(rs)).list().stream()
                .collect(Collectors.toMap(AccountContact::id, Function.identity()));
    }

    private static AccountContact contact(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AccountContact(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("preferred_language"));
    }
}
