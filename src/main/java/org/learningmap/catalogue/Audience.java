package org.learningmap.catalogue;

/** Who an activity is meant for. */
public enum Audience {
    CHILDREN, YOUTH, ADULTS, SENIORS, MIGRANTS, DISABILITIES, FAMILIES, EDUCATORS
}
