package org.learningmap.enrolment;

/**
 * A person's check-in pass: a short code people can read aloud or type ({@code "K7QM-3XPA"}) and
 * the same code as a QR image in SVG, ready to put in a page or on a printed card.
 */
public record CheckInPass(long accountId, String code, String qrSvg) {
}
