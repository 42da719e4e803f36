package org.learningmap.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class OldEntriesAreDeletedAfterTheRetention {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog log;
    @Autowired
    AuditRetention configured;

    private String entryAt(Instant at) {
        String route = "/staff/retention-" + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO audit_entry (at, event, role, channel, method, route, status, refused, request_id)
                VALUES (?, 'REQUEST', 'OWNER', 'PAGE', 'POST', ?, 200, false, 'r')
                """).params(Timestamp.from(at), route).update();
        return route;
    }

    private boolean exists(String route) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE route = ?").param(route).query(Integer.class).single() > 0;
    }

    @Test
    void theNightlyJobDeletesWhatIsOlderThan400DaysAndKeepsTheRest() {
        Instant now = Instant.now();
        String old = entryAt(now.minus(Duration.ofDays(401)));
        String recent = entryAt(now.minus(Duration.ofDays(399)));

        new AuditRetention(log, Clock.fixed(now, ZoneOffset.UTC), "400d").sweep();

        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
    }

    @Test
    void theRetentionIsASetting() {
        Instant now = Instant.now();
        String monthOld = entryAt(now.minus(Duration.ofDays(31)));
        new AuditRetention(log, Clock.fixed(now, ZoneOffset.UTC), "30d").deleteExpired();
        assertThat(exists(monthOld)).isFalse();
        assertThat(configured).isNotNull();
    }
}
