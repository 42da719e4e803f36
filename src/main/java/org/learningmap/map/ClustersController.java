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
    record Rendered(Matches matches, byte[] json, byte[] gzip, String tag) {
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
        Asked asked = read(request, errors);
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        Matches matches = matching.find(site, asked.filters());
        String venueBase = venueBase(request);
        String language = locale.getLanguage();
        // The same kept answer, viewport and language give the same bytes: they are made once.
        RenderedKey key = new RenderedKey(site.id(), request.getQueryString(), language, venueBase);
        Rendered answer;
        synchronized (rendered) {
            answer = rendered.get(key);
        }
        if (answer == null || answer.matches() != matches) {
            byte[] body = json.writeValueAsBytes(collection(matches, asked.box(), asked.zoom(), site, venueBase, language));
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
        if (notModified(request, answer)) {
            return ResponseEntity.status(org.springframework.http.HttpStatus.NOT_MODIFIED)
                    .eTag(answer.tag()).cacheControl(CacheControl.noCache()).varyBy("Accept-Encoding").build();
        }
        if (acceptsGzip(request)) {
            return response.header("Content-Encoding", "gzip").body(answer.gzip());
        }
        return response.body(answer.json());
    }

    /** What a request asks for: a viewport, a zoom and the search filters. */
    private record Asked(BoundingBox box, Integer zoom, SearchFilters filters) {
    }

    private static Asked read(HttpServletRequest request, MapBindingResult errors) {
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
        return new Asked(box.orElse(null), zoom, parsed.filters());
    }

    /**
     * The answer this request would get, when it was made before and is still current (its matches are
     * the ones {@link MatchingVenues} keeps now); null otherwise, and for a request that is not
     * well-formed. Used by {@link AnonymousClusterAnswers} to answer before the security filters.
     */
    Rendered kept(HttpServletRequest request, Site site, String language) {
        MapBindingResult errors = new MapBindingResult(new HashMap<>(), "clusters");
        Asked asked = read(request, errors);
        if (errors.hasErrors()) {
            return null;
        }
        Rendered answer;
        synchronized (rendered) {
            answer = rendered.get(new RenderedKey(site.id(), request.getQueryString(), language, venueBase(request)));
        }
        return answer != null && answer.matches() == matching.find(site, asked.filters()) ? answer : null;
    }

    private static String venueBase(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).path("/venues/").toUriString();
    }

    static boolean notModified(HttpServletRequest request, Rendered answer) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        return ifNoneMatch != null && java.util.Arrays.stream(ifNoneMatch.split(","))
                .map(candidate -> candidate.strip().replaceFirst("^W/", ""))
                .anyMatch(candidate -> candidate.equals(answer.tag()) || candidate.equals("*"));
    }

    static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader("Accept-Encoding");
        return accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
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
