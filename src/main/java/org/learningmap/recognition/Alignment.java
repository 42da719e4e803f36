package org.learningmap.recognition;

/** A competence a badge is aligned to: framework {@code digcomp-2.2}, {@code digcomp-3.0} or {@code esco}. */
public record Alignment(String framework, String code, String name, String url) {
}
