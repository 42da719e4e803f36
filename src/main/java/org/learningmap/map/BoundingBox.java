package org.learningmap.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A rectangle in WGS84 degrees, west to east without crossing the antimeridian. */
record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    /** Reads {@code minLon,minLat,maxLon,maxLat}; empty when it is not four numbers in range with min below max. */
    static Optional<BoundingBox> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        List<Double> numbers = new ArrayList<>(4);
        for (String part : parts) {
            try {
                double number = Double.parseDouble(part.strip());
                if (!Double.isFinite(number)) {
                    return Optional.empty();
                }
                numbers.add(number);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        double minLon = numbers.get(0);
        double minLat = numbers.get(1);
        double maxLon = numbers.get(2);
        double maxLat = numbers.get(3);
        if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90 || minLon >= maxLon || minLat >= maxLat) {
            return Optional.empty();
        }
        return Optional.of(new BoundingBox(minLon, minLat, maxLon, maxLat));
    }

    boolean contains(double lon, double lat) {
        return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    }

    boolean intersects(double west, double south, double east, double north) {
        return west <= maxLon && east >= minLon && south <= maxLat && north >= minLat;
    }

    double[] toArray() {
        return new double[] {minLon, minLat, maxLon, maxLat};
    }
}
