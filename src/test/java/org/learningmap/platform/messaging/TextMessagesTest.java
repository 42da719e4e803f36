package org.learningmap.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learningmap.platform.Json;
import org.learningmap.platform.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** Text messages leave through the configured gateway: the log by default, or a real HTTP gateway. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TextMessagesTest {

    @Autowired
    Outbox outbox;
    @Autowired
    SmsSender configuredSender;
    @Autowired
    SmsGateway configuredGateway;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    HttpServer gateway;

    /** What the gateway received: the JSON body and the authentication header. */
    record Received(Map<String, Object> body, String auth) {
    }

    record Row(Timestamp sentAt, int attempts, String lastError) {
    }

    @AfterEach
    void stopGateway() {
        if (gateway != null) {
            gateway.stop(0);
        }
    }

    private Row row(long id) {
        return jdbc.sql("SELECT sent_at, attempts, last_error FROM outbox_sms WHERE id = ?").param(id).query(Row.class).single();
    }

    private void due(long id) {
        jdbc.sql("UPDATE outbox_sms SET next_try_at = now() - interval '1 second' WHERE id = ?").param(id).update();
    }

    private static String phone() {
        return "+3706" + (1_000_000 + (long) (Math.random() * 8_000_000));
    }

    /** A gateway on the given port that answers the listed status codes in turn (the last one from then on). */
    private List<Received> startGateway(int port, int... statuses) throws IOException {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        gateway.createContext("/sms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Json.mapper().readValue(body, new tools.jackson.core.type.TypeReference<Map<String, Object>>() { }), exchange.getRequestHeaders().getFirst("X-Api-Key")));
            int status = statuses[Math.min(calls.getAndIncrement(), statuses.length - 1)];
            byte[] answer = (status / 100 == 2 ? "{\"id\":\"1\"}" : "busy").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        gateway.start();
        return received;
    }

    private SmsSender senderThrough(int port) {
        var http = new HttpSmsGateway(URI.create("http://127.0.0.1:" + port + "/sms"), "X-Api-Key", "secret-key", Duration.ofSeconds(2));
        return new SmsSender(jdbc, transaction, http, Clock.systemUTC());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<Received> to(List<Received> received, String phone) {
        return received.stream().filter(r -> phone.equals(r.body().get("to"))).toList();
    }

    @Test
    void withoutConfigurationMessagesAreWrittenToTheLogAndMarkedSent() {
        assertThat(configuredGateway).isInstanceOf(LoggingSmsGateway.class);
        long id = outbox.enqueueSms(phone(), "Sveiki! Привіт!");
        configuredSender.sendDue();
        assertThat(row(id).sentAt()).isNotNull();
        assertThat(LoggingSmsGateway.masked("+37061234567")).isEqualTo("*********567");
    }

    @Test
    void theHttpGatewayReceivesTheNumberAndTextWithTheAuthenticationHeader() throws IOException {
        int port = freePort();
        List<Received> received = startGateway(port, 200);
        String phone = phone();
        long id = outbox.enqueueSms(phone, "Užsiėmimas atšauktas – заняття скасовано");

        senderThrough(port).sendDue();

        assertThat(to(received, phone)).singleElement().satisfies(r -> {
            assertThat(r.body().get("text")).isEqualTo("Užsiėmimas atšauktas – заняття скасовано");
            assertThat(r.auth()).isEqualTo("secret-key");
        });
        assertThat(row(id).sentAt()).isNotNull();
    }

    @Test
    void anErrorAnswerIsTriedAgainLaterAndTheMessageIsSentOnce() throws IOException {
        int port = freePort();
        List<Received> received = startGateway(port, 503, 200);
        String phone = phone();
        long id = outbox.enqueueSms(phone, "Retry me");
        SmsSender sender = senderThrough(port);

        sender.sendDue();
        Row failed = row(id);
        assertThat(failed.sentAt()).isNull();
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("503");

        sender.sendDue(); // not due yet
        assertThat(to(received, phone)).hasSize(1);

        due(id);
        sender.sendDue();
        sender.sendDue();
        assertThat(to(received, phone)).hasSize(2);
        assertThat(row(id).sentAt()).isNotNull();
        assertThat(row(id).lastError()).isNull();
    }

    @Test
    void noMessageIsLostWhileTheGatewayIsDown() throws IOException {
        int port = freePort();
        String phone = phone();
        long first = outbox.enqueueSms(phone, "First");
        long second = outbox.enqueueSms(phone, "Second");
        SmsSender sender = senderThrough(port);

        sender.sendDue();
        due(first);
        due(second);
        sender.sendDue();
        assertThat(row(first).attempts()).isEqualTo(2);
        assertThat(row(second).attempts()).isEqualTo(2);
        assertThat(row(first).sentAt()).isNull();

        List<Received> received = startGateway(port, 200);
        due(first);
        due(second);
        sender.sendDue();
        assertThat(to(received, phone)).extracting(r -> String.valueOf(r.body().get("text"))).containsExactlyInAnyOrder("First", "Second");
        assertThat(row(first).sentAt()).isNotNull();
        assertThat(row(second).sentAt()).isNotNull();
    }
}
