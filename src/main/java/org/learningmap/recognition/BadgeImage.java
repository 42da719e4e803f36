package org.learningmap.recognition;

/** A badge's picture. */
public record BadgeImage(String contentType, byte[] bytes) {
}
