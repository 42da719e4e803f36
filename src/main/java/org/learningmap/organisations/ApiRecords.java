package org.learningmap.organisations;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the organisations and venues API. */
final class ApiRecords {

    private ApiRecords() {
    }

    /** A page of results: {@code items} of this page and {@code total} over all pages. */
    record PageResponse<T>(List<T> items, long total, int page, int size) {
    }

    record OrganisationResponse(long id, String slug, String kind, Map<String, String> name, Map<String, String> description,
                                String email, String phone, String website, boolean verified) {

        static OrganisationResponse of(Organisation organisation) {
            return new OrganisationResponse(organisation.id(), organisation.slug(), organisation.kind().name(),
                    organisation.name().values(), organisation.description().values(), organisation.email(),
                    organisation.phone(), organisation.website(), organisation.verified());
        }
    }

    record VenueResponse(long id, long organisationId, String kind, Map<String, String> name, String address, String town,
                         Long areaId, double lat, double lon, Map<String, String> openingHours, List<String> accessibility) {

        static VenueResponse of(Venue venue) {
            Map<String, String> hours = new java.util.LinkedHashMap<>();
            venue.openingHours().forEach((day, text) -> hours.put(day.name(), text));
            return new VenueResponse(venue.id(), venue.organisationId(), venue.kind().name(), venue.name().values(),
                    venue.address(), venue.town(), venue.areaId(), venue.lat(), venue.lon(), hours,
                    venue.accessibility().stream().map(Enum::name).toList());
        }
    }

    /**
     * A venue to create or replace. Names are keyed by language; opening hours by weekday
     * ({@code "MONDAY": "10:00–18:00"}); accessibility facts by their names ({@code "STEP_FREE"}).
     */
    record VenueRequest(
            Long organisationId,
            @NotBlank(message = "{validation.choose}") String kind,
            @NotEmpty(message = "{venue.error.name-required}") Map<String, String> name,
            @NotBlank(message = "{validation.required}") @Size(max = VenueChecks.ADDRESS_MAX, message = "{validation.too-long}") String address,
            @NotBlank(message = "{validation.required}") @Size(max = VenueChecks.TOWN_MAX, message = "{validation.too-long}") String town,
            Long areaId,
            @NotNull(message = "{venue.error.coordinates-missing}")
            @DecimalMin(value = "-90", message = "{venue.error.latitude}") @DecimalMax(value = "90", message = "{venue.error.latitude}") Double lat,
            @NotNull(message = "{venue.error.coordinates-missing}")
            @DecimalMin(value = "-180", message = "{venue.error.longitude}") @DecimalMax(value = "180", message = "{venue.error.longitude}") Double lon,
            Map<String, String> openingHours,
            List<String> accessibility) {
    }
}
