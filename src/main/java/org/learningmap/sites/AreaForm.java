package org.learningmap.sites;

import org.learningmap.platform.FieldErrors;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.learningmap.shared.Languages;
import org.learningmap.shared.LocalizedText;

/** An area as typed by a coordinator: a short code, its name, population and an optional centre. */
record AreaForm(String code, Map<String, String> name, String population, String centreLat, String centreLon) {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    /** A checked area, ready to store. */
    record Checked(String code, LocalizedText name, int population, Double lat, Double lon) {
    }

    AreaForm {
        name = name == null ? Map.of() : name;
    }

    static AreaForm empty() {
        return new AreaForm("", Map.of(), "", "", "");
    }

    static AreaForm of(Area area) {
        return new AreaForm(area.code(), area.name().values(), Integer.toString(area.population()),
                area.lat() == null ? "" : area.lat().toString(), area.lon() == null ? "" : area.lon().toString());
    }

    Checked check(FieldErrors errors) {
        String cleanCode = code == null ? "" : code.strip();
        if (cleanCode.isEmpty()) {
            errors.reject("code", "site-admin.error.required");
        } else if (!CODE.matcher(cleanCode).matches()) {
            errors.reject("code", "site-admin.error.area-code");
        }
        Map<String, String> names = new LinkedHashMap<>();
        name.forEach((language, text) -> {
            if (Languages.isInterfaceLanguage(language) && text != null && !text.isBlank()) {
                if (text.strip().length() > 100) {
                    errors.reject("name", "site-admin.error.too-long", 100);
                }
                names.put(language, text.strip());
            }
        });
        if (names.isEmpty()) {
            errors.reject("name", "site-admin.error.required");
        }
        Integer people = null;
        String cleanPopulation = population == null ? "" : population.strip().replace(" ", "").replace("\u00a0", "");
        if (cleanPopulation.isEmpty()) {
            errors.reject("population", "site-admin.error.required");
        } else {
            try {
                people = Integer.parseInt(cleanPopulation);
                if (people < 0) {
                    errors.reject("population", "site-admin.error.population");
                }
            } catch (NumberFormatException e) {
                errors.reject("population", "site-admin.error.population");
            }
        }
        String latText = centreLat == null ? "" : centreLat.strip().replace(',', '.');
        String lonText = centreLon == null ? "" : centreLon.strip().replace(',', '.');
        Double lat = null;
        Double lon = null;
        if (latText.isEmpty() != lonText.isEmpty()) {
            errors.reject(latText.isEmpty() ? "centreLat" : "centreLon", "site-admin.error.centre-both");
        } else if (!latText.isEmpty()) {
            lat = coordinate("centreLat", latText, 90, errors);
            lon = coordinate("centreLon", lonText, 180, errors);
        }
        if (errors.any()) {
            return null;
        }
        return new Checked(cleanCode.toUpperCase(Locale.ROOT), new LocalizedText(names), people, lat, lon);
    }

    private static Double coordinate(String field, String text, int limit, FieldErrors errors) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isNaN(value) || value < -limit || value > limit) {
                errors.reject(field, "site-admin.error.range", -limit, limit);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.reject(field, "site-admin.error.number");
            return null;
        }
    }
}
