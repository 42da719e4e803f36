package org.learningmap.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.learningmap.shared.GeoPoint;
import org.learningmap.shared.LocalizedText;
import org.springframework.core.io.ClassPathResource;

/**
 * The towns organisations and venues are placed in, largest first. GeoNames lists the districts
 * of big cities (Fabijoniškės, Dainava) as towns of their own; they are folded into their city,
 * so a venue there is in "Vilnius", placed in that district.
 */
final class Places {

    /** A town with its name in each language and the points (centre, districts) venues gather around. */
    record Place(Gazetteer.Town town, LocalizedText name, String localName, List<GeoPoint> points) {

        String areaCode() {
            return town.adminCode();
        }

        /** The name as written on the site: Lithuanian for Lithuania, Ukrainian for Ukraine. */
        String nameIn(String language) {
            return name.in(language);
        }
    }

    /** A district is a "town" within this distance of one at least this many times larger. */
    private static final double DISTRICT_KM = 10;
    private static final int DISTRICT_RATIO = 4;

    /**
     * Areas without demo content: Crimea and Sevastopol, and most of Donetsk and Luhansk oblasts are
     * under occupation, so no library there publishes to a Ukrainian portal.
     */
    private static final Set<String> EXCLUDED_AREAS = Set.of("UA-05", "UA-11", "UA-14", "UA-20");

    /** In these oblasts only the regional centre is free; their other large towns are occupied. */
    private static final Set<String> CENTRE_ONLY_AREAS = Set.of("UA-08", "UA-26");

    /** Places of a country per area, each list largest first; areas ordered by their largest place. */
    static Map<String, List<Place>> byArea(Gazetteer gazetteer, String country) {
        Map<Long, String[]> names = names();
        List<Gazetteer.Town> towns = gazetteer.townsOf(country);
        Map<Long, List<GeoPoint>> points = new LinkedHashMap<>();
        List<Gazetteer.Town> roots = new ArrayList<>();
        for (Gazetteer.Town town : towns) {
            Gazetteer.Town parent = roots.stream()
                    .filter(root -> root.adminCode().equals(town.adminCode())
                            && root.population() >= DISTRICT_RATIO * town.population()
                            && point(root).kilometresTo(point(town)) <= DISTRICT_KM)
                    .findFirst().orElse(null);
            if (parent == null) {
                roots.add(town);
                points.put(town.geonamesId(), new ArrayList<>(List.of(point(town))));
            } else {
                points.get(parent.geonamesId()).add(point(town));
            }
        }
        Map<String, List<Place>> byArea = new LinkedHashMap<>();
        String language = country.equals("LT") ? "lt" : "uk";
        for (Gazetteer.Town town : towns) {
            String area = country + "-" + town.adminCode();
            if (!points.containsKey(town.geonamesId()) || EXCLUDED_AREAS.contains(area)) {
                continue;
            }
            List<Place> places = byArea.computeIfAbsent(area, code -> new ArrayList<>());
            if (CENTRE_ONLY_AREAS.contains(area) && !places.isEmpty()) {
                continue;
            }
            String[] row = names.get(town.geonamesId());
            LocalizedText name = row == null
                    ? LocalizedText.of(town.name(), town.name(), town.name())
                    : LocalizedText.of(row[0], row[1], row[2]);
            places.add(new Place(town, name, name.in(language), List.copyOf(points.get(town.geonamesId()))));
        }
        return byArea;
    }

    /**
     * All places in the order organisations are spread over them: the largest place of every area,
     * then the second largest of every area, and so on, so that each area gets its big towns first.
     */
    static List<Place> spread(Map<String, List<Place>> byArea) {
        List<List<Place>> areas = new ArrayList<>(byArea.values());
        areas.sort(Comparator.comparingInt((List<Place> area) -> area.getFirst().town().population()).reversed());
        List<Place> spread = new ArrayList<>();
        int longest = areas.stream().mapToInt(List::size).max().orElse(0);
        for (int rank = 0; rank < longest; rank++) {
            for (List<Place> area : areas) {
                if (rank < area.size()) {
                    spread.add(area.get(rank));
                }
            }
        }
        return spread;
    }

    /** The local and translated names of the towns the demo uses (geonames id → en, lt, uk). */
    static Map<Long, String[]> names() {
        Map<Long, String[]> names = new HashMap<>();
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/town-names.csv").getInputStream(), StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    String[] cells = Gazetteer.split(line);
                    names.put(Long.parseLong(cells[0]), new String[] {cells[1], cells[2], cells[3]});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static GeoPoint point(Gazetteer.Town town) {
        return new GeoPoint(town.lat(), town.lon());
    }

    private Places() {
    }
}
