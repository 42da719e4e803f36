package org.learningmap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.learningmap.LearningMapApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two nodes share one PostgreSQL, as behind a load balancer: a person signs in on one node and goes on
 * working on the other with the same session cookie, forms and all; what one node writes into the
 * session (a new name, signing out) the other sees on the next request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondNodeContinuesTheSessionTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern DISPLAY_NAME = Pattern.compile("id=\"displayName\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*id=\"displayName\"");

    @LocalServerPort
    int firstPort;
    @Autowired
    EmbeddedPostgres postgres;

    ConfigurableApplicationContext secondNode;
    int secondPort;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** The browser's cookie jar: cookies belong to the host name, whichever node answers. */
    final Map<String, String> cookies = new LinkedHashMap<>();

    @BeforeAll
    void startTheSecondNode() {
        secondNode = new SpringApplicationBuilder(LearningMapApplication.class)
                .profiles("test")
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "spring.datasource.username=postgres",
                        "learningmap.demo-data.enabled=false",
                        "spring.jmx.enabled=false")
                .run();
        secondPort = ((WebServerApplicationContext) secondNode).getWebServer().getPort();
    }

    @AfterAll
    void stopTheSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void aPersonSignsInOnOneNodeAndGoesOnWorkingOnTheOther() throws Exception {
        assertThat(secondPort).isNotEqualTo(firstPort);

        HttpResponse<String> askedFirst = send(secondPort, "GET", "/account", null);
        assertThat(askedFirst.statusCode()).as("not signed in yet").isEqualTo(302);
        String before = cookies.get("SESSION");
        assertThat(before).as("a session that remembers the page asked for").isNotNull();

        HttpResponse<String> signInPage = send(firstPort, "GET", "/sign-in", null);
        String form = "username=" + encode("learner@example.org") + "&password=LearningMap-demo-2026&_csrf=" + encode(token(signInPage));
        HttpResponse<String> signedIn = send(firstPort, "POST", "/sign-in", form);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(cookies.get("SESSION")).as("a fresh session id on sign-in (session fixation)").isNotNull().isNotEqualTo(before);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).as("back to the page asked for on the other node")
                .contains("/account?continue");

        HttpResponse<String> accountOnSecond = send(secondPort, "GET", "/account", null);
        assertThat(accountOnSecond.statusCode()).as("the account page on the second node").isEqualTo(200);
        assertThat(accountOnSecond.body()).contains("/sign-out").contains("action=\"/account/profile\"");
        String name = displayName(accountOnSecond);

        HttpResponse<String> withoutToken = send(secondPort, "POST", "/account/profile", "displayName=" + encode("Forged") + "&language=en");
        assertThat(withoutToken.statusCode()).as("a form without its CSRF token").isEqualTo(403);

        try {
            HttpResponse<String> renamed = send(secondPort, "POST", "/account/profile",
                    "displayName=" + encode("Ona from the second node") + "&language=en&_csrf=" + encode(token(accountOnSecond)));
            assertThat(renamed.statusCode()).isEqualTo(302);
            assertThat(renamed.headers().firstValue("Location").orElse("")).contains("/account?saved");

            HttpResponse<String> accountOnFirst = send(firstPort, "GET", "/account", null);
            assertThat(accountOnFirst.statusCode()).as("back on the first node").isEqualTo(200);
            assertThat(displayName(accountOnFirst)).isEqualTo("Ona from the second node");
        } finally {
            HttpResponse<String> page = send(firstPort, "GET", "/account", null);
            send(firstPort, "POST", "/account/profile", "displayName=" + encode(name) + "&language=en&_csrf=" + encode(token(page)));
        }

        HttpResponse<String> beforeSignOut = send(firstPort, "GET", "/account", null);
        HttpResponse<String> signedOut = send(secondPort, "POST", "/sign-out", "_csrf=" + encode(token(beforeSignOut)));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElse("")).contains("signedOut");
        HttpResponse<String> afterSignOut = send(firstPort, "GET", "/account", null);
        assertThat(afterSignOut.statusCode()).as("signed out on every node").isEqualTo(302);
        assertThat(afterSignOut.headers().firstValue("Location").orElse("")).contains("/sign-in");
    }

    private HttpResponse<String> send(int port, String method, String path, String form) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "en");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        HttpResponse<String> response = http.send(request.method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.substring(0, header.contains(";") ? header.indexOf(';') : header.length());
            String cookieName = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                cookies.remove(cookieName);
            } else {
                cookies.put(cookieName, value);
            }
        }
        return response;
    }

    private static String token(HttpResponse<String> page) {
        Matcher matcher = TOKEN.matcher(page.body());
        assertThat(matcher.find()).as("a CSRF field").isTrue();
        return matcher.group(1);
    }

    private static String displayName(HttpResponse<String> page) {
        Matcher matcher = DISPLAY_NAME.matcher(page.body());
        assertThat(matcher.find()).as("the name field").isTrue();
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
