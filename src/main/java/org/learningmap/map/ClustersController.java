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
import tools.jackson.databind.json.JsonMapper;

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

    /** The bytes sent for one viewport, language and filters, made from one kept answer of {@link MatchingVenues}. */
    private record Rendered(Matches matches, byte[] json, byte[] gzip, String tag) {
    }

    private record RenderedKey(long siteId, String query, String language, String venueBase) {
    }

    private static final int MAX_RENDERED = 1_000;

    private final MatchingVenues matching;
    private final JsonMapper json;
    private final Map<RenderedKey, Rendered> rendered = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RenderedKey, Rendered> eldest) {
            return size() > MAX_RENDERED;
        }
    };

    ClustersController(MatchingVenues matching, JsonMapper json) {
        this.matching = matching;
        this.json = json;
    }

    @GetMapping("/api/v1/map/clusters")
    ResponseEntity<byte[]> clusters(HttpServletRequest request, Locale locale) throws BindException {
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
        String venueBase = ServletUriComponentsBuilder.fromContextPath(request).path("/venues/").toUriString();
        String language = locale.getLanguage();
        // The same kept answer, viewport and language give the same bytes: they are made once.
        RenderedKey key = new RenderedKey(site.id(), request.getQueryString(), language, venueBase);
        Rendered answer;
        synchronized (rendered) {
            answer = rendered.get(key);
        }
        if (answer == null || answer.matches() != matches) {
            byte[] body = json.writeValueAsBytes(collection(matches, box.get(), zoom, site, venueBase, language));
            answer = new Rendered(matches, body, gzip(body), tag(body));
            synchronized (rendered) {
                rendered.put(key, answer);
            }
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(GEO_JSON)
                .cacheControl(CacheControl.noCache())
                .eTag(answer.tag())
                .varyBy("Accept-Encoding");
        String tag = answer.tag();
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && java.util.Arrays.stream(ifNoneMatch.split(","))
                .map(candidate -> candidate.strip().replaceFirst("^W/", "")).anyMatch(candidate -> candidate.equals(tag) || candidate.equals("*"))) {
            return ResponseEntity.status(org.springframework.http.HttpStatus.NOT_MODIFIED)
                    .eTag(tag).cacheControl(CacheControl.noCache()).varyBy("Accept-Encoding").build();
        }
        String accepted = request.getHeader("Accept-Encoding");
        if (accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip")) {
            return response.header("Content-Encoding", "gzip").body(answer.gzip());
        }
        return response.body(answer.json());
    }

    private static String tag(byte[] body) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + java.util.HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length / 4 + 64);
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static FeatureCollection collection(Matches matches, BoundingBox box, int zoom, Site site, String venueBase,
                                                String language) {
        List<Feature> features = new ArrayList<>();
        int venues = 0;
        int activities = 0;
        for (Matches.Cluster cluster : matches.clusters(box, zoom)) {
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
        return new FeatureCollection("FeatureCollection", features, venues, activities);
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
