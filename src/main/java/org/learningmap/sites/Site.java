package org.learningmap.sites;

import java.time.ZoneId;
import java.util.List;
import org.learningmap.shared.GeoPoint;
import org.learningmap.shared.LocalizedText;

/** A portal: a city, region or country, with its languages, zone and branding. */
public record Site(long id, String slug, String host, LocalizedText name, String country, List<String> languages,
                   String defaultLanguage, ZoneId zone, String logoUrl, String primaryColour, String accentColour,
                   boolean requiresModeration, GeoPoint centre, int defaultZoom, Long logoVersion) {

    /** Whether an uploaded logo is stored; else {@link #logoUrl()} (if any) is shown. */
    public boolean hasStoredLogo() {
        return logoVersion != null;
    }

    /** Changes whenever the colours change, so the theme's address does too and no browser keeps old colours. */
    public String themeVersion() {
        return Integer.toHexString((primaryColour + accentColour).hashCode());
    }

    public boolean speaks(String language) {
        return languages.contains(language);
    }
}
