package org.learningmap.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What makes a password acceptable, said in one sentence on every form: at least 10 characters,
 * and not the e-mail address. Length beats character-class rules: a few unrelated words are both
 * strong and memorable. bcrypt reads only the first 72 bytes, so longer passwords are refused
 * rather than silently shortened.
 */
final class PasswordRule {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;

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
        return Optional.empty();
    }
}
