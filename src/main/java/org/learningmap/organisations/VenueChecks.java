package org.learningmap.organisations;

import org.learningmap.platform.FieldErrors;
import java.time.DayOfWeek;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.learningmap.shared.LocalizedText;

/** The checks a venue passes before it is stored, the same for the staff page and the API. */
final class VenueChecks {

    static final int ADDRESS_MAX = 300;
    static final int TOWN_MAX = 100;
    static final int HOURS_MAX = 100;

    private VenueChecks() {
    }

    /**
     * The checked venue, or null when something is wrong; every problem is noted in {@code errors}.
     *
     * @param areaIds the areas of the organisation's site; a venue lies in one of them or in none
     */
    static VenueDetails check(String kind, Map<String, String> name, String address, String town, Long areaId, Double lat,
                              Double lon, Map<String, String> hours, Collection<String> accessibility,
                              List<String> languages, Set<Long> areaIds, FieldErrors errors) {
        VenueKind checkedKind = InputChecks.choice(kind, VenueKind.class, "kind", errors);
        LocalizedText checkedName = InputChecks.translations(name, languages, "name", InputChecks.NAME_MAX,
                "venue.error.name-required", errors);
        String checkedAddress = InputChecks.text(address, "address", ADDRESS_MAX, true, errors);
        String checkedTown = InputChecks.text(town, "town", TOWN_MAX, true, errors);
        if (areaId != null && !areaIds.contains(areaId)) {
            errors.reject("areaId", "venue.error.area");
        }
        if (lat == null) {
            errors.reject("lat", "venue.error.coordinates-missing");
        } else if (lat < -90 || lat > 90) {
            errors.reject("lat", "venue.error.latitude");
        }
        if (lon == null) {
            errors.reject("lon", "venue.error.coordinates-missing");
        } else if (lon < -180 || lon > 180) {
            errors.reject("lon", "venue.error.longitude");
        }
        Map<DayOfWeek, String> checkedHours = openingHours(hours, errors);
        Set<AccessibilityFact> facts = facts(accessibility, errors);
        if (errors.any()) {
            return null;
        }
        return new VenueDetails(checkedKind, checkedName, checkedAddress, checkedTown, areaId, lat, lon, checkedHours, facts);
    }

    private static Map<DayOfWeek, String> openingHours(Map<String, String> hours, FieldErrors errors) {
        Map<DayOfWeek, String> checked = new EnumMap<>(DayOfWeek.class);
        if (hours == null) {
            return checked;
        }
        hours.forEach((day, text) -> {
            var weekday = InputChecks.parse(day, DayOfWeek.class);
            if (weekday.isEmpty()) {
                errors.reject("openingHours", "venue.error.weekday");
                return;
            }
            String cleaned = InputChecks.text(text, "openingHours." + weekday.get(), HOURS_MAX, false, errors);
            if (cleaned != null) {
                checked.put(weekday.get(), cleaned);
            }
        });
        return checked;
    }

    private static Set<AccessibilityFact> facts(Collection<String> accessibility, FieldErrors errors) {
        Set<AccessibilityFact> facts = EnumSet.noneOf(AccessibilityFact.class);
        if (accessibility == null) {
            return facts;
        }
        for (String fact : accessibility) {
            InputChecks.parse(fact, AccessibilityFact.class).ifPresentOrElse(facts::add,
                    () -> errors.reject("accessibility", "venue.error.accessibility"));
        }
        return facts;
    }
}
