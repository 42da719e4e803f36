package org.learningmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRuleTest {

    @Test
    void tenCharactersOrMoreAreEnough() {
        assertThat(PasswordRule.check("correct horse", "ona@example.net")).isEmpty();
        assertThat(PasswordRule.check("meadowlark", "ona@example.net")).isEmpty();
    }

    @Test
    void fewerThanTenCharactersAreTooShortCountingLettersNotBytes() {
        assertThat(PasswordRule.check("abcdefghi", "ona@example.net")).hasValue("password.too-short");
        assertThat(PasswordRule.check(null, "ona@example.net")).hasValue("password.too-short");
        // Nine Ukrainian letters are eighteen bytes, still nine characters.
        assertThat(PasswordRule.check("пароліїєґ", "ona@example.net")).hasValue("password.too-short");
        assertThat(PasswordRule.check("пароліїєґа", "ona@example.net")).isEmpty();
    }

    @Test
    void moreThanBcryptReadsIsRefusedRatherThanCutShort() {
        assertThat(PasswordRule.check("a".repeat(36) + "b".repeat(36), "ona@example.net")).isEmpty();
        assertThat(PasswordRule.check("a".repeat(36) + "b".repeat(37), "ona@example.net")).hasValue("password.too-long");
        assertThat(PasswordRule.check("ж".repeat(37), "ona@example.net")).hasValue("password.too-long");
    }

    @Test
    void theEmailAddressAndOneRepeatedCharacterAreRefused() {
        assertThat(PasswordRule.check("Ona@Example.net", "ona@example.net")).hasValue("password.same-as-email");
        assertThat(PasswordRule.check("aaaaaaaaaaaa", "ona@example.net")).hasValue("password.one-character");
    }

    @Test
    void aPasswordThatTopsTheBreachedListsIsRefused() {
        assertThat(PasswordRule.check("1234567890", "ona@example.net")).hasValue("security.password.common");
        assertThat(PasswordRule.check("Password123", "ona@example.net")).hasValue("security.password.common");
        assertThat(PasswordRule.check("qwerty uiop", "ona@example.net")).hasValue("security.password.common");
        assertThat(PasswordRule.check("Slaptažodis", "ona@example.net")).hasValue("security.password.common");
        assertThat(PasswordRule.check("пароль12345", "ona@example.net")).hasValue("security.password.common");
        assertThat(PasswordRule.check("Password123 meadow", "ona@example.net")).isEmpty();
    }
}
