package org.learningmap.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learningmap.shared.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * The frameworks the check knows, read once from data: codes and official English titles from
 * {@code digcomp/digcomp.csv} and {@code digcomp/digcomp-levels.csv} (European Commission, Joint Research
 * Centre, CC BY 4.0), Lithuanian and Ukrainian titles from {@code assessment/digcomp-titles.csv} and
 * {@code assessment/digcomp-levels.csv}. A new version is a new column and a new entry in {@link #VERSIONS}.
 */
@Component
class Frameworks {

    static final String DEFAULT = "digcomp-2.2";

    /** Framework id → the suffix of its columns in the data files and its published name. */
    private static final Map<String, String[]> VERSIONS = Map.of(
            "digcomp-2.2", new String[] {"digcomp_2_2", "DigComp 2.2"},
            "digcomp-3.0", new String[] {"digcomp_3_0", "DigComp 3.0"});

    private final Map<String, Framework> frameworks = new LinkedHashMap<>();

    Frameworks() {
        List<Map<String, String>> codes = org.learningmap.platform.ClasspathCsv.read("digcomp/digcomp.csv");
        Map<String, Map<String, String>> translated = new HashMap<>();
        org.learningmap.platform.ClasspathCsv.read("assessment/digcomp-titles.csv").forEach(row -> translated.put(row.get("code"), row));
        List<Map<String, String>> levels = org.learningmap.platform.ClasspathCsv.read("digcomp/digcomp-levels.csv");
        Map<String, Map<String, String>> levelTranslations = new HashMap<>();
        org.learningmap.platform.ClasspathCsv.read("assessment/digcomp-levels.csv").forEach(row -> levelTranslations.put(row.get("framework") + "/" + row.get("level"), row));
        for (String id : List.of("digcomp-2.2", "digcomp-3.0")) {
            String column = VERSIONS.get(id)[0];
            String name = VERSIONS.get(id)[1];
            List<Framework.Area> areas = new ArrayList<>();
            for (Map<String, String> area : codes.stream().filter(r -> "area".equals(r.get("kind"))).toList()) {
                List<Framework.Competence> competences = codes.stream()
                        .filter(r -> "competence".equals(r.get("kind")) && r.get("area").equals(area.get("code")))
                        .map(r -> new Framework.Competence(r.get("code"), r.get("area"), title(r, translated, column)))
                        .toList();
                areas.add(new Framework.Area(area.get("code"), title(area, translated, column), competences));
            }
            List<Framework.Level> frameworkLevels = levels.stream().filter(r -> name.equals(r.get("framework")))
                    .map(r -> {
                        Map<String, String> t = levelTranslations.getOrDefault(name + "/" + r.get("level"), Map.of());
                        return new Framework.Level(Integer.parseInt(r.get("level")),
                                text(r.get("band"), t.get("band_lt"), t.get("band_uk")), r.get("band_levels"),
                                text(r.get("note"), t.get("note_lt"), t.get("note_uk")));
                    })
                    .toList();
            frameworks.put(id, new Framework(id, name, areas, frameworkLevels));
        }
    }

    Optional<Framework> byId(String id) {
        return Optional.ofNullable(id).map(frameworks::get);
    }

    Framework byIdOrDefault(String id) {
        return byId(id).orElse(frameworks.get(DEFAULT));
    }

    List<Framework> all() {
        return List.copyOf(frameworks.values());
    }

    private static LocalizedText title(Map<String, String> row, Map<String, Map<String, String>> translated, String column) {
        Map<String, String> t = translated.getOrDefault(row.get("code"), Map.of());
        return text(row.get("title_" + column), t.get("lt_" + column), t.get("uk_" + column));
    }

    private static LocalizedText text(String en, String lt, String uk) {
        Map<String, String> values = new LinkedHashMap<>();
        if (en != null && !en.isBlank()) {
            values.put("en", en);
        }
        if (lt != null && !lt.isBlank()) {
            values.put("lt", lt);
        }
        if (uk != null && !uk.isBlank()) {
            values.put("uk", uk);
        }
        return new LocalizedText(values);
    }
}
