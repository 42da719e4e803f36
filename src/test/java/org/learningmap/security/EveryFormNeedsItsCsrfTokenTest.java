package org.learningmap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * ASVS 4.2.2 / 13.2.3: every state-changing page endpoint (each POST, PUT, PATCH and DELETE mapping outside the
 * JSON API, read from the controllers, plus the sign-in and sign-out the security filters answer) refuses a
 * request that comes with the person's session but without the CSRF token, before any controller runs.
 * The JSON API ({@code /api/v1/**}) is left out on purpose: it never reads a session cookie, its writes need an
 * {@code Authorization: Bearer} token that a forged cross-site request cannot carry (see
 * {@link SessionsEndWhenTheyShouldTest#theApiNeverTrustsTheSessionCookie}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EveryFormNeedsItsCsrfTokenTest {

    private static final String SITE = "/lietuva";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:([^}]+))?}");
    /** Sign-in, sign-up and password-reset posts are limited per address: each request here comes from its own. */
    private static final AtomicInteger ADDRESS = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyStateChangingEndpointRefusesARequestWithoutTheToken() throws Exception {
        EditingFixtures fixtures = new EditingFixtures(jdbc, passwords);
        // someone with every role, so no refusal below can come from anything but the missing token
        CurrentAccount admin = fixtures.principal(fixtures.accountByEmail("admin@example.org"));
        TreeSet<String> endpoints = new TreeSet<>(List.of("POST /sign-in", "POST /sign-out"));
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (method != RequestMethod.GET && method != RequestMethod.HEAD && method != RequestMethod.OPTIONS) {
                        endpoints.add(method + " " + pattern);
                    }
                }
            }
        });
        List<String> accepted = new ArrayList<>();
        for (String endpoint : endpoints) {
            String[] parts = endpoint.split(" ", 2);
            String path = SITE + fill(parts[1]);
            for (boolean signedIn : new boolean[] {true, false}) {
                var builder = request(HttpMethod.valueOf(parts[0]), path).header("Accept-Language", "en")
                        .param("name", "Forged").with(fromItsOwnAddress());
                if (signedIn) {
                    builder = builder.with(user(admin));
                }
                MvcResult result = mvc.perform(builder).andReturn();
                if (result.getResponse().getStatus() != 403 || result.getHandler() != null) {
                    accepted.add(endpoint + (signedIn ? " signed in" : " anonymous") + " -> " + result.getResponse().getStatus()
                            + (result.getHandler() == null ? "" : " reached " + result.getHandler()));
                }
            }
        }
        System.out.println("CSRF: " + endpoints.size() + " state-changing page endpoints refused without the token");
        assertThat(endpoints.size()).as("state-changing page endpoints found").isGreaterThan(100);
        assertThat(accepted).as("endpoints that took a request without its CSRF token").isEmpty();
    }

    @Test
    void theSameRequestWithTheTokenReachesTheController() throws Exception {
        // the control: the refusals above come from the token, not from a wrong address or a missing role
        EditingFixtures fixtures = new EditingFixtures(jdbc, passwords);
        CurrentAccount person = fixtures.principal(fixtures.account("CSRF control"));
        MvcResult without = mvc.perform(post(SITE + "/saved-searches").param("name", "Mine").param("q", "computer")
                .with(user(person))).andReturn();
        assertThat(without.getResponse().getStatus()).isEqualTo(403);
        assertThat(without.getHandler()).isNull();
        MvcResult with = mvc.perform(post(SITE + "/saved-searches").param("name", "Mine").param("q", "computer")
                .with(user(person)).with(csrf())).andReturn();
        assertThat(with.getHandler()).as("with its token the form reaches the controller").isNotNull();
        assertThat(with.getResponse().getStatus()).isNotEqualTo(403);
    }

    private static String fill(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String choices = m.group(3);
            boolean literal = choices != null && choices.matches("[A-Za-z0-9_|-]+");
            m.appendReplacement(out, Matcher.quoteReplacement(literal ? choices.split("\\|")[0] : "1"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor fromItsOwnAddress() {
        int n = ADDRESS.incrementAndGet();
        String address = "198.18." + (n / 250) + "." + (n % 250 + 1);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
