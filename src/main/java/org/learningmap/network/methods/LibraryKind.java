package org.learningmap.network.methods;

/** What a library item is. */
public enum LibraryKind {
    GUIDE, LESSON_PLAN, VIDEO_LECTURE, HACKATHON_KIT, MIGRANT_GUIDELINES
}
