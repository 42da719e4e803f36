package org.learningmap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** A change whose listeners a killed node never ran is handed to them again by another node. */
@SpringBootTest
@ActiveProfiles("test")
class UnfinishedEventsTest {

    record SomethingHappened(String what) {
    }

    static class Counting {
        private final AtomicInteger calls = new AtomicInteger();

        @ApplicationModuleListener
        void on(SomethingHappened event) {
            calls.incrementAndGet();
        }

        // The listener is a proxy (asynchronous, transactional): its count is read through a method.
        int calls() {
            return calls.get();
        }
    }

    @TestConfiguration
    static class Listener {
        @Bean
        Counting counting() {
            return new Counting();
        }
    }

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Counting counting;
    @Autowired
    UnfinishedEvents unfinished;

    @Test
    void aPublicationLeftBehindByAKilledNodeReachesItsListenerLater() throws Exception {
        String what = "happened-" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> events.publishEvent(new SomethingHappened(what)));
        waitFor(() -> counting.calls() == 1 && completed(what), () -> "published normally");

        // The node that committed the change died before its listener ran: the publication stays unfinished.
        jdbc.sql("""
                UPDATE event_publication SET completion_date = NULL, status = 'PUBLISHED', publication_date = now() - interval '1 hour',
                       last_resubmission_date = now() - interval '1 hour'
                WHERE serialized_event LIKE ?""").param("%" + what + "%").update();
        assertThat(completed(what)).isFalse();

        unfinished.resubmit();
        String after = jdbc.sql("SELECT status || ' ' || coalesce(completion_attempts, -1) FROM event_publication WHERE serialized_event LIKE ?")
                .param("%" + what + "%").query(String.class).single();

        waitFor(() -> counting.calls() == 2 && completed(what), () -> "after the resubmission: " + after + ", calls " + counting.calls()
                + ", now " + jdbc.sql("SELECT status FROM event_publication WHERE serialized_event LIKE ?").param("%" + what + "%")
                .query(String.class).single());
        assertThat(counting.calls()).isEqualTo(2);
    }

    private boolean completed(String what) {
        return jdbc.sql("SELECT completion_date IS NOT NULL FROM event_publication WHERE serialized_event LIKE ?")
                .param("%" + what + "%").query(Boolean.class).optional().orElse(false);
    }

    private static void waitFor(BooleanSupplier condition, java.util.function.Supplier<String> what) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as(what.get()).isTrue();
    }
}
