package org.learningmap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.context.ActiveProfiles;

/** Scheduled work runs on one node at a time, or is safe on all of them at once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OneNodeAtATimeTest {

    /** Jobs every node may run at once: each claims its rows with FOR UPDATE SKIP LOCKED. */
    private static final Set<String> SAFE_ON_EVERY_NODE = Set.of(
            "org.learningmap.platform.mail.OutboxSender", "org.learningmap.platform.messaging.SmsSender");

    @Autowired
    LockProvider thisNode;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;

    @Test
    void whileOneNodeHoldsAJobTheOtherCannotTakeItUntilItIsReleased() {
        LockProvider otherNode = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("shedlock").usingDbTime().build());
        LockConfiguration job = new LockConfiguration(Instant.now(), "test.two-nodes-" + System.nanoTime(),
                Duration.ofMinutes(5), Duration.ZERO);

        Optional<SimpleLock> held = thisNode.lock(job);
        assertThat(held).as("the first node takes the job").isPresent();
        assertThat(otherNode.lock(job)).as("the second node, while the first runs it").isEmpty();
        assertThat(thisNode.lock(job)).as("the first node again, before it finished").isEmpty();

        held.get().unlock();
        Optional<SimpleLock> next = otherNode.lock(job);
        assertThat(next).as("the second node, once the first is done").isPresent();
        assertThat(thisNode.lock(job)).isEmpty();
        next.get().unlock();
    }

    @Test
    void everyScheduledJobIsLockedOrSafeOnEveryNode() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        List<String> unguarded = new ArrayList<>();
        List<String> locked = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.learningmap")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            for (Method method : type.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(Scheduled.class)) {
                    continue;
                }
                if (method.isAnnotationPresent(SchedulerLock.class)) {
                    locked.add(type.getName());
                    assertThat(context.getBeansOfType(type).values()).as(type.getName())
                            .allMatch(AopUtils::isAopProxy, "is proxied, so the lock is taken");
                } else if (!SAFE_ON_EVERY_NODE.contains(type.getName())) {
                    unguarded.add(type.getName() + "." + method.getName());
                }
            }
        }
        assertThat(unguarded).as("scheduled jobs neither locked nor safe on every node").isEmpty();
        assertThat(locked).as("locked jobs").hasSizeGreaterThanOrEqualTo(5);
    }
}
