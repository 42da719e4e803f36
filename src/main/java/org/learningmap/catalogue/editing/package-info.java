/**
 * The write side of the catalogue, for organisation staff and site coordinators: creating, copying,
 * editing and publishing activities with their sessions and repeating series, images, CSV import,
 * the moderation queue and the API writes. Internal to the catalogue module; what other modules
 * learn of it are the events in {@code org.learningmap.catalogue}
 * ({@link org.learningmap.catalogue.ActivityPublished}, {@link org.learningmap.catalogue.ActivityCancelled},
 * {@link org.learningmap.catalogue.SessionCancelled}).
 */
package org.learningmap.catalogue.editing;
