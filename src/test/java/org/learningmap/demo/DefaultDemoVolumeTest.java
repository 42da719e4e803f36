package org.learningmap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo a newcomer gets with the default settings: 600 activities per site. The other tests use
 * a small volume; this one pays for its own database once to check the promised numbers.
 */
@SpringBootTest(properties = "learningmap.demo-data.activities-per-site=600")
@ActiveProfiles("test")
class DefaultDemoVolumeTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDefaultDemoHasTheNumbersTheReadmePromises() {
        assertThat(count("SELECT count(*) FROM organisation")).isGreaterThanOrEqualTo(60);
        assertThat(count("SELECT count(*) FROM venue")).isGreaterThanOrEqualTo(200);
        assertThat(count("""
                SELECT count(*) FROM activity
                WHERE coalesce(title ->> 'en', '') <> '' AND coalesce(title ->> 'lt', '') <> '' AND coalesce(title ->> 'uk', '') <> ''
                """)).isGreaterThanOrEqualTo(1_000);
        assertThat(count("SELECT count(*) FROM session")).isGreaterThanOrEqualTo(3_000);
        assertThat(count("SELECT count(*) FROM site")).isEqualTo(2);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
