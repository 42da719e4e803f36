/**
 * Providers and their places: organisations of every kind applying to join a site and the
 * coordinator's decision, staff memberships with their roles, and venues (library branches,
 * public internet access points, youth centres) with address, area, coordinates, opening hours and
 * accessibility facts. {@link org.learningmap.organisations.Organisations} is the facade.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations")
package org.learningmap.organisations;
