package org.learningmap.organisations;

import org.learningmap.platform.FieldErrors;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VenueChecksTest {

    private static final List<String> LANGUAGES = List.of("lt", "en", "uk");

    @Test
    void aCompleteVenuePassesWithItsHoursAndFacts() {
        FieldErrors errors = new FieldErrors();
        VenueDetails details = VenueChecks.check("LIBRARY_BRANCH", Map.of("lt", " Filialas "), "Laisvės al. 1", "Kaunas", 7L, 54.9, 23.9,
                Map.of("MONDAY", "10–18", "TUESDAY", " "), List.of("STEP_FREE"), LANGUAGES, Set.of(7L), errors);
        assertThat(errors.any()).isFalse();
        assertThat(details.name().in("lt")).isEqualTo("Filialas");
        assertThat(details.openingHours()).containsExactly(Map.entry(DayOfWeek.MONDAY, "10–18"));
        assertThat(details.accessibility()).containsExactly(AccessibilityFact.STEP_FREE);
    }

    @Test
    void everyWrongFieldIsNamed() {
        FieldErrors errors = new FieldErrors();
        VenueDetails details = VenueChecks.check("CASTLE", Map.of("fr", "Château"), " ", "x".repeat(101), 8L, 91.0, null,
                Map.of("FUNDAY", "all day"), List.of("WINGS"), LANGUAGES, Set.of(7L), errors);
        assertThat(details).isNull();
        for (String field : List.of("kind", "name", "address", "town", "areaId", "lat", "lon", "openingHours", "accessibility")) {
            assertThat(errors.has(field)).as(field).isTrue();
        }
    }

    @Test
    void typedCoordinatesAcceptACommaAsDecimalMark() {
        FieldErrors errors = new FieldErrors();
        var form = new VenueForm("OFFICE", Map.of("en", "Office"), "Main st 1", "Vilnius", "", "54,6872", "25.2797", Map.of(), List.of());
        VenueDetails details = form.check(LANGUAGES, Set.of(), errors);
        assertThat(errors.any()).isFalse();
        assertThat(details.lat()).isEqualTo(54.6872);
        assertThat(details.areaId()).isNull();
    }

    @Test
    void anOrganisationNeedsANameKindAndContactAddress() {
        FieldErrors errors = new FieldErrors();
        new OrganisationForm("LIBRARY", Map.of("lt", ""), Map.of(), "desk@example", "12", "javascript:alert(1)").check(LANGUAGES, errors);
        for (String field : List.of("name", "email", "phone", "website")) {
            assertThat(errors.has(field)).as(field).isTrue();
        }
        assertThat(errors.has("kind")).isFalse();
    }
}
