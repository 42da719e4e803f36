package org.learningmap.network.cascades;

import java.util.Set;
import java.util.UUID;
import org.learningmap.accounts.CurrentAccount;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The application with its embedded database and demo sites, through MockMvc; each test makes its own people and organisations. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class NetworkWebTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    protected long siteId(String slug) {
        return jdbc.sql("SELECT id FROM site WHERE slug = ?").param(slug).query(Long.class).single();
    }

    protected CurrentAccount person(String name) {
        String email = name.toLowerCase().replaceAll("[^a-z]+", ".") + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long id = jdbc.sql("INSERT INTO account (email, display_name, preferred_language) VALUES (?, ?, 'en') RETURNING id")
                .params(email, name).query(Long.class).single();
        return new CurrentAccount(id, email, name, null, true, false, false, Set.of());
    }

    protected CurrentAccount coordinatorOf(long siteId, String name) {
        CurrentAccount person = person(name);
        jdbc.sql("INSERT INTO site_role (account_id, site_id, role) VALUES (?, ?, 'COORDINATOR')").params(person.id(), siteId).update();
        return new CurrentAccount(person.id(), person.email(), name, null, true, false, false, Set.of(siteId));
    }

    /** An approved organisation on the site, with the account as staff in the given role. */
    protected long organisation(String slug, String name, CurrentAccount staff, String role) {
        long id = jdbc.sql("""
                        INSERT INTO organisation (site_id, slug, kind, name, email, status)
                        SELECT id, ?, 'LIBRARY', ?::jsonb, 'desk@example.org', 'APPROVED' FROM site WHERE slug = ? RETURNING id
                        """)
                .params("org-" + UUID.randomUUID(), "{\"en\":\"" + name + "\"}", slug).query(Long.class).single();
        if (staff != null) {
            jdbc.sql("INSERT INTO membership (account_id, organisation_id, role) VALUES (?, ?, ?)").params(staff.id(), id, role).update();
        }
        return id;
    }
}
