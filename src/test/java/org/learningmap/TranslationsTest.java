package org.learningmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every visible word exists in English, Lithuanian and Ukrainian; a page never shows a raw key. */
class TranslationsTest {

    private static final List<String> LANGUAGES = List.of("en", "lt", "uk");
    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-z][a-zA-Z0-9.\\-]*)(?:\\(|})");

    @Test
    void everyModuleHasTheSameKeysInEveryLanguage() throws IOException {
        Map<String, Set<String>> missing = new TreeMap<>();
        try (Stream<Path> modules = Files.list(I18N)) {
            for (Path module : modules.toList()) {
                Map<String, Properties> byLanguage = new TreeMap<>();
                for (String language : LANGUAGES) {
                    Path file = module.resolve("messages_" + language + ".properties");
                    assertThat(file).as("message file %s", file).exists();
                    byLanguage.put(language, load(file));
                }
                Set<String> all = new TreeSet<>();
                byLanguage.values().forEach(p -> all.addAll(p.stringPropertyNames()));
                byLanguage.forEach((language, properties) -> {
                    for (String key : all) {
                        String value = properties.getProperty(key);
                        if (value == null || value.isBlank()) {
                            missing.computeIfAbsent(module.getFileName() + "/" + language, k -> new TreeSet<>()).add(key);
                        }
                    }
                });
            }
        }
        assertThat(missing).as("keys missing or empty per module/language").isEmpty();
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Properties english = new Properties();
        try (Stream<Path> files = Files.walk(I18N)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("messages_en.properties")).toList()) {
                english.putAll(load(file));
            }
        }
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template : templates.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!english.containsKey(matcher.group(1))) {
                        unknown.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(unknown).as("message keys used in templates but not defined").isEmpty();
    }

    @Test
    void lithuanianAndUkrainianAreNotCopiesOfEnglish() throws IOException {
        try (Stream<Path> modules = Files.list(I18N)) {
            for (Path module : modules.toList()) {
                Properties en = load(module.resolve("messages_en.properties"));
                for (String language : List.of("lt", "uk")) {
                    Properties other = load(module.resolve("messages_" + language + ".properties"));
                    long same = en.stringPropertyNames().stream()
                            .filter(key -> en.getProperty(key).length() > 12 && en.getProperty(key).equals(other.getProperty(key)))
                            .count();
                    assertThat(same).as("%s/%s texts identical to English", module.getFileName(), language)
                            .isLessThanOrEqualTo(Math.max(3, en.size() / 20));
                }
            }
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
