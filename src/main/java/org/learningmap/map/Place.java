package org.learningmap.map;

import java.text.Normalizer;
import java.util.Locale;
import org.learningmap.shared.GeoPoint;

/**
 * A place a person may mean.
 *
 * @param name   what it is called ("Kaunas", "Laisvės al. 57")
 * @param detail what tells it apart from places of the same name (its area or town); may be empty
 */
public record Place(String name, String detail, GeoPoint point) {

    public Place {
        detail = detail == null ? "" : detail;
    }

    /** The name as written, or with its detail when there is one: "Naujamiestis, Vilnius". */
    public String label() {
        return detail.isEmpty() ? name : name + ", " + detail;
    }

    /** True when the place is called exactly what was typed, ignoring case and diacritics. */
    public boolean isCalled(String typed) {
        String wanted = plain(typed);
        return plain(name).equals(wanted) || plain(label()).equals(wanted);
    }

    static String plain(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text.strip(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
