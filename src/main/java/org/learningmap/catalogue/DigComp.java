package org.learningmap.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * Titles of the DigComp 2.2 competences (the European Digital Competence Framework), by code, as
 * published in English, for naming the codes an activity develops.
 */
final class DigComp {

    private static final Map<String, String> TITLES = load();

    private DigComp() {
    }

    static String title(String code) {
        return TITLES.getOrDefault(code, "");
    }

    private static Map<String, String> load() {
        Map<String, String> titles = new LinkedHashMap<>();
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("digcomp/digcomp.csv").getInputStream(), StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                var fields = org.learningmap.platform.ClasspathCsv.fields(line);
                if (fields.size() >= 4) {
                    titles.put(fields.get(0), fields.get(3));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(titles);
    }
}
