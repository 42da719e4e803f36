/**
 * The methods library: guides, lesson plans, video lectures, hackathon kits and guidelines for
 * working with migrants, as files (checked by their content, kept in a {@link org.learningmap.network.methods.FileStore})
 * or links; versioned, tagged, searchable, downloads counted. Online self-study courses are activities
 * of the catalogue and are found there. Internal to the network module.
 */
package org.learningmap.network.methods;
