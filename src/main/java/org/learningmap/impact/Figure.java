package org.learningmap.impact;

/**
 * One published count. A count from 1 to 4 could single a person out: it is suppressed, its value
 * {@code null} and shown as "<5"; so is a count that would let one be worked out from the others.
 */
public record Figure(Long value, boolean suppressed) {

    static final int THRESHOLD = 5;
    static final Figure ZERO = new Figure(0L, false);

    static Figure of(long value) {
        return value > 0 && value < THRESHOLD ? new Figure(null, true) : new Figure(value, false);
    }

    public Figure suppress() {
        return new Figure(null, true);
    }

    /** The count as a dashboard shows it. */
    public String text() {
        return suppressed ? "<5" : String.format(java.util.Locale.ROOT, "%,d", value).replace(',', '\u00a0');
    }

    public long raw() {
        return value == null ? 0 : value;
    }
}
