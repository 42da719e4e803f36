/**
 * The DigComp skills check. Owns the competence frameworks as versioned data (DigComp 2.2 and 3.0:
 * areas, competences, levels and bands, titled in every interface language), the item bank (items
 * kept as immutable versions, edited, previewed, retired and restored by site coordinators and
 * platform administrators; each answer keeps the item version asked) and its versioned scoring
 * rule, check attempts and their results (with recommendations of aligned activities from the
 * catalogue), supervised group sittings run by educators, and before/after
 * self-ratings attached to a session or an activity.
 *
 * <p>Publishes {@link org.learningmap.assessment.SkillsBandReached} when a person's result reaches a
 * band in an area. {@link org.learningmap.assessment.Assessment} is the facade.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Skills check")
package org.learningmap.assessment;
