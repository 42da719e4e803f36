package org.learningmap.accounts;

import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts made for a test, each with its own e-mail address so tests sharing a database never meet. */
class People {

    static final String PASSWORD = "lantern orchard violin";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    People(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    static String newEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    }

    CurrentAccount create(String who, String language) {
        String email = newEmail(who);
        long id = jdbc.sql("INSERT INTO account (email, password_hash, display_name, preferred_language) VALUES (?, ?, ?, ?) RETURNING id")
                .params(email, passwords.encode(PASSWORD), "Test " + who, language)
                .query(Long.class)
                .single();
        return new CurrentAccount(id, email, "Test " + who, null, true, false, false, Set.of());
    }

    int failedSignIns(long id) {
        return jdbc.sql("SELECT failed_sign_ins FROM account WHERE id = ?").param(id).query(Integer.class).single();
    }

    boolean locked(long id) {
        return jdbc.sql("SELECT locked_until IS NOT NULL AND locked_until > now() FROM account WHERE id = ?").param(id)
                .query(Boolean.class).single();
    }
}
