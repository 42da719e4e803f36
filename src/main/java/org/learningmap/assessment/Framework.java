package org.learningmap.assessment;

import java.util.List;
import java.util.Optional;
import org.learningmap.shared.LocalizedText;

/**
 * One version of a competence framework, as data: its areas with their competences and its
 * proficiency levels. Versions share competence codes (1.1–5.4), so results and activities join on
 * codes whichever version a site shows.
 *
 * @param id      the framework's id in addresses, e.g. {@code digcomp-2.2}
 * @param name    its published name, e.g. {@code DigComp 2.2}
 */
public record Framework(String id, String name, List<Area> areas, List<Level> levels) {

    public Framework {
        areas = List.copyOf(areas);
        levels = List.copyOf(levels);
    }

    public record Area(String code, LocalizedText title, List<Competence> competences) {
        public Area {
            competences = List.copyOf(competences);
        }
    }

    public record Competence(String code, String areaCode, LocalizedText title) {
    }

    /** A proficiency level with its band (e.g. level 3 of the band "Intermediate", levels 3–4). */
    public record Level(int level, LocalizedText band, String bandLevels, LocalizedText description) {
    }

    public Optional<Area> area(String code) {
        return areas.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    public Optional<Competence> competence(String code) {
        return areas.stream().flatMap(a -> a.competences().stream()).filter(c -> c.code().equals(code)).findFirst();
    }

    public List<Competence> competences() {
        return areas.stream().flatMap(a -> a.competences().stream()).toList();
    }

    /** The band's name of a level, e.g. "Intermediate" for 4; empty text for a level the framework lacks. */
    public LocalizedText bandOf(int level) {
        return levels.stream().filter(l -> l.level() == level).map(Level::band).findFirst().orElse(LocalizedText.EMPTY);
    }
}
