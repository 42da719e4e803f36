package org.learningmap.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/** The towns and admin areas of Lithuania and Ukraine shipped with the application (GeoNames, CC BY 4.0). */
record Gazetteer(List<Town> towns, Map<String, String> areaNames) {

    record Town(long geonamesId, String name, String country, String adminCode, int population, double lat, double lon) {
    }

    static Gazetteer load() {
        List<Town> towns = new ArrayList<>();
        for (String[] row : rows("geo/towns-lt-ua.csv")) {
            towns.add(new Town(Long.parseLong(row[0]), row[1], row[2], row[3], Integer.parseInt(row[4]),
                    Double.parseDouble(row[5]), Double.parseDouble(row[6])));
        }
        towns.sort(Comparator.comparingInt(Town::population).reversed().thenComparingLong(Town::geonamesId));
        Map<String, String> areas = new LinkedHashMap<>();
        for (String[] row : rows("geo/admin-areas-lt-ua.csv")) {
            areas.put(row[0] + "-" + row[1], row[2]);
        }
        return new Gazetteer(List.copyOf(towns), Map.copyOf(areas));
    }

    List<Town> townsOf(String country) {
        return towns.stream().filter(town -> town.country().equals(country)).toList();
    }

    private static List<String[]> rows(String resource) {
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(split(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits one CSV line, honouring double quotes. */
    static String[] split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }
}
