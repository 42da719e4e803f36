package org.learningmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Reading public pages keeps no state on the server, so any node can answer any visitor. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnonymousVisitTest {

    @LocalServerPort
    int port;

    @Test
    void aVisitorWhoOnlyReadsGetsNoServerSession() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/", "/search?q=smartphone", "/map", "/ukraina/", "/about/data")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().allValues("Set-Cookie")).as("cookies set by %s", path)
                    .noneMatch(cookie -> cookie.startsWith("JSESSIONID") || cookie.startsWith("SESSION"));
            assertThat(response.body()).as(path).contains("name=\"_csrf\"");
        }
    }
}
