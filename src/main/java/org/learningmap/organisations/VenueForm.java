package org.learningmap.organisations;

import org.learningmap.platform.FieldErrors;
import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A venue as entered on the staff page; numbers arrive as typed and are checked here. */
record VenueForm(String kind, Map<String, String> name, String address, String town, String areaId, String lat, String lon,
                 Map<String, String> hours, List<String> accessibility) {

    VenueForm {
        name = name == null ? Map.of() : name;
        hours = hours == null ? Map.of() : hours;
        accessibility = accessibility == null ? List.of() : accessibility;
    }

    static VenueForm empty() {
        return new VenueForm(null, Map.of(), null, null, null, null, null, Map.of(), List.of());
    }

    static VenueForm of(Venue venue) {
        Map<String, String> hours = new LinkedHashMap<>();
        venue.openingHours().forEach((day, text) -> hours.put(day.name(), text));
        return new VenueForm(venue.kind().name(), venue.name().values(), venue.address(), venue.town(),
                venue.areaId() == null ? null : venue.areaId().toString(), Double.toString(venue.lat()),
                Double.toString(venue.lon()), hours, venue.accessibility().stream().map(Enum::name).toList());
    }

    /** The form with the place's coordinates, its name as the gazetteer spells it, and its area unless one was chosen. */
    VenueForm located(String placeName, double latitude, double longitude, Long area) {
        String chosenArea = areaId == null || areaId.isBlank() ? (area == null ? null : area.toString()) : areaId;
        return new VenueForm(kind, name, address, placeName, chosenArea, Double.toString(latitude), Double.toString(longitude), hours,
                accessibility);
    }

    public boolean offers(String fact) {
        return accessibility.contains(fact);
    }

    public String hoursOn(DayOfWeek day) {
        return hours.getOrDefault(day.name(), "");
    }

    VenueDetails check(List<String> languages, Set<Long> areaIds, FieldErrors errors) {
        Long area = null;
        String cleanedArea = InputChecks.clean(areaId);
        if (cleanedArea != null) {
            try {
                area = Long.valueOf(cleanedArea);
            } catch (NumberFormatException e) {
                errors.reject("areaId", "venue.error.area");
            }
        }
        Double latitude = InputChecks.number(lat);
        if (latitude == null && InputChecks.clean(lat) != null) {
            errors.reject("lat", "venue.error.latitude");
        }
        Double longitude = InputChecks.number(lon);
        if (longitude == null && InputChecks.clean(lon) != null) {
            errors.reject("lon", "venue.error.longitude");
        }
        return VenueChecks.check(kind, name, address, town, area, latitude, longitude, hours, accessibility, languages, areaIds,
                errors);
    }
}
