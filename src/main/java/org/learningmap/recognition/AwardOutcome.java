package org.learningmap.recognition;

/** The award, and whether this request made it ({@code false}: it existed already). */
public record AwardOutcome(Award award, boolean created) {
}
