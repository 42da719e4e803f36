package org.learningmap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application answers (pages and API, read from the request mappings) is declared
 * in {@code security/endpoints.csv} with who may use it. An endpoint nobody declared fails the build.
 * Each declared endpoint that is not public is then called with the ids of organisation A's data (and
 * of a learner's own data) by people who must not use it: an anonymous visitor, another learner, the
 * owner of a second organisation B of the same site, and a coordinator of another site. None of them
 * may get a success.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AuthorisationMatrixTest {

    private static final String SITE = "/lietuva";

    enum Access { PUBLIC, SIGNED_IN, OWN, STAFF, COORDINATOR, ADMIN }

    record Declaration(String method, String pattern, Access access, String minimumRole, String reason) {
        String key() {
            return method + " " + pattern;
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    EditingFixtures fixtures;
    long site;
    long orgA;
    long learner;
    CurrentAccount otherLearner;
    CurrentAccount ownerOfB;
    CurrentAccount coordinatorElsewhere;
    CurrentAccount coordinatorHere;

    @BeforeEach
    void people() {
        fixtures = new EditingFixtures(jdbc, passwords);
        site = fixtures.site("lietuva");
        long ownerA = fixtures.accountByEmail("owner@example.org");
        orgA = jdbc.sql("SELECT organisation_id FROM membership WHERE account_id = ? ORDER BY organisation_id LIMIT 1")
                .param(ownerA).query(Long.class).single();
        learner = fixtures.accountByEmail("learner@example.org");
        otherLearner = fixtures.principal(fixtures.account("Other learner"));
        long orgB = fixtures.organisation(site, "Matrix organisation B", "APPROVED");
        long ownerB = fixtures.account("Owner B");
        fixtures.member(ownerB, orgB, "OWNER");
        ownerOfB = fixtures.principal(ownerB);
        coordinatorElsewhere = fixtures.principal(fixtures.accountByEmail("coordinator.ua@example.org"));
        coordinatorHere = fixtures.principal(fixtures.accountByEmail("coordinator.lt@example.org"));
    }

    private static boolean victimDataMade;

    /**
     * The demo data has no sign-ups, playlists, tokens, attempts, claims, sittings… of its own: the
     * learner and organisation A's staff make some through the application, as they would.
     */
    private void victimData() {
        if (victimDataMade) {
            return;
        }
        victimDataMade = true;
        CurrentAccount me = fixtures.principal(learner);
        CurrentAccount ownerA = fixtures.principal(fixtures.accountByEmail("owner@example.org"));
        Optional<Long> session = jdbc.sql("""
                        SELECT s.id FROM session s JOIN activity a ON a.id = s.activity_id
                        WHERE s.organisation_id = ? AND s.starts_at > now() AND a.status = 'PUBLISHED' ORDER BY s.starts_at LIMIT 1
                        """).param(orgA).query(Long.class).optional();
        session.ifPresent(id -> {
            quietly("POST", "/api/v1/sessions/" + id + "/enrolment", me);
            long activity = jdbc.sql("SELECT activity_id FROM session WHERE id = ?").param(id).query(Long.class).single();
            quietly("POST", "/staff/organisations/" + orgA + "/activities/" + activity + "/enrolments/questions/preset?preset=GENDER", ownerA);
            quietly("POST", "/staff/skills-check/ratings?organisation=" + orgA + "&activity=" + activity + "&competence=1.1", ownerA);
        });
        quietly("POST", "/account/playlists?name=Mine", me);
        quietly("POST", "/account/trusted-people?contact=educator@example.org", me);
        jdbc.sql("SELECT badge_id FROM badge_evidence_setting ORDER BY badge_id LIMIT 1").query(Long.class).optional()
                .ifPresent(badge -> quietly("POST", "/account/badges/evidence/badges/" + badge + "?body=My+work&link=https://example.org/work", me));
        quietly("POST", "/saved-searches?name=Mine&q=computer", me);
        quietly("POST", "/account/tokens?name=Mine", me);
        quietly("POST", "/skills-check/start?kind=QUICK", me);
        quietly("POST", "/staff/skills-check/sittings?organisation=" + orgA, ownerA);
        jdbc.sql("SELECT badge_id FROM award WHERE organisation_id = ? ORDER BY id LIMIT 1").param(orgA).query(Long.class).optional()
                .ifPresent(badge -> quietly("POST", "/staff/badges/" + badge + "/award/claims?minutes=30", ownerA));
        long volunteer = fixtures.accountByEmail("volunteer@example.org");
        jdbc.sql("SELECT id FROM volunteer_shift WHERE organisation_id = ? ORDER BY id LIMIT 1").param(orgA).query(Long.class).optional()
                .ifPresent(shift -> quietly("POST", "/account/volunteering/shifts/" + shift + "/sign-up", fixtures.principal(volunteer)));
        jdbc.sql("SELECT id FROM volunteer WHERE organisation_id = ? AND account_id = ? ORDER BY id LIMIT 1").params(orgA, volunteer)
                .query(Long.class).optional()
                .ifPresent(v -> quietly("POST", "/account/volunteering/hours?volunteer=" + v + "&day=" + java.time.LocalDate.now().minusDays(1)
                        + "&hoursWorked=2&note=Helped+at+the+desk", fixtures.principal(volunteer)));
        jdbc.sql("""
                        SELECT id || '?topic=' || topics[1] || '&language=' || languages[1] FROM help_slot
                        WHERE organisation_id = ? AND status = 'OPEN' AND starts_at > now() AND volunteer_account_id <> ? ORDER BY id LIMIT 1
                        """).params(orgA, learner).query(String.class).optional()
                .ifPresent(slot -> quietly("POST", "/account/help/slots/" + slot.replaceFirst("\\?", "/book?"), me));
    }

    private void quietly(String method, String path, CurrentAccount who) {
        try {
            MvcResult result = call(method, SITE + path, Optional.of(who));
            System.out.println("Authorisation matrix fixture: " + method + " " + path + " -> " + result.getResponse().getStatus()
                    + " " + result.getFlashMap());
        } catch (Exception e) {
            System.out.println("Authorisation matrix fixture: " + method + " " + path + " failed: " + e);
        }
    }

    @Test
    void everyEndpointIsDeclared() throws Exception {
        Map<String, Declaration> declared = declarations();
        TreeSet<String> undeclared = new TreeSet<>();
        TreeSet<String> present = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (ignored(pattern)) {
                    continue;
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    String key = method + " " + pattern;
                    present.add(key);
                    if (!declared.containsKey(key)) {
                        undeclared.add(key + "  (" + handler.getBeanType().getSimpleName() + "#" + handler.getMethod().getName() + ")");
                    }
                }
                if (info.getMethodsCondition().getMethods().isEmpty()) {
                    undeclared.add("ANY " + pattern + "  (" + handler.getBeanType().getSimpleName() + "#" + handler.getMethod().getName()
                            + ": declare an HTTP method)");
                }
            }
        });
        assertThat(undeclared).as("endpoints missing from security/endpoints.csv").isEmpty();
        TreeSet<String> stale = new TreeSet<>(declared.keySet());
        stale.removeAll(present);
        assertThat(stale).as("declarations of endpoints that no longer exist").isEmpty();
    }

    @Test
    void nobodyGetsWhatTheirDeclarationForbids() throws Exception {
        victimData();
        List<String> holes = new ArrayList<>();
        List<String> notCovered = new ArrayList<>();
        int requests = 0;
        for (Declaration d : declarations().values()) {
            if (d.access() == Access.PUBLIC) {
                continue;
            }
            Optional<String> path = fill(d.pattern());
            if (path.isEmpty()) {
                notCovered.add(d.key());
                continue;
            }
            Map<String, Optional<CurrentAccount>> intruders = new LinkedHashMap<>();
            intruders.put("anonymous", Optional.empty());
            if (d.access() != Access.SIGNED_IN) {
                // a signed-in person may use their own data only: with another person's ids, nothing
                intruders.put("another learner", Optional.of(otherLearner));
                intruders.put("owner of organisation B", Optional.of(ownerOfB));
            }
            if (d.access() == Access.COORDINATOR || d.access() == Access.ADMIN) {
                intruders.put("coordinator of another site", Optional.of(coordinatorElsewhere));
            }
            if (d.access() == Access.ADMIN) {
                intruders.put("coordinator of this site", Optional.of(coordinatorHere));
            }
            if ("SILENT".equals(d.minimumRole())) {
                // answers every id alike and changes only the caller's own rows: the victim's row is checked below
                intruders.keySet().retainAll(List.of("anonymous"));
                for (CurrentAccount intruder : List.of(otherLearner, ownerOfB)) {
                    call(d.method(), SITE + path.get(), Optional.of(intruder));
                    requests++;
                }
            }
            for (var intruder : intruders.entrySet()) {
                MvcResult result = call(d.method(), SITE + path.get(), intruder.getValue());
                MockHttpServletResponse response = result.getResponse();
                requests++;
                if (succeeded(d.method(), result)) {
                    holes.add(d.key() + " as " + intruder.getKey() + " -> " + response.getStatus()
                            + (response.getRedirectedUrl() == null ? "" : " " + response.getRedirectedUrl()) + "  [" + path.get() + "]");
                }
            }
        }
        // the control: organisation A's owner does get the staff pages with the same ids, so refusals above are not wrong ids
        CurrentAccount ownerA = fixtures.principal(fixtures.accountByEmail("owner@example.org"));
        List<String> ownerRefused = new ArrayList<>();
        int staffPages = 0;
        for (Declaration d : declarations().values()) {
            Optional<String> path = fill(d.pattern());
            if (d.access() == Access.STAFF && d.method().equals("GET") && path.isPresent()) {
                staffPages++;
                int status = call("GET", SITE + path.get(), Optional.of(ownerA)).getResponse().getStatus();
                if (status != 200) {
                    ownerRefused.add(d.key() + " -> " + status);
                }
            }
        }
        System.out.println("Authorisation matrix: staff pages organisation A's owner does not get with the filled ids: " + ownerRefused);
        assertThat(ownerRefused.size()).as("staff pages the owning organisation's owner cannot open: " + ownerRefused)
                .isLessThan(staffPages / 5);
        System.out.println("Authorisation matrix: " + requests + " requests; endpoints whose ids could not be filled: " + notCovered);
        assertThat(holes).as("forbidden people who got a success").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE account_id = ? AND revoked_at IS NOT NULL").param(learner)
                .query(Integer.class).single()).as("the learner's API tokens revoked by someone else").isZero();
    }

    private MvcResult call(String method, String path, Optional<CurrentAccount> who) throws Exception {
        MockHttpServletRequestBuilder builder = request(HttpMethod.valueOf(method), path).header("Accept-Language", "en");
        if (!"GET".equals(method)) {
            builder = builder.with(csrf());
            if (path.startsWith(SITE + "/api/")) {
                builder = builder.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
        }
        if (who.isPresent()) {
            builder = builder.with(user(who.get()));
        }
        return mvc.perform(builder).andReturn();
    }

    /**
     * A 2xx is a success; for a write, so is a redirect, unless it goes to the sign-in or an error page or
     * carries a refusal back to the form (a {@code problem} flash message).
     */
    private static boolean succeeded(String method, MvcResult result) {
        MockHttpServletResponse response = result.getResponse();
        int status = response.getStatus();
        if (status >= 200 && status < 300) {
            return true;
        }
        if (!"GET".equals(method) && status >= 300 && status < 400) {
            String to = Objects.toString(response.getRedirectedUrl(), "");
            boolean refused = result.getFlashMap() != null && result.getFlashMap().keySet().stream().anyMatch(key -> key.toLowerCase().contains("problem"));
            return !to.contains("/sign-in") && !to.contains("/error") && !refused;
        }
        return false;
    }

    private static boolean ignored(String pattern) {
        return pattern.equals("/error") || pattern.startsWith("/api/v1/test/");
    }

    static Map<String, Declaration> declarations() throws Exception {
        Map<String, Declaration> all = new LinkedHashMap<>();
        try (var in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(AuthorisationMatrixTest.class.getResourceAsStream("/security/endpoints.csv")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", 4);
                String[] access = f[2].split(":");
                Declaration d = new Declaration(f[0], f[1], Access.valueOf(access[0]), access.length > 1 ? access[1] : null,
                        f.length > 3 ? f[3] : "");
                if (d.access() == Access.PUBLIC && d.reason().isBlank()) {
                    throw new IllegalStateException("a public endpoint needs a reason: " + line);
                }
                if (all.put(d.key(), d) != null) {
                    throw new IllegalStateException("declared twice: " + line);
                }
            }
        }
        return all;
    }

    // ---- filling path variables with the ids of organisation A's data and of the demo learner's own data

    private EndpointIds ids;

    private Optional<String> fill(String pattern) {
        if (ids == null) {
            ids = new EndpointIds(jdbc, orgA, site, learner, coordinatorHere.id());
        }
        return ids.fill(pattern);
    }
}
