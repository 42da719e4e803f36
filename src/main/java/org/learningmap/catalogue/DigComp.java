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
                var fields = csv(line);
                if (fields.size() >= 4) {
                    titles.put(fields.get(0), fields.get(3));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(titles);
    }

    private static java.util.List<String> csv(String line) {
        var fields = new java.util.ArrayList<String>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
