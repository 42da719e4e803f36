package org.learningmap.sites;

import org.learningmap.platform.FieldErrors;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.learningmap.shared.LocalizedText;
import org.learningmap.shared.Languages;

/** A site's settings as typed on the administration page; everything arrives as text and is checked here. */
record SiteForm(Map<String, String> name, String slug, String host, String country, List<String> languages,
                String defaultLanguage, String timeZone, String primaryColour, String accentColour,
                Boolean requiresModeration, String centreLat, String centreLon, String zoom) {

    /** First path segments the application itself answers, which a site's prefix would hide. */
    static final Set<String> RESERVED_SLUGS = Set.of("admin", "api", "staff", "account", "accounts", "coordinator",
            "actuator", "css", "js", "images", "img", "webjars", "static", "site", "sites", "about", "activities",
            "organisations", "venues", "search", "map", "sign-in", "sign-up", "sign-out", "password", "password-reset",
            "preferences", "saved-searches", "dev", "error", "v3", "swagger-ui", "favicon.ico", "robots.txt", "topics",
            "sessions", "calendar", "login", "logout", "www", "badges", "skills", "enrolment", "impact", "open-data",
            "verify", "learners", "volunteers");
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern HOST = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    SiteForm {
        name = name == null ? Map.of() : name;
        languages = languages == null ? List.of() : languages;
    }

    static SiteForm empty() {
        return new SiteForm(Map.of(), "", "", "", List.of("en"), "en", "Europe/Vilnius", "#1d4ed8", "#9a3412", false,
                "", "", "7");
    }

    static SiteForm of(Site site) {
        return new SiteForm(site.name().values(), site.slug(), site.host() == null ? "" : site.host(), site.country(),
                site.languages(), site.defaultLanguage(), site.zone().getId(), site.primaryColour(), site.accentColour(),
                site.requiresModeration(), Double.toString(site.centre().lat()), Double.toString(site.centre().lon()),
                Integer.toString(site.defaultZoom()));
    }

    public boolean speaks(String language) {
        return languages.contains(language);
    }

    public boolean moderated() {
        return Boolean.TRUE.equals(requiresModeration);
    }

    /** The settings, or the problems noted in {@code errors} (then null). */
    SiteSettings check(FieldErrors errors) {
        Map<String, String> names = new LinkedHashMap<>();
        name.forEach((language, text) -> {
            if (Languages.isInterfaceLanguage(language) && text != null && !text.isBlank()) {
                if (text.strip().length() > 100) {
                    errors.reject("name", "site-admin.error.too-long", 100);
                }
                names.put(language, text.strip());
            }
        });
        String cleanSlug = trim(slug).toLowerCase(Locale.ROOT);
        if (cleanSlug.isEmpty()) {
            errors.reject("slug", "site-admin.error.required");
        } else if (cleanSlug.length() > 40 || !SLUG.matcher(cleanSlug).matches()) {
            errors.reject("slug", "site-admin.error.slug");
        } else if (RESERVED_SLUGS.contains(cleanSlug)) {
            errors.reject("slug", "site-admin.error.slug-reserved", cleanSlug);
        }
        String cleanHost = trim(host).toLowerCase(Locale.ROOT);
        if (!cleanHost.isEmpty() && !HOST.matcher(cleanHost).matches()) {
            errors.reject("host", "site-admin.error.host");
        }
        String cleanCountry = trim(country).toUpperCase(Locale.ROOT);
        if (cleanCountry.isEmpty()) {
            errors.reject("country", "site-admin.error.required");
        } else if (!COUNTRY.matcher(cleanCountry).matches()) {
            errors.reject("country", "site-admin.error.country");
        }
        List<String> chosen = new ArrayList<>();
        for (String language : Languages.INTERFACE) {
            if (languages.contains(language)) {
                chosen.add(language);
            }
        }
        if (languages.stream().anyMatch(language -> !Languages.isInterfaceLanguage(language))) {
            errors.reject("languages", "site-admin.error.languages-unknown");
        } else if (chosen.isEmpty()) {
            errors.reject("languages", "site-admin.error.languages");
        }
        String cleanDefault = trim(defaultLanguage);
        if (cleanDefault.isEmpty()) {
            errors.reject("defaultLanguage", "site-admin.error.required");
        } else if (!chosen.contains(cleanDefault)) {
            errors.reject("defaultLanguage", "site-admin.error.default-language");
        }
        if (names.isEmpty()) {
            errors.reject("name", "site-admin.error.required");
        } else if (!cleanDefault.isEmpty() && chosen.contains(cleanDefault) && !names.containsKey(cleanDefault)) {
            errors.reject("name", "site-admin.error.name-in-default", cleanDefault);
        }
        ZoneId zone = null;
        String cleanZone = trim(timeZone);
        if (cleanZone.isEmpty()) {
            errors.reject("timeZone", "site-admin.error.required");
        } else {
            try {
                zone = ZoneId.of(cleanZone);
            } catch (DateTimeException e) {
                errors.reject("timeZone", "site-admin.error.time-zone");
            }
        }
        String primary = colour("primaryColour", primaryColour, errors);
        String accent = colour("accentColour", accentColour, errors);
        Double lat = number("centreLat", centreLat, -90, 90, errors);
        Double lon = number("centreLon", centreLon, -180, 180, errors);
        Double zoomLevel = number("zoom", zoom, 1, 18, errors);
        if (zoomLevel != null && zoomLevel != Math.floor(zoomLevel)) {
            errors.reject("zoom", "site-admin.error.range", 1, 18);
        }
        if (errors.any()) {
            return null;
        }
        // The default language leads the list, as pages offer the site's languages in this order.
        chosen.remove(cleanDefault);
        chosen.add(0, cleanDefault);
        return new SiteSettings(new LocalizedText(names), cleanSlug, cleanHost.isEmpty() ? null : cleanHost, cleanCountry,
                List.copyOf(chosen), cleanDefault, zone, primary, accent, moderated(), lat, lon, zoomLevel.intValue());
    }

    private static String colour(String field, String value, FieldErrors errors) {
        String clean = trim(value).toLowerCase(Locale.ROOT);
        if (clean.isEmpty()) {
            errors.reject(field, "site-admin.error.required");
            return null;
        }
        if (!SiteColours.HEX.matcher(clean).matches()) {
            errors.reject(field, "site-admin.error.colour");
            return null;
        }
        double contrast = SiteColours.contrastWithWhite(clean);
        if (contrast < SiteColours.MINIMUM_CONTRAST) {
            errors.reject(field, "site-admin.error.contrast", String.format(Locale.ROOT, "%.1f", contrast));
            return null;
        }
        return clean;
    }

    private static Double number(String field, String value, double min, double max, FieldErrors errors) {
        String clean = trim(value).replace(',', '.');
        if (clean.isEmpty()) {
            errors.reject(field, "site-admin.error.required");
            return null;
        }
        try {
            double parsed = Double.parseDouble(clean);
            if (Double.isNaN(parsed) || parsed < min || parsed > max) {
                errors.reject(field, "site-admin.error.range", fmt(min), fmt(max));
                return null;
            }
            return parsed;
        } catch (NumberFormatException e) {
            errors.reject(field, "site-admin.error.number");
            return null;
        }
    }

    private static String fmt(double value) {
        return value == Math.floor(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
