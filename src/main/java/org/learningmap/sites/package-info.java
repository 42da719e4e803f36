/**
 * A site is a city, region or country portal: its languages, time zone, branding, areas with their
 * population, and the gazetteer of towns. Every request is resolved to one site, by host name or by
 * the first path segment; {@link org.learningmap.sites.Sites} answers questions about sites.
 * Platform administrators create and edit sites and upload their logos at {@code /admin/sites}
 * (tables {@code site}, {@code site_logo}); a site's coordinators keep its areas at
 * {@code /coordinator/sites/{id}/areas}. Who may do so is read from the signed-in person's
 * authorities, as the accounts module depends on this one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sites")
package org.learningmap.sites;
