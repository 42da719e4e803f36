package org.learningmap.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Searches of visitors who are not signed in are answered from memory: each visitor still gets a
 * form token of their own, a change to the catalogue shows at once, and a signed-in person always
 * gets their own page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnonymousAnswersTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("XSRF-TOKEN=([^;]+)");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.learningmap.sites.Sites sites;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void twoVisitorsGetTheSameResultsEachWithAFormTokenTheirOwnCookieAccepts() throws Exception {
        String path = "/search?q=smartphone&age=44";
        HttpResponse<String> first = get(path, null);
        HttpResponse<String> second = get(path, null);
        String firstCookie = cookie(first);
        String secondCookie = cookie(second);
        String firstToken = token(first.body());
        String secondToken = token(second.body());
        assertThat(firstCookie).isNotEqualTo(secondCookie);
        assertThat(firstToken).isNotEqualTo(secondToken);
        assertThat(withoutTokens(second.body())).as("the same page, from memory").isEqualTo(withoutTokens(first.body()));
        assertThat(second.headers().firstValue("Vary").orElse(""))
                .containsIgnoringCase("Accept-Encoding").containsIgnoringCase("Accept-Language").containsIgnoringCase("Cookie");

        assertThat(switchEasyRead(firstCookie, firstToken)).as("the first visitor's own token").isEqualTo(302);
        assertThat(switchEasyRead(secondCookie, secondToken)).as("the second visitor's own token").isEqualTo(302);
        assertThat(switchEasyRead(firstCookie, secondToken)).as("another visitor's token").isEqualTo(403);

        HttpResponse<String> again = get(path, "XSRF-TOKEN=" + firstCookie);
        assertThat(again.headers().allValues("Set-Cookie")).as("the visitor's cookie is kept").isEmpty();
        assertThat(switchEasyRead(firstCookie, token(again.body()))).as("a token for the visitor's own cookie").isEqualTo(302);
        for (String header : List.of("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
                "Permissions-Policy", "Content-Type", "Content-Language")) {
            assertThat(again.headers().allValues(header)).as(header).isNotEmpty().isEqualTo(first.headers().allValues(header));
            assertThat(second.headers().allValues(header)).as(header).isEqualTo(first.headers().allValues(header));
        }
    }

    @Test
    void aVisitorAskingAgainGetsNotModifiedAndTheAnswerComesCompressed() throws Exception {
        String path = "/search?q=smartphone&age=45";
        String cookie = cookie(get(path, null));
        HttpResponse<byte[]> compressed = http.send(request(path, "XSRF-TOKEN=" + cookie)
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(compressed.headers().firstValue("Content-Encoding")).contains("gzip");
        String page = gunzip(compressed.body());
        assertThat(page).contains("<html").contains(token(page));
        String tag = compressed.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = http.send(request(path, "XSRF-TOKEN=" + cookie).header("If-None-Match", tag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        HttpResponse<String> otherVisitor = http.send(request(path, "XSRF-TOKEN=someone-else").header("If-None-Match", tag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(otherVisitor.statusCode()).as("a page whose token another cookie would not accept").isEqualTo(200);

        String api = "/api/v1/activities?q=smartphone&age=45";
        HttpResponse<String> json = get(api, null);
        String apiTag = json.headers().firstValue("ETag").orElseThrow();
        assertThat(apiTag).startsWith("\"");
        assertThat(http.send(request(api, null).header("If-None-Match", apiTag).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(304);
    }

    @Test
    void aChangeToTheCatalogueShowsInTheNextAnswer() throws Exception {
        String path = "/api/v1/activities?q=smartphone&age=46";
        HttpResponse<String> before = get(path, null);
        assertThat(before.statusCode()).isEqualTo(200);
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(before.body());
        assertThat(id.find()).isTrue();
        long activity = Long.parseLong(id.group(1));
        String title = jdbc.sql("SELECT title::text FROM activity WHERE id = ?").param(activity).query(String.class).single();
        try {
            jdbc.sql("UPDATE activity SET title = jsonb_set(title, '{en}', to_jsonb('Smartphone club, renamed'::text)) WHERE id = ?")
                    .param(activity).update();
            assertThat(get(path, null).body()).contains("Smartphone club, renamed");
        } finally {
            jdbc.sql("UPDATE activity SET title = CAST(? AS jsonb) WHERE id = ?").params(title, activity).update();
        }
        assertThat(get(path, null).body()).doesNotContain("Smartphone club, renamed");
    }

    @Test
    void aRenamedOrganisationOrVenueShowsInTheNextAnswer() throws Exception {
        String path = "/api/v1/activities?q=smartphone&age=48";
        HttpResponse<String> before = get(path, null);
        assertThat(before.statusCode()).isEqualTo(200);
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(before.body());
        assertThat(id.find()).isTrue();
        long organisation = jdbc.sql("SELECT organisation_id FROM activity WHERE id = ?").param(Long.parseLong(id.group(1)))
                .query(Long.class).single();
        String name = jdbc.sql("SELECT name::text FROM organisation WHERE id = ?").param(organisation).query(String.class).single();
        try {
            jdbc.sql("UPDATE organisation SET name = jsonb_set(name, '{en}', to_jsonb('Library, renamed'::text)) WHERE id = ?")
                    .param(organisation).update();
            assertThat(get(path, null).body()).contains("Library, renamed");
        } finally {
            jdbc.sql("UPDATE organisation SET name = CAST(? AS jsonb) WHERE id = ?").params(name, organisation).update();
        }
        assertThat(get(path, null).body()).doesNotContain("Library, renamed");
    }

    @Test
    void anAnswerIsKeptUntilItsSearchSaysItCanChangeAndTenMinutesAtMost() {
        java.time.Instant now = java.time.Instant.parse("2031-06-02T07:00:00Z");
        var request = new org.springframework.mock.web.MockHttpServletRequest();
        assertThat(AnonymousAnswers.until(request, now)).as("an answer that says nothing: half a minute")
                .isEqualTo(now.plusSeconds(30));
        AnonymousAnswers.keepUntil(request, now.plusSeconds(200));
        assertThat(AnonymousAnswers.until(request, now)).isEqualTo(now.plusSeconds(200));
        AnonymousAnswers.keepUntil(request, now.plusSeconds(3600));
        assertThat(AnonymousAnswers.until(request, now)).isEqualTo(now.plus(CachedSearch.KEEP_AT_MOST));
        AnonymousAnswers.keepUntil(request, null);
        assertThat(AnonymousAnswers.until(request, now)).isEqualTo(now.plus(CachedSearch.KEEP_AT_MOST));
        AnonymousAnswers.keepUntil(request, now);
        assertThat(AnonymousAnswers.until(request, now)).as("made while its results are computed anew: a second")
                .isEqualTo(now.plusSeconds(1));
    }

    @Test
    void theHomePageIsKeptForVisitorsAndARenamedSiteShowsInTheNextOne() throws Exception {
        HttpResponse<String> first = get("/", null);
        HttpResponse<String> second = get("/", null);
        assertThat(withoutTokens(second.body())).as("the same home page, from memory").isEqualTo(withoutTokens(first.body()));
        assertThat(token(second.body())).isNotEqualTo(token(first.body()));
        assertThat(switchEasyRead(cookie(second), token(second.body()))).as("the second visitor's own token").isEqualTo(302);

        long site = jdbc.sql("SELECT id FROM site WHERE slug = 'lietuva'").query(Long.class).single();
        String name = jdbc.sql("SELECT name::text FROM site WHERE id = ?").param(site).query(String.class).single();
        try {
            jdbc.sql("UPDATE site SET name = jsonb_set(name, '{en}', to_jsonb('Learning Lithuania, renamed'::text)) WHERE id = ?")
                    .param(site).update();
            sites.refresh();
            assertThat(get("/", null).body()).contains("Learning Lithuania, renamed");
        } finally {
            jdbc.sql("UPDATE site SET name = CAST(? AS jsonb) WHERE id = ?").params(name, site).update();
            sites.refresh();
        }
        assertThat(get("/", null).body()).doesNotContain("Learning Lithuania, renamed");
    }

    @Test
    void aSignedInPersonGetsTheirOwnPageNeverOneKeptForVisitors() throws Exception {
        String path = "/search?q=smartphone&age=47";
        HttpResponse<String> visitor = get(path, null);
        assertThat(visitor.body()).doesNotContain("/sign-out");

        HttpResponse<String> signIn = get("/sign-in", null);
        String cookie = cookie(signIn);
        String form = "username=" + URLEncoder.encode("learner@example.org", StandardCharsets.UTF_8)
                + "&password=LearningMap-demo-2026&_csrf=" + URLEncoder.encode(token(signIn.body()), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(request("/sign-in", "XSRF-TOKEN=" + cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String session = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("SESSION=")).map(value -> value.substring(0, value.indexOf(';')))
                .findFirst().orElseThrow();
        HttpResponse<String> own = get(path, session);
        assertThat(own.body()).contains("/sign-out");
        assertThat(own.headers().firstValue("ETag")).isEmpty();
        assertThat(get(path, null).body()).as("the visitor's page afterwards").doesNotContain("/sign-out");
    }

    private HttpResponse<String> get(String path, String cookies) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path, cookies).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    private HttpRequest.Builder request(String path, String cookies) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", "en");
        if (cookies != null) {
            builder.header("Cookie", cookies);
        }
        return builder;
    }

    private int switchEasyRead(String cookie, String token) throws IOException, InterruptedException {
        return http.send(request("/preferences/easy-read", "XSRF-TOKEN=" + cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("on=true&back=%2Fsearch&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String cookie(HttpResponse<?> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(value -> value.startsWith("XSRF-TOKEN=")).findFirst()
                .map(AnonymousAnswersTest::cookieValue).orElseThrow(() -> new AssertionError("no CSRF cookie in " + cookies));
    }

    private static String cookieValue(String header) {
        Matcher matcher = COOKIE.matcher(header);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String token(String body) {
        Matcher matcher = TOKEN.matcher(body);
        assertThat(matcher.find()).as("a CSRF field").isTrue();
        return matcher.group(1);
    }

    private static String withoutTokens(String body) {
        return TOKEN.matcher(body).replaceAll("name=\"_csrf\" value=\"\"");
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
