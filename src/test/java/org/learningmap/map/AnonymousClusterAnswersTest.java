package org.learningmap.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.learningmap.platform.RequestCounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A map moved to a viewport someone saw already is answered from memory before the security
 * filters: with the same body, tag and security headers as the answer that went through them; and a
 * token, a session or a wrong parameter still goes through them as always.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnonymousClusterAnswersTest {

    private static final String LITHUANIA = "/api/v1/map/clusters?bbox=20.9,53.9,26.9,56.5&zoom=7";
    private static final List<String> HEADERS = List.of("Content-Security-Policy", "X-Content-Type-Options",
            "X-Frame-Options", "Referrer-Policy", "Cache-Control", "Vary", "Content-Type", "ETag");

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aViewportAskedAgainGetsTheSameAnswerAndSecurityHeaders() throws Exception {
        String path = LITHUANIA + "&audience=SENIORS";
        HttpResponse<byte[]> first = get(path);
        HttpResponse<byte[]> again = get(path);
        HttpResponse<byte[]> third = get(path);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(new String(first.body(), StandardCharsets.UTF_8)).startsWith("{\"type\":\"FeatureCollection\"")
                .contains("\"venueId\"");
        for (HttpResponse<byte[]> later : List.of(again, third)) {
            assertThat(later.statusCode()).isEqualTo(200);
            assertThat(later.body()).isEqualTo(first.body());
            for (String header : HEADERS) {
                assertThat(later.headers().allValues(header)).as(header).isNotEmpty().isEqualTo(first.headers().allValues(header));
            }
            assertThat(later.headers().allValues("Set-Cookie")).isEmpty();
        }
        assertThat(third.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");

        HttpResponse<byte[]> compressed = get(path, "Accept-Encoding", "gzip");
        assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
            assertThat(unzipped.readAllBytes()).isEqualTo(first.body());
        }
        String tag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> unchanged = get(path, "If-None-Match", tag);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.headers().firstValue("ETag")).hasValue(tag);
    }

    @Test
    void aWrongTokenOrAWrongParameterIsRefusedEvenForAViewportKeptInMemory() throws Exception {
        String path = LITHUANIA + "&audience=FAMILIES";
        get(path);
        assertThat(get(path).statusCode()).isEqualTo(200);
        assertThat(get(path, "Authorization", "Bearer lm_made-up").statusCode()).isEqualTo(401);
        HttpResponse<byte[]> wrong = get(LITHUANIA.replace("zoom=7", "zoom=99") + "&audience=FAMILIES", "Accept-Language", "lt");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(new String(wrong.body(), StandardCharsets.UTF_8)).contains("zoom");
    }

    @Test
    void answersFromMemoryAreCountedUnderTheClustersPathInTheRequestMetrics() throws Exception {
        String path = LITHUANIA + "&audience=YOUTH";
        get(path);
        get(path);
        long before = RequestCounts.settled(meters, AnonymousClusterAnswers.PATH);
        get(path);
        get(path);
        assertThat(RequestCounts.settled(meters, AnonymousClusterAnswers.PATH)).isEqualTo(before + 2);
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
