package org.learningmap.recognition;

/**
 * A competence a badge is aligned to.
 *
 * @param framework {@code digcomp-2.2}, {@code digcomp-3.0} or {@code esco}
 * @param code      the competence code ({@code 1.1}) or, for ESCO, the skill's URI
 * @param name      the competence's title
 * @param url       where the competence is described, may be {@code null}
 */
public record Alignment(String framework, String code, String name, String url) {
}
