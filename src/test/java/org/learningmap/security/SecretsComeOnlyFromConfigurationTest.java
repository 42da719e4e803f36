package org.learningmap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.learningmap.LearningMapApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.yaml.snakeyaml.Yaml;

/**
 * ASVS 2.10.4 and 6.4.1: secrets (the key that encrypts the badge issuers' signing keys, the check-in key, the
 * SMS gateway's credentials, database and mail passwords) come from the environment of each installation. The
 * shipped configuration holds a literal secret only in the development profile ({@code application-default.yml}),
 * and a node started in any other profile without {@code LEARNINGMAP_BADGE_KEY_SECRET} refuses to start rather
 * than sign badges with a key anyone could read in the source code.
 */
@SpringBootTest
@ActiveProfiles("test")
class SecretsComeOnlyFromConfigurationTest {

    /** Property names that hold secrets. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|passwd|credential|token|private|api-?key"
            + "|encryption-key|check-in-key|auth-value|signing).*");
    /** A value that only names an environment variable, with no default or an empty one. */
    private static final Pattern FROM_ENVIRONMENT = Pattern.compile("^\\$\\{[A-Z0-9_]+:?}$");
    private static final Path MAIN_RESOURCES = Path.of("src/main/resources");

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void theShippedConfigurationHoldsNoSecretOutsideTheDevelopmentProfile() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(MAIN_RESOURCES)) {
            files = all.filter(p -> p.getFileName().toString().matches("application(-[a-z0-9]+)?\\.(yml|yaml|properties)"))
                    .filter(p -> !p.getFileName().toString().startsWith("application-default."))
                    .toList();
        }
        assertThat(files).as("configuration files looked at").isNotEmpty();
        List<String> literals = new ArrayList<>();
        for (Path file : files) {
            Map<String, Object> flat = new LinkedHashMap<>();
            if (file.toString().endsWith(".properties")) {
                var properties = new java.util.Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
                properties.forEach((k, v) -> flat.put(k.toString(), v));
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    for (Object document : new Yaml().loadAll(in)) {
                        flatten("", document, flat);
                    }
                }
            }
            flat.forEach((name, value) -> {
                String text = value == null ? "" : value.toString().strip();
                if (SECRET_NAME.matcher(name).matches() && !text.isEmpty() && !FROM_ENVIRONMENT.matcher(text).matches()) {
                    literals.add(file.getFileName() + ": " + name + " = " + text);
                }
            });
        }
        assertThat(literals).as("secrets written into the shipped configuration").isEmpty();
    }

    @Test
    void noPrivateKeyIsShippedWithTheApplication() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> all = Files.walk(MAIN_RESOURCES)) {
            for (Path file : all.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(yml|yaml|properties|pem|key|json|txt|sql)$"))
                    .toList()) {
                String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (text.contains("PRIVATE KEY-----") || text.matches("(?s).*\"d\"\\s*:\\s*\"[A-Za-z0-9_-]{40,}\".*")) {
                    found.add(MAIN_RESOURCES.relativize(file).toString());
                }
            }
        }
        assertThat(found).as("files under src/main/resources holding a private key").isEmpty();
    }

    @Test
    void aProductionNodeWithoutTheBadgeKeySecretRefusesToStart() {
        assumeTrue(System.getenv("LEARNINGMAP_BADGE_KEY_SECRET") == null, "the environment of this machine sets the secret");
        SpringApplicationBuilder node = new SpringApplicationBuilder(LearningMapApplication.class)
                .profiles("production")
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "spring.datasource.username=postgres",
                        "learningmap.demo-data.enabled=false",
                        "learningmap.mail.dev-catcher=false",
                        "spring.jmx.enabled=false");
        assertThatThrownBy(() -> node.run().close())
                .as("a node in the production profile without LEARNINGMAP_BADGE_KEY_SECRET")
                .satisfies(e -> {
                    StringBuilder messages = new StringBuilder();
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        messages.append(t.getMessage()).append('\n');
                    }
                    assertThat(messages.toString()).contains("LEARNINGMAP_BADGE_KEY_SECRET");
                });
    }

    @Test
    void demoAccountsAndTheOpenMailInboxAreOffOutsideTheDevelopmentProfile() throws IOException {
        Map<String, Object> shipped = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(MAIN_RESOURCES.resolve("application.yml"))) {
            for (Object document : new Yaml().loadAll(in)) {
                flatten("", document, shipped);
            }
        }
        // demo accounts share a published password; the mail catcher shows every e-mail (reset links too) at /dev/mail
        for (String name : List.of("learningmap.demo-data.enabled", "learningmap.mail.dev-catcher")) {
            String value = String.valueOf(shipped.get(name));
            assertThat(value.replaceAll("^\\$\\{[A-Z0-9_]+:(.*)}$", "$1")).as(name + " without its environment variable (" + value + ")")
                    .isEqualTo("false");
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, Object> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
        } else {
            into.put(prefix, node);
        }
    }
}
