package org.learningmap.assessment;

/** The three bands a result speaks of, each two DigComp levels wide. */
public enum Band {
    FOUNDATION, INTERMEDIATE, ADVANCED;

    /** How much a correct answer to an item of this band counts: 1, 2 or 3. */
    int weight() {
        return ordinal() + 1;
    }

    public static Band ofLevel(int level) {
        return level <= 2 ? FOUNDATION : level <= 4 ? INTERMEDIATE : ADVANCED;
    }

    /** The message key of the band's name, e.g. {@code assessment.band.FOUNDATION}. */
    public String key() {
        return "assessment.band." + name();
    }
}
