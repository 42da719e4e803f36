package org.learningmap.map;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.learningmap.catalogue.SearchFilters;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /api/v1/map/clusters?bbox=minLon,minLat,maxLon,maxLat&zoom=Z} with any of the search
 * filters: the venues of the viewport as a GeoJSON FeatureCollection, clustered for the zoom. Each
 * feature is a point with {@code count} (venues) and {@code activities} (matching activities
 * summed over its venues); a single venue also has {@code venueId}, {@code name} in the visitor's
 * language, {@code town} and {@code url}; a cluster has {@code expansionZoom} and the {@code bbox}
 * of its venues. Wrong input answers 400 with a message per parameter.
 */
@RestController
class ClustersController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    /** A GeoJSON FeatureCollection, with the totals of the viewport as foreign members. */
    record FeatureCollection(String type, List<Feature> features, int venues, int activities) {
    }

    record Feature(String type, Point geometry, Map<String, Object> properties, double[] bbox) {
    }

    record Point(String type, double[] coordinates) {
    }

    private final MatchingVenues matching;

    ClustersController(MatchingVenues matching) {
        this.matching = matching;
    }

    @GetMapping("/api/v1/map/clusters")
    ResponseEntity<FeatureCollection> clusters(HttpServletRequest request, Locale locale) throws BindException {
        Site site = Sites.current();
        MapBindingResult errors = new MapBindingResult(new HashMap<>(), "clusters");
        String bboxText = request.getParameter("bbox");
        Optional<BoundingBox> box = BoundingBox.parse(bboxText);
        if (box.isEmpty()) {
            reject(errors, "bbox", bboxText, bboxText == null || bboxText.isBlank() ? "map.error.bbox-missing" : "map.error.bbox");
        }
        String zoomText = request.getParameter("zoom");
        Integer zoom = zoom(zoomText);
        if (zoom == null) {
            reject(errors, "zoom", zoomText, "map.error.zoom");
        }
        SearchFilters.Parsed parsed = SearchFilters.parse(request.getParameterMap());
        parsed.errors().forEach((field, key) -> reject(errors, field, request.getParameter(field), key));
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        Matches matches = matching.find(site, parsed.filters());
        List<Feature> features = new ArrayList<>();
        int venues = 0;
        int activities = 0;
        String venueBase = ServletUriComponentsBuilder.fromContextPath(request).path("/venues/").toUriString();
        String language = locale.getLanguage();
        for (Matches.Cluster cluster : matches.clusters(box.get(), zoom)) {
            venues += cluster.venues();
            activities += cluster.activities();
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("count", cluster.venues());
            properties.put("activities", cluster.activities());
            double[] bbox = null;
            if (cluster.venue() != null) {
                MatchedVenue venue = cluster.venue();
                properties.put("venueId", venue.id());
                properties.put("name", venue.name().in(language, site.defaultLanguage()));
                properties.put("town", venue.town());
                properties.put("url", venueBase + venue.id());
            } else {
                properties.put("expansionZoom", cluster.expansionZoom());
                bbox = rounded(cluster.bounds().toArray());
            }
            features.add(new Feature("Feature", new Point("Point", rounded(new double[] {cluster.lon(), cluster.lat()})),
                    properties, bbox));
        }
        return ResponseEntity.ok()
                .contentType(GEO_JSON)
                .cacheControl(CacheControl.noCache())
                .body(new FeatureCollection("FeatureCollection", features, venues, activities));
    }

    static Integer zoom(String text) {
        if (text == null) {
            return null;
        }
        try {
            int zoom = Integer.parseInt(text.strip());
            return zoom >= 0 && zoom <= Matches.MAX_ZOOM ? zoom : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void reject(MapBindingResult errors, String field, String value, String key) {
        errors.addError(new FieldError(errors.getObjectName(), field, value, false, new String[] {key}, null, null));
    }

    /** Six decimals are about ten centimetres: plenty for a map, and a smaller answer. */
    private static double[] rounded(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.round(values[i] * 1e6) / 1e6;
        }
        return out;
    }
}
