package org.learningmap.catalogue.editing;

import java.util.HashSet;
import java.util.UUID;
import org.learningmap.accounts.CurrentAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Rows the staff catalogue tests need and nobody else makes for them yet: organisations, staff,
 * venues and topics, each with a fresh name so tests sharing a database never collide.
 */
public class EditingFixtures {

    public static final String PASSWORD = "Editing-test-2026";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    public EditingFixtures(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    public long site(String slug) {
        return jdbc.sql("SELECT id FROM site WHERE slug = ?").param(slug).query(Long.class).single();
    }

    public long organisation(long siteId, String name, String status) {
        return jdbc.sql("""
                        INSERT INTO organisation (site_id, slug, kind, name, status)
                        VALUES (?, ?, 'LIBRARY', jsonb_build_object('en', ?::text, 'lt', ?::text, 'uk', ?::text), ?) RETURNING id
                        """)
                .params(siteId, "org-" + UUID.randomUUID(), name, name, name, status)
                .query(Long.class).single();
    }

    public long account(String name) {
        return jdbc.sql("""
                        INSERT INTO account (email, password_hash, display_name, preferred_language)
                        VALUES (?, ?, ?, 'en') RETURNING id
                        """)
                .params(name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID() + "@example.org", passwords.encode(PASSWORD), name)
                .query(Long.class).single();
    }

    public String email(long accountId) {
        return jdbc.sql("SELECT email FROM account WHERE id = ?").param(accountId).query(String.class).single();
    }

    public void member(long accountId, long organisationId, String role) {
        jdbc.sql("INSERT INTO membership (account_id, organisation_id, role) VALUES (?, ?, ?)")
                .params(accountId, organisationId, role).update();
    }

    public long venue(long siteId, long organisationId, String name, String town) {
        return jdbc.sql("""
                        INSERT INTO venue (site_id, organisation_id, kind, name, address, town, lat, lon)
                        VALUES (?, ?, 'LIBRARY_BRANCH', jsonb_build_object('en', ?::text, 'lt', ?::text), 'Gedimino pr. 1', ?, 54.69, 25.28)
                        RETURNING id
                        """)
                .params(siteId, organisationId, name, name, town).query(Long.class).single();
    }

    public void topics(long siteId) {
        for (String[] topic : new String[][] {{"digital-skills", "Digital skills", "Skaitmeniniai įgūdžiai"},
                {"online-safety", "Online safety", "Saugumas internete"}}) {
            jdbc.sql("""
                            INSERT INTO topic (site_id, slug, name) VALUES (?, ?, jsonb_build_object('en', ?::text, 'lt', ?::text))
                            ON CONFLICT (site_id, slug) DO NOTHING
                            """)
                    .params(siteId, topic[0], topic[1], topic[2]).update();
        }
    }

    /** The principal a signed-in account has, as the sign-in builds it. */
    public CurrentAccount principal(long accountId) {
        var sites = new HashSet<>(jdbc.sql("SELECT site_id FROM site_role WHERE account_id = ? AND role = 'COORDINATOR'")
                .param(accountId).query(Long.class).list());
        return jdbc.sql("SELECT id, email, display_name, platform_admin FROM account WHERE id = ?")
                .param(accountId)
                .query((rs, n) -> new CurrentAccount(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"), null,
                        true, false, rs.getBoolean("platform_admin"), sites))
                .single();
    }

    public long accountByEmail(String email) {
        return jdbc.sql("SELECT id FROM account WHERE email = ?").param(email).query(Long.class).single();
    }
}
