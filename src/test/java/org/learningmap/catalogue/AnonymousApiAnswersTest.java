package org.learningmap.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.learningmap.platform.RequestCounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * API searches of visitors are answered from memory before the security filters run: the answer kept
 * carries the same security headers as the first one, and anyone who shows a token or a session goes
 * through the security filters as always and is never answered from memory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnonymousApiAnswersTest {

    private static final List<String> SECURITY_HEADERS = List.of("Content-Security-Policy", "X-Content-Type-Options",
            "X-Frame-Options", "Referrer-Policy", "Cache-Control", "Vary", "Content-Type");

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aSearchAskedAgainComesFromMemoryWithTheSameBodyAndSecurityHeaders() throws Exception {
        String path = "/api/v1/activities?q=smartphone&age=50";
        HttpResponse<String> first = get(path, null, null);
        HttpResponse<String> again = get(path, null, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("ETag")).isPresent().isEqualTo(first.headers().firstValue("ETag"));
        for (String header : SECURITY_HEADERS) {
            assertThat(again.headers().allValues(header)).as(header).isNotEmpty().isEqualTo(first.headers().allValues(header));
        }
        assertThat(again.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
        assertThat(again.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void answersFromMemoryAreCountedUnderTheSearchPathInTheRequestMetrics() throws Exception {
        String path = "/api/v1/activities?q=smartphone&age=53";
        get(path, null, null);
        // a request is counted just after its answer is sent: let the earlier ones land first
        long before = RequestCounts.settled(meters, "/api/v1/activities");
        get(path, null, null);
        get(path, null, null);
        assertThat(RequestCounts.settled(meters, "/api/v1/activities")).isEqualTo(before + 2);
    }

    @Test
    void aWrongTokenIsRefusedEvenForASearchKeptInMemory() throws Exception {
        String path = "/api/v1/activities?q=smartphone&age=51";
        assertThat(get(path, null, null).statusCode()).isEqualTo(200);
        assertThat(get(path, null, null).headers().firstValue("ETag")).as("kept").isPresent();
        assertThat(get(path, "Bearer lm_made-up", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aRequestWithASessionIsNeverAnsweredFromMemory() throws Exception {
        String path = "/api/v1/activities?q=smartphone&age=52";
        get(path, null, null);
        HttpResponse<String> kept = get(path, null, null);
        HttpResponse<String> withSession = get(path, null, "SESSION=c2Vzc2lvbg");
        assertThat(withSession.statusCode()).isEqualTo(200);
        assertThat(kept.headers().firstValue("ETag")).isPresent();
        assertThat(withSession.headers().firstValue("ETag")).as("answered anew, not from memory").isEmpty();
        assertThat(withSession.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    private HttpResponse<String> get(String path, String authorization, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
