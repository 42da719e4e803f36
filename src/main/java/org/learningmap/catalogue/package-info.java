/**
 * What there is to learn: topics, activities of every kind with their sessions, full-text search
 * with facets in the site's languages, public activity pages, staff editing and CSV import, the
 * JSON API and calendar files. {@link org.learningmap.catalogue.Catalogue} is the facade.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package org.learningmap.catalogue;
