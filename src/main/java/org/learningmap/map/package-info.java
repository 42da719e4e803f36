/**
 * The map: a read-only view of published sessions at venues. The page {@code /map} shows the
 * venues with an upcoming scheduled session of a matching activity, clustered on a Leaflet map,
 * and the same venues as a list that works without JavaScript; {@code GET /api/v1/map/clusters}
 * answers the clusters of a viewport as GeoJSON.
 *
 * <p>Which activities match is decided by the catalogue's public
 * {@link org.learningmap.catalogue.SearchFilters#where} alone, so the map, the search page and the
 * API filter identically. The module queries the catalogue's tables ({@code activity},
 * {@code session}, {@code topic}) and the organisations' {@code venue} read-only and never writes
 * them; it owns only its change log {@code map_catalogue_change} (filled by triggers on those
 * tables) with which it knows exactly when its cached clusters stop being current. "Near a town
 * or address" goes through a {@link org.learningmap.map.Geocoder}; the default one looks in the
 * site's own gazetteer and its venues' towns and addresses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Map")
package org.learningmap.map;
