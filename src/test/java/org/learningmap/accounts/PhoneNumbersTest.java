package org.learningmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void numbersTypedInTheUsualWaysBecomeE164() {
        assertThat(PhoneNumbers.normalise("+370 612 34567", "LT")).contains("+37061234567");
        assertThat(PhoneNumbers.normalise("8 (612) 34-567", "LT")).contains("+37061234567");
        assertThat(PhoneNumbers.normalise("0037061234567", null)).contains("+37061234567");
        assertThat(PhoneNumbers.normalise("067 123 4567", "UA")).contains("+380671234567");
        assertThat(PhoneNumbers.normalise("380671234567", "UA")).contains("+380671234567");
    }

    @Test
    void whatCannotBeANumberIsRefused() {
        assertThat(PhoneNumbers.normalise("12", "LT")).isEmpty();
        assertThat(PhoneNumbers.normalise("8 612 3456", "LT")).isEmpty();
        assertThat(PhoneNumbers.normalise("612 34567", null)).as("a national number without a country").isEmpty();
        assertThat(PhoneNumbers.normalise("call me", "LT")).isEmpty();
        assertThat(PhoneNumbers.normalise("+0123456789", "LT")).isEmpty();
        assertThat(PhoneNumbers.normalise("1".repeat(50), "LT")).isEmpty();
    }

    @Test
    void aListShowsOnlyTheLastDigits() {
        assertThat(PhoneNumbers.masked("+37061234567")).isEqualTo("+370 … 567");
        assertThat(PhoneNumbers.looksLikePhone("ona@example.net")).isFalse();
        assertThat(PhoneNumbers.looksLikePhone("+370 612 34567")).isTrue();
    }
}
