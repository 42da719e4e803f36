package org.learningmap.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * A real PostgreSQL started inside the application when no {@code spring.datasource.url} is set.
 * Its data lives in {@code learningmap.embedded-database.data-directory} and survives restarts.
 * {@code learningmap.embedded-database.settings} adds server settings as {@code name=value} pairs
 * separated by {@code ;} (the sign-up benchmark uses it to load {@code pg_stat_statements});
 * {@code synchronous_commit} always stays on.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${learningmap.embedded-database.data-directory}") String directory,
                                      @Value("${learningmap.embedded-database.port:0}") int port,
                                      @Value("${learningmap.embedded-database.clean:false}") boolean clean,
                                      @Value("${learningmap.embedded-database.settings:}") String settings) throws IOException {
        Path dataDirectory = Path.of(directory).toAbsolutePath().normalize();
        Files.createDirectories(dataDirectory.getParent());
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(clean)
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("synchronous_commit", "on")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8");
        for (String setting : settings.split(";")) {
            int eq = setting.indexOf('=');
            if (eq > 0 && !setting.substring(0, eq).strip().equals("synchronous_commit")) {
                builder.setServerConfig(setting.substring(0, eq).strip(), setting.substring(eq + 1).strip());
            }
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory);
        return postgres;
    }

    /**
     * The pool: {@code learningmap.embedded-database.pool-size} connections (0: eight per core, at least ten), for
     * which a request waits at most {@code learningmap.embedded-database.connection-timeout} (Hikari's 30 s) before
     * it is answered "busy, try again" ({@link BadInput#busy}).
     */
    @Bean
    DataSource dataSource(EmbeddedPostgres postgres,
                          @Value("${learningmap.embedded-database.pool-size:0}") int poolSize,
                          @Value("${learningmap.embedded-database.connection-timeout:30s}") java.time.Duration connectionTimeout) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(poolSize > 0 ? poolSize : Math.max(10, Runtime.getRuntime().availableProcessors() * 8));
        dataSource.setConnectionTimeout(connectionTimeout.toMillis());
        dataSource.setPoolName("embedded");
        return dataSource;
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
