package org.learningmap.organisations;

/** Facts about a venue that decide whether a person can take part; stored in {@code venue.accessibility}. */
public enum AccessibilityFact {
    STEP_FREE("♿"), ACCESSIBLE_TOILET("🚻"), HEARING_LOOP("🦻"), LARGE_PRINT("🔍"), COMPUTERS("💻"),
    DEVICES_TO_BORROW("📱"), CHILDCARE("🧸"), QUIET_ROOM("🤫");

    private final String icon;

    AccessibilityFact(String icon) {
        this.icon = icon;
    }

    /** A pictogram shown beside the fact's words, never instead of them. */
    public String icon() {
        return icon;
    }
}
