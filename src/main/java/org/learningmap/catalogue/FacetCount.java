package org.learningmap.catalogue;

/**
 * How many results a facet value would give: counted with every other filter applied but not the
 * facet's own, so that ticking a second value of the same facet adds what its count promised.
 */
record FacetCount(String value, long count, boolean selected) {
}
