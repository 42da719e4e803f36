package org.learningmap.assessment;

/** The quick check (about 15 minutes, routed per area) or the full check (every competence). */
public enum CheckKind {
    QUICK, FULL
}
