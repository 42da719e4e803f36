package org.learningmap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * ASVS V3 on the real server, with sessions in PostgreSQL as in production: signing in starts a new session
 * (the id a visitor had before is worth nothing), the session cookie is out of reach of scripts and of other
 * sites and, behind an https proxy, never sent over plain http; signing out ends the session on the server (a
 * copied cookie no longer works); a session left idle for longer than the configured timeout is signed out;
 * and the JSON API never treats the session cookie as a sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SessionsEndWhenTheyShouldTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Value("${server.servlet.session.timeout}")
    String configuredTimeout;
    Duration timeout;

    String email;

    @BeforeEach
    void aPerson() {
        EditingFixtures fixtures = new EditingFixtures(jdbc, passwords);
        email = fixtures.email(fixtures.account("Session person"));
        timeout = org.springframework.boot.convert.DurationStyle.detectAndParse(configuredTimeout);
    }

    @Test
    void signingInStartsAFreshSessionWhoseCookieScriptsAndOtherSitesCannotUse() throws Exception {
        Browser browser = new Browser(true);
        browser.send("GET", "/account", null);
        String before = browser.cookies.get("SESSION");
        assertThat(before).as("a session that remembers the page asked for").isNotNull();

        HttpResponse<String> signedIn = browser.signIn(email);
        String after = browser.cookies.get("SESSION");
        assertThat(after).as("a new session id on sign-in (no session fixation)").isNotNull().isNotEqualTo(before);
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).as("the session cookie").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("Secure").containsIgnoringCase("Path=/");
        assertThat(signedIn.headers().firstValue("Location").orElse("")).as("the session id never travels in an address")
                .doesNotContainIgnoringCase("jsessionid").doesNotContainIgnoringCase("session=");
        HttpResponse<String> account = browser.send("GET", "/account", null);
        assertThat(account.body()).doesNotContainIgnoringCase("jsessionid").doesNotContain(after);
        assertThat(account.headers().firstValue("Server")).as("no server name or version is announced").isEmpty();
        assertThat(account.headers().firstValue("X-Powered-By")).isEmpty();

        Browser attacker = new Browser(true);
        attacker.cookies.put("SESSION", before);
        HttpResponse<String> withTheOldId = attacker.send("GET", "/account", null);
        assertThat(withTheOldId.statusCode()).as("the id known before the sign-in does not sign anyone in").isEqualTo(302);
        assertThat(withTheOldId.headers().firstValue("Location").orElse("")).contains("/sign-in");
        assertThat(browser.send("GET", "/account", null).statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() throws Exception {
        Browser browser = new Browser(false);
        browser.signIn(email);
        HttpResponse<String> account = browser.send("GET", "/account", null);
        assertThat(account.statusCode()).isEqualTo(200);
        String copied = browser.cookies.get("SESSION");

        HttpResponse<String> signedOut = browser.send("POST", "/sign-out", "_csrf=" + encode(token(account)));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElse("")).contains("signedOut");

        Browser withACopy = new Browser(false);
        withACopy.cookies.put("SESSION", copied);
        HttpResponse<String> replayed = withACopy.send("GET", "/account", null);
        assertThat(replayed.statusCode()).as("a copy of the signed-out session cookie").isEqualTo(302);
        assertThat(replayed.headers().firstValue("Location").orElse("")).contains("/sign-in");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(email).query(Integer.class).single())
                .as("sessions of the person kept on the server").isZero();
    }

    @Test
    void aSessionLeftIdleLongerThanTheTimeoutIsSignedOut() throws Exception {
        assertThat(timeout).as("ASVS 3.3.1/3.3.2 level 2: idle sessions end within 30 minutes").isLessThanOrEqualTo(Duration.ofMinutes(30));
        Browser browser = new Browser(false);
        browser.signIn(email);
        assertThat(browser.send("GET", "/account", null).statusCode()).isEqualTo(200);
        List<Integer> intervals = jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?").param(email)
                .query(Integer.class).list();
        assertThat(intervals).as("the stored session keeps the configured timeout").containsExactly((int) timeout.toSeconds());

        // a little more than the timeout goes by without a request
        long idle = timeout.plusMinutes(1).toMillis();
        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - ?, expiry_time = expiry_time - ? WHERE principal_name = ?")
                .params(idle, idle, email).update();

        HttpResponse<String> afterAWhile = browser.send("GET", "/account", null);
        assertThat(afterAWhile.statusCode()).as("the account page after the idle time").isEqualTo(302);
        assertThat(afterAWhile.headers().firstValue("Location").orElse("")).contains("/sign-in");
    }

    @Test
    void aBusySessionStillEndsTwelveHoursAfterItBegan() throws Exception {
        Browser browser = new Browser(false);
        browser.signIn(email);
        assertThat(browser.send("GET", "/account", null).statusCode()).isEqualTo(200);
        // eleven hours in, still busy: the session goes on
        long eleven = Duration.ofHours(11).toMillis();
        jdbc.sql("UPDATE spring_session SET creation_time = creation_time - ? WHERE principal_name = ?").params(eleven, email).update();
        assertThat(browser.send("GET", "/account", null).statusCode()).isEqualTo(200);
        // two more hours of constant use: past twelve hours the next request must sign in again
        long two = Duration.ofHours(2).toMillis();
        jdbc.sql("UPDATE spring_session SET creation_time = creation_time - ? WHERE principal_name = ?").params(two, email).update();
        HttpResponse<String> afterTwelveHours = browser.send("GET", "/account", null);
        assertThat(afterTwelveHours.statusCode()).as("the account page thirteen hours after signing in").isEqualTo(302);
        assertThat(afterTwelveHours.headers().firstValue("Location").orElse("")).contains("/sign-in");
    }

    @Test
    void aNewPasswordSignsOutEveryOtherSessionAndThePersonIsTold() throws Exception {
        Browser phone = new Browser(false);
        phone.signIn(email);
        Browser laptop = new Browser(false);
        laptop.signIn(email);
        assertThat(phone.send("GET", "/account", null).statusCode()).isEqualTo(200);

        HttpResponse<String> account = laptop.send("GET", "/account", null);
        HttpResponse<String> changed = laptop.send("POST", "/account/password", "currentPassword=" + encode(EditingFixtures.PASSWORD)
                + "&newPassword=" + encode("A-brand-new-password-2026") + "&_csrf=" + encode(token(account)));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(changed.headers().firstValue("Location").orElse("")).contains("passwordChanged");

        assertThat(laptop.send("GET", "/account", null).statusCode()).as("the session that changed the password goes on").isEqualTo(200);
        HttpResponse<String> onThePhone = phone.send("GET", "/account", null);
        assertThat(onThePhone.statusCode()).as("another session of the same person after the change").isEqualTo(302);
        assertThat(onThePhone.headers().firstValue("Location").orElse("")).contains("/sign-in");

        List<String> notices = jdbc.sql("SELECT subject || ' ' || body FROM outbox_email WHERE recipient = ? ORDER BY id").param(email)
                .query(String.class).list();
        assertThat(notices).as("an e-mail telling the person their password changed").hasSize(1);
        assertThat(notices.getFirst()).contains("your password was changed").contains("/password-reset")
                .doesNotContain("A-brand-new-password-2026");
    }

    @Test
    void theApiNeverTrustsTheSessionCookie() throws Exception {
        Browser browser = new Browser(false);
        browser.signIn(email);
        HttpResponse<String> account = browser.send("GET", "/account", null);
        assertThat(account.statusCode()).isEqualTo(200);
        long session = jdbc.sql("SELECT id FROM session WHERE starts_at > now() ORDER BY starts_at LIMIT 1").query(Long.class).single();
        HttpResponse<String> forged = browser.send("POST", "/api/v1/sessions/" + session + "/enrolment", null,
                Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", browser.cookies.getOrDefault("XSRF-TOKEN", "")));
        assertThat(forged.statusCode()).as("an API write carried by the session cookie alone").isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM enrolment e JOIN account a ON a.id = e.account_id WHERE a.email = ?").param(email)
                .query(Integer.class).single()).isZero();
    }

    /** A cookie jar and the requests of one browser; optionally behind an https proxy (X-Forwarded-Proto). */
    private final class Browser {
        final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        final Map<String, String> cookies = new LinkedHashMap<>();
        final boolean https;

        Browser(boolean https) {
            this.https = https;
        }

        HttpResponse<String> signIn(String email) throws IOException, InterruptedException {
            HttpResponse<String> page = send("GET", "/sign-in", null);
            HttpResponse<String> signedIn = send("POST", "/sign-in",
                    "username=" + encode(email) + "&password=" + encode(EditingFixtures.PASSWORD) + "&_csrf=" + encode(token(page)));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElse("")).as("signed in").doesNotContain("error");
            return signedIn;
        }

        HttpResponse<String> send(String method, String path, String form) throws IOException, InterruptedException {
            return send(method, path, form, form == null ? Map.of() : Map.of("Content-Type", "application/x-www-form-urlencoded"));
        }

        HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept-Language", "en");
            if (https) {
                request.header("X-Forwarded-Proto", "https");
            }
            headers.forEach(request::header);
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.substring(0, header.contains(";") ? header.indexOf(';') : header.length());
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }
    }

    private static String token(HttpResponse<String> page) {
        Matcher matcher = TOKEN.matcher(page.body());
        assertThat(matcher.find()).as("a CSRF field").isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
