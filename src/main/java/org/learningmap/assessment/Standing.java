package org.learningmap.assessment;

/**
 * Where a person stands in an area or a competence.
 *
 * @param percent the combined score, 0–100
 * @param level   the DigComp level, 1–6
 * @param band    the band of that level
 */
public record Standing(int percent, int level, Band band) {
}
