package org.learningmap.platform.messaging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.learningmap.platform.Json;

/**
 * Posts each message as JSON ({@code {"to": "+370...", "text": "..."}}) to an SMS or messaging
 * gateway, with an optional authentication header (for example {@code Authorization: Bearer ...}).
 * Any answer other than 2xx, a timeout or an unreachable gateway is a failure the outbox tries again.
 */
class HttpSmsGateway implements SmsGateway {

    private final HttpClient client;
    private final URI url;
    private final String authHeader;
    private final String authValue;
    private final Duration timeout;

    HttpSmsGateway(URI url, String authHeader, String authValue, Duration timeout) {
        this.url = url;
        this.authHeader = authHeader == null || authHeader.isBlank() ? null : authHeader;
        this.authValue = authValue;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void send(String phone, String text) throws SmsNotSent {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", phone);
        body.put("text", text);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        if (authHeader != null && authValue != null && !authValue.isBlank()) {
            request.header(authHeader, authValue);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SmsNotSent("Gateway unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsNotSent("Interrupted while sending", e);
        }
        if (response.statusCode() / 100 != 2) {
            String answer = response.body() == null ? "" : response.body();
            throw new SmsNotSent("Gateway answered " + response.statusCode()
                    + (answer.isBlank() ? "" : ": " + (answer.length() > 200 ? answer.substring(0, 200) : answer)));
        }
    }
}
