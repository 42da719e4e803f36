package org.learningmap.platform;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs marked {@code @SchedulerLock} run on one node at a time: a node takes the job's row
 * in {@code shedlock} (PostgreSQL's clock, so nodes with skewed clocks agree) and releases it when done.
 * A node killed mid-run holds the row until its {@code lockAtMostFor} passes; then another node takes over.
 * The e-mail and SMS outboxes take no such lock: every node may send, each claiming its own rows with
 * {@code FOR UPDATE SKIP LOCKED}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulerLocks {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }
}
