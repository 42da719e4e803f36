/**
 * A site is a city, region or country portal: its languages, time zone, branding, areas with their
 * population, and the gazetteer of towns. Every request is resolved to one site, by host name or by
 * the first path segment; {@link org.learningmap.sites.Sites} answers questions about sites.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sites")
package org.learningmap.sites;
