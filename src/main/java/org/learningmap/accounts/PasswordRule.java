package org.learningmap.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a password acceptable, said in one sentence on every form: at least 10 characters,
 * and not the e-mail address. Length beats character-class rules: a few unrelated words are both
 * strong and memorable. bcrypt reads only the first 72 bytes, so longer passwords are refused
 * rather than silently shortened.
 */
final class PasswordRule {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;
    static final String COMMON = "security.password.common";

    /**
     * Passwords of ten characters or more that appear near the top of every published list of breached passwords,
     * and their local favourites; compared without case and spaces. Not a breached-password service: a first line.
     */
    private static final Set<String> COMMON_PASSWORDS = Set.of(
            "1234567890", "0123456789", "0987654321", "9876543210", "12345678910", "123456789a", "a123456789",
            "1234567890a", "123456789012", "1234512345", "1122334455", "1212121212", "1q2w3e4r5t", "1q2w3e4r5t6y",
            "1qaz2wsx3edc", "zaq12wsxcde3", "qazwsxedc123", "qwertyuiop", "qwerty1234", "qwerty12345", "qwerty123456",
            "1234qwerty", "asdfghjkl1", "asdfghjkl123", "zxcvbnm123", "abcdefghij", "abc1234567", "abcd123456",
            "password12", "password123", "password1234", "passw0rd123", "p@ssword123", "p@ssw0rd123", "iloveyou12",
            "iloveyou123", "welcome123", "welcome1234", "letmein123", "football123", "baseball123", "princess123",
            "sunshine123", "superman123", "starwars123", "trustno1234", "monkey12345", "dragon12345", "administrator",
            "changeme123", "learningmap", "learningmap1", "learningmap123", "learningmap2026",
            "slaptazodis", "slaptažodis", "slaptazodis1", "slaptazodis123", "lietuva123", "lietuva1234", "labas12345",
            "йцукенгшщз", "пароль1234", "пароль12345", "україна123", "ukraina123", "ukraine123");

    /** True when the password is one of the most used ones. */
    static boolean common(String password) {
        return COMMON_PASSWORDS.contains(password.replace(" ", "").toLowerCase(Locale.ROOT));
    }

    private PasswordRule() {
    }

    /** The message key of the reason the password is refused, or empty when it is acceptable. */
    static Optional<String> check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("password.too-long");
        }
        if (email != null && password.strip().toLowerCase(Locale.ROOT).equals(email.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("password.same-as-email");
        }
        if (password.codePoints().distinct().count() == 1) {
            return Optional.of("password.one-character");
        }
        if (common(password)) {
            return Optional.of(COMMON);
        }
        return Optional.empty();
    }
}
