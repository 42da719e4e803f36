package org.learningmap.sites;

import java.util.regex.Pattern;

/**
 * Brand colours are backgrounds of white text (buttons, the header), so each must reach the WCAG AA
 * contrast of 4.5:1 against white.
 */
final class SiteColours {

    static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");
    static final double MINIMUM_CONTRAST = 4.5;

    private SiteColours() {
    }

    /** The contrast ratio of white text on this #rrggbb colour, from 1 to 21. */
    static double contrastWithWhite(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double luminance = 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) + 0.0722 * channel(rgb & 0xff);
        return 1.05 / (luminance + 0.05);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
