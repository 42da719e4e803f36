package org.learningmap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every page a visitor or a signed-in person opens (the GET pages declared in {@code security/endpoints.csv}:
 * all public pages, all signed-in pages without ids, and the staff pages of one organisation) arrives with the
 * browser protections of ASVS V14.4: a strict Content-Security-Policy that allows no inline or evaluated script
 * or style, no plug-ins, no foreign base or form targets and no framing; nosniff; a referrer policy; a permissions
 * policy; and, for signed-in pages, no caching of personal pages. Behind an https proxy, HSTS is added.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StrictContentSecurityPolicyTest {

    private static final String SITE = "/lietuva";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]+)?}");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    EditingFixtures fixtures;
    long orgA;
    Map<AuthorisationMatrixTest.Access, Optional<CurrentAccount>> people = new LinkedHashMap<>();

    @BeforeEach
    void people() {
        fixtures = new EditingFixtures(jdbc, passwords);
        long owner = fixtures.accountByEmail("owner@example.org");
        orgA = jdbc.sql("SELECT organisation_id FROM membership WHERE account_id = ? ORDER BY organisation_id LIMIT 1")
                .param(owner).query(Long.class).single();
        people.put(AuthorisationMatrixTest.Access.PUBLIC, Optional.empty());
        people.put(AuthorisationMatrixTest.Access.SIGNED_IN, Optional.of(fixtures.principal(fixtures.accountByEmail("learner@example.org"))));
        people.put(AuthorisationMatrixTest.Access.STAFF, Optional.of(fixtures.principal(owner)));
        people.put(AuthorisationMatrixTest.Access.COORDINATOR,
                Optional.of(fixtures.principal(fixtures.accountByEmail("coordinator.lt@example.org"))));
        people.put(AuthorisationMatrixTest.Access.ADMIN, Optional.of(fixtures.principal(fixtures.accountByEmail("admin@example.org"))));
    }

    @Test
    void everyPageCarriesAStrictPolicyAndTheOtherProtectiveHeaders() throws Exception {
        List<String> problems = new ArrayList<>();
        int publicPages = 0;
        int signedInPages = 0;
        for (AuthorisationMatrixTest.Declaration d : AuthorisationMatrixTest.declarations().values()) {
            if (!d.method().equals("GET") || !isPage(d.pattern()) || !people.containsKey(d.access())) {
                continue;
            }
            Optional<String> path = fill(d.pattern(), d.access());
            if (path.isEmpty()) {
                continue;
            }
            Optional<CurrentAccount> who = people.get(d.access());
            MockHttpServletRequestBuilder request = get(SITE + path.get()).header("Accept-Language", "en");
            if (who.isPresent()) {
                request = request.with(user(who.get()));
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            if (response.getStatus() != 200 || !String.valueOf(response.getContentType()).startsWith("text/html")) {
                continue;
            }
            if (who.isPresent()) {
                signedInPages++;
            } else {
                publicPages++;
            }
            problems.addAll(headerProblems(path.get(), response, who.isPresent()));
        }
        System.out.println("Strict policy: " + publicPages + " public pages and " + signedInPages + " signed-in pages checked");
        assertThat(publicPages).as("public pages checked").isGreaterThanOrEqualTo(15);
        assertThat(signedInPages).as("signed-in pages checked").isGreaterThanOrEqualTo(30);
        assertThat(problems).as("pages without the protective headers").isEmpty();
    }

    @Test
    void errorPagesCarryThePolicyToo() throws Exception {
        MockHttpServletResponse response = mvc.perform(get(SITE + "/activities/999999999").header("Accept-Language", "en"))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(headerProblems("/activities/999999999", response, false)).isEmpty();
    }

    @Test
    void behindAnHttpsProxyBrowsersAreToldToUseHttpsOnly() throws Exception {
        MockHttpServletResponse https = mvc.perform(get(SITE + "/").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "learningmap.example.org").header("Accept-Language", "en")).andReturn().getResponse();
        String hsts = https.getHeader("Strict-Transport-Security");
        assertThat(hsts).as("HSTS over https").isNotNull();
        Matcher maxAge = Pattern.compile("max-age=(\\d+)").matcher(hsts);
        assertThat(maxAge.find()).isTrue();
        assertThat(Long.parseLong(maxAge.group(1))).as("HSTS max-age of at least a year").isGreaterThanOrEqualTo(31_536_000L);
        assertThat(hsts).contains("includeSubDomains");

        MockHttpServletResponse plain = mvc.perform(get(SITE + "/").header("Accept-Language", "en")).andReturn().getResponse();
        assertThat(plain.getHeader("Strict-Transport-Security")).as("no HSTS over plain http (development)").isNull();
    }

    static List<String> headerProblems(String path, MockHttpServletResponse response, boolean signedIn) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> csp = policy(response.getHeader("Content-Security-Policy"));
        if (csp.isEmpty()) {
            problems.add(path + ": no Content-Security-Policy");
            return problems;
        }
        for (String directive : List.of("script-src", "style-src")) {
            List<String> sources = csp.getOrDefault(directive, csp.get("default-src"));
            if (sources == null) {
                problems.add(path + ": no " + directive + " nor default-src");
                continue;
            }
            for (String source : sources) {
                String s = source.toLowerCase(Locale.ROOT);
                if (s.equals("'unsafe-inline'") || s.equals("'unsafe-eval'") || s.equals("'unsafe-hashes'") || s.equals("*")
                        || s.equals("data:") || s.equals("http:") || s.equals("https:")) {
                    problems.add(path + ": " + directive + " allows " + source);
                }
            }
        }
        for (String directive : List.of("script-src-attr", "script-src-elem", "style-src-attr", "style-src-elem")) {
            if (csp.getOrDefault(directive, List.of()).stream().anyMatch(s -> s.contains("unsafe"))) {
                problems.add(path + ": " + directive + " is unsafe");
            }
        }
        expect(problems, path, "object-src 'none'", csp.get("object-src"), List.of("'none'"));
        expect(problems, path, "base-uri 'self' or 'none'", csp.get("base-uri"), List.of("'self'", "'none'"));
        expect(problems, path, "form-action 'self'", csp.get("form-action"), List.of("'self'"));
        expect(problems, path, "frame-ancestors 'none' or 'self'", csp.get("frame-ancestors"), List.of("'none'", "'self'"));
        if (String.valueOf(response.getContentType()).startsWith("text/html")
                && !String.valueOf(response.getContentType()).toLowerCase(Locale.ROOT).contains("charset=utf-8")) {
            problems.add(path + ": Content-Type without its character set: " + response.getContentType());
        }
        if (!"nosniff".equals(response.getHeader("X-Content-Type-Options"))) {
            problems.add(path + ": X-Content-Type-Options is " + response.getHeader("X-Content-Type-Options"));
        }
        List<String> safeReferrers = List.of("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin");
        if (!safeReferrers.contains(String.valueOf(response.getHeader("Referrer-Policy")))) {
            problems.add(path + ": Referrer-Policy is " + response.getHeader("Referrer-Policy"));
        }
        String permissions = response.getHeader("Permissions-Policy");
        if (permissions == null || !permissions.contains("microphone=()")) {
            problems.add(path + ": Permissions-Policy is " + permissions);
        }
        String frameOptions = String.valueOf(response.getHeader("X-Frame-Options"));
        if (!frameOptions.equals("DENY") && !frameOptions.equals("SAMEORIGIN")) {
            problems.add(path + ": X-Frame-Options is " + frameOptions);
        }
        if (signedIn && !String.valueOf(response.getHeader("Cache-Control")).contains("no-store")) {
            problems.add(path + ": a signed-in page may be cached: Cache-Control " + response.getHeader("Cache-Control"));
        }
        return problems;
    }

    private static void expect(List<String> problems, String path, String what, List<String> sources, List<String> allowed) {
        if (sources == null || sources.isEmpty() || !allowed.containsAll(sources)) {
            problems.add(path + ": needs " + what + " but has " + sources);
        }
    }

    static Map<String, List<String>> policy(String header) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        if (header == null) {
            return directives;
        }
        for (String part : header.split(";")) {
            List<String> words = Arrays.stream(part.strip().split("\\s+")).filter(w -> !w.isBlank()).toList();
            if (!words.isEmpty()) {
                directives.put(words.getFirst().toLowerCase(Locale.ROOT), words.subList(1, words.size()));
            }
        }
        return directives;
    }

    /** A page is an HTML address: not the JSON API, not a file (calendar, image, PDF, CSV, JSON) by its name. */
    private static boolean isPage(String pattern) {
        return !pattern.startsWith("/api/") && !pattern.startsWith("/v3/") && !pattern.equals("/api")
                && !pattern.matches(".*\\.[a-z]+$") && !pattern.matches(".*/(download|open|file|image\\.png|logo/.*)$");
    }

    /** Fills the ids of public pages with published demo data, and of staff pages with organisation A. */
    private Optional<String> fill(String pattern, AuthorisationMatrixTest.Access access) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String before = pattern.substring(0, m.start());
            String segment = before.endsWith("/") ? before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1) : "";
            Optional<String> value = switch (segment) {
                case "organisations", "issuers" -> Optional.of(Long.toString(orgA));
                case "activities" -> access == AuthorisationMatrixTest.Access.PUBLIC ? first("""
                        SELECT a.id FROM activity a JOIN site s ON s.id = a.site_id WHERE s.slug = 'lietuva' AND a.status = 'PUBLISHED' ORDER BY a.id""")
                        : Optional.empty();
                case "venues" -> access == AuthorisationMatrixTest.Access.PUBLIC
                        ? first("SELECT v.id FROM venue v JOIN site s ON s.id = v.site_id WHERE s.slug = 'lietuva' ORDER BY v.id") : Optional.empty();
                case "library" -> access == AuthorisationMatrixTest.Access.PUBLIC ? first("SELECT id FROM library_item ORDER BY id") : Optional.empty();
                default -> Optional.empty();
            };
            if (value.isEmpty()) {
                return Optional.empty();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.get()));
        }
        m.appendTail(out);
        return Optional.of(out.toString());
    }

    private Optional<String> first(String sql) {
        try {
            return jdbc.sql(sql).query(Long.class).list().stream().findFirst().map(String::valueOf);
        } catch (RuntimeException e) {
            System.out.println("Strict policy: no id from " + sql.lines().collect(Collectors.joining(" ")) + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
