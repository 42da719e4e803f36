package org.learningmap.recognition;

/** What a badge recognises. */
public enum BadgeSource { ACTIVITY, PLAYLIST, SKILLS_BAND, VOLUNTEER_HOURS, CUSTOM }
