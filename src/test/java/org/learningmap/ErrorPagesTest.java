package org.learningmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A wrong address gets a page or problem details in the person's language, never a stack trace. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ErrorPagesTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String accept, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnknownPageSaysSoInTheVisitorsLanguage() throws Exception {
        var response = get("/ukraina/no-such-page", "text/html", "uk");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<h1>Сторінку не знайдено</h1>").doesNotContain("Exception");
    }

    @Test
    void anErrorRaisedByAPageKeepsTheSitesBranding() throws Exception {
        var response = get("/ukraina/activities/987654321", "text/html", "en");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Learning Map Ukraine").doesNotContain("Exception");
    }

    @Test
    void anUnknownApiAddressAnswersProblemDetails() throws Exception {
        var response = get("/api/v1/no-such-thing", "application/json", "en");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"error.not-found\"").contains("\"title\":\"Page not found\"");
    }

    @Test
    void aRefusedMethodIsExplainedNotCrashed() throws Exception {
        var response = get("/preferences/easy-read", "text/html", "lt");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("Šis veiksmas čia negalimas");
    }

    @Test
    void theThemeSheetCarriesTheSiteColours() throws Exception {
        var response = get("/ukraina/site/theme.css", "text/css", "en");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("--primary:#0057b7");
    }
}
