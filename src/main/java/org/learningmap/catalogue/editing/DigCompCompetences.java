package org.learningmap.catalogue.editing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The 21 DigComp competences (code and title) that an activity may name, read from {@code digcomp/digcomp.csv}. */
@Component
class DigCompCompetences {

    record Competence(String code, String title) {
    }

    private final List<Competence> competences;
    private final Set<String> codes;

    DigCompCompetences() {
        try (InputStream in = new ClassPathResource("digcomp/digcomp.csv").getInputStream()) {
            CsvFile file = CsvFile.parse(in.readAllBytes(), Integer.MAX_VALUE);
            int code = file.column("code");
            int kind = file.column("kind");
            int title = file.column("title_digcomp_2_2");
            List<Competence> list = new ArrayList<>();
            for (CsvFile.Row row : file.rows()) {
                if ("competence".equals(row.cell(kind))) {
                    list.add(new Competence(row.cell(code), row.cell(title)));
                }
            }
            competences = List.copyOf(list);
            Set<String> set = new LinkedHashSet<>();
            list.forEach(c -> set.add(c.code()));
            codes = Set.copyOf(set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CsvFile.Malformed e) {
            throw new IllegalStateException("digcomp/digcomp.csv is malformed: " + e.key(), e);
        }
    }

    List<Competence> all() {
        return competences;
    }

    Set<String> codes() {
        return codes;
    }
}
