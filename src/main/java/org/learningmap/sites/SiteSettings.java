package org.learningmap.sites;

import java.time.ZoneId;
import java.util.List;
import org.learningmap.shared.LocalizedText;

/** A site's settings after checking, ready to store. */
record SiteSettings(LocalizedText name, String slug, String host, String country, List<String> languages,
                    String defaultLanguage, ZoneId zone, String primaryColour, String accentColour,
                    boolean requiresModeration, double centreLat, double centreLon, int zoom) {
}
