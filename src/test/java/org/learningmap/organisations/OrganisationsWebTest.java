package org.learningmap.organisations;

import java.util.Set;
import java.util.UUID;
import org.learningmap.accounts.CurrentAccount;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The application with its embedded database and demo sites, driven through MockMvc. Each test
 * makes its own people and organisations, so tests never depend on one another's rows.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class OrganisationsWebTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    protected long lithuania() {
        return siteId("lietuva");
    }

    protected long ukraine() {
        return siteId("ukraina");
    }

    protected long siteId(String slug) {
        return jdbc.sql("SELECT id FROM site WHERE slug = ?").param(slug).query(Long.class).single();
    }

    /** A new person with an account, who prefers the given language. */
    protected CurrentAccount person(String name, String language) {
        String email = name.toLowerCase().replaceAll("[^a-z]+", ".") + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long id = jdbc.sql("INSERT INTO account (email, display_name, preferred_language) VALUES (?, ?, ?) RETURNING id")
                .params(email, name, language).query(Long.class).single();
        return new CurrentAccount(id, email, name, null, true, false, false, Set.of());
    }

    protected CurrentAccount coordinatorOf(long siteId, String name) {
        CurrentAccount person = person(name, "en");
        jdbc.sql("INSERT INTO site_role (account_id, site_id, role) VALUES (?, ?, 'COORDINATOR')").params(person.id(), siteId).update();
        return new CurrentAccount(person.id(), person.email(), name, null, true, false, false, Set.of(siteId));
    }

    protected long organisation(long siteId, String englishName, String status, CurrentAccount owner) {
        long id = jdbc.sql("""
                        INSERT INTO organisation (site_id, slug, kind, name, description, email, status)
                        VALUES (?, ?, 'LIBRARY', ?::jsonb, '{"en":"Books and classes for everyone."}'::jsonb, 'desk@example.org', ?)
                        RETURNING id
                        """)
                .params(siteId, "org-" + UUID.randomUUID(), "{\"en\":\"" + englishName + "\"}", status)
                .query(Long.class).single();
        if (owner != null) {
            member(id, owner, StaffRole.OWNER);
        }
        return id;
    }

    protected void member(long organisationId, CurrentAccount account, StaffRole role) {
        jdbc.sql("INSERT INTO membership (account_id, organisation_id, role) VALUES (?, ?, ?)")
                .params(account.id(), organisationId, role.name()).update();
    }

    protected long venue(long organisationId, String englishName) {
        return jdbc.sql("""
                        INSERT INTO venue (site_id, organisation_id, kind, name, address, town, lat, lon, opening_hours, accessibility)
                        SELECT site_id, id, 'LIBRARY_BRANCH', ?::jsonb, 'Gedimino pr. 51', 'Vilnius', 54.6872, 25.2797,
                               '{"MONDAY":"10:00–18:00"}'::jsonb, '{STEP_FREE,HEARING_LOOP}'
                        FROM organisation WHERE id = ? RETURNING id
                        """)
                .params("{\"en\":\"" + englishName + "\"}", organisationId).query(Long.class).single();
    }

    protected String statusOf(long organisationId) {
        return jdbc.sql("SELECT status FROM organisation WHERE id = ?").param(organisationId).query(String.class).single();
    }

    protected String roleOf(long organisationId, CurrentAccount account) {
        return jdbc.sql("SELECT role FROM membership WHERE organisation_id = ? AND account_id = ?")
                .params(organisationId, account.id()).query(String.class).optional().orElse(null);
    }
}
