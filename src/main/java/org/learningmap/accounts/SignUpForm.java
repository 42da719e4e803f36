package org.learningmap.accounts;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.validation.Errors;

/**
 * What a person types to create an account: a name, an e-mail address or a phone number (or both),
 * a password, a language and the year of birth (which tells whether a guardian must agree).
 */
record SignUpForm(String displayName, String email, String phone, String password, String language, String yearOfBirth,
                  String next) {

    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    private static final Pattern YEAR = Pattern.compile("^[0-9]{4}$");

    SignUpForm {
        displayName = displayName == null ? "" : displayName.strip();
        email = email == null ? "" : email.strip();
        phone = phone == null ? "" : phone.strip();
        password = password == null ? "" : password;
        language = language == null ? "" : language;
        yearOfBirth = yearOfBirth == null ? "" : yearOfBirth.strip();
    }

    /** Checks every field and notes a translated reason for each one that is wrong. */
    void validate(Errors errors, List<String> languages, String country, Minors minors) {
        validateName(displayName, "displayName", errors);
        if (email.isBlank() && phone.isBlank()) {
            errors.rejectValue("email", "sign-up.email-or-phone");
        } else {
            if (!email.isBlank()) {
                validateEmail(email, "email", errors);
            }
            if (!phone.isBlank() && PhoneNumbers.normalise(phone, country).isEmpty()) {
                errors.rejectValue("phone", "validation.phone");
            }
        }
        PasswordRule.check(password, email).ifPresent(reason -> errors.rejectValue("password", reason));
        if (!languages.contains(language)) {
            errors.rejectValue("language", "validation.choose");
        }
        if (year().filter(minors::plausibleYear).isEmpty()) {
            errors.rejectValue("yearOfBirth", "validation.year-of-birth");
        }
    }

    Optional<Integer> year() {
        return YEAR.matcher(yearOfBirth).matches() ? Optional.of(Integer.parseInt(yearOfBirth)) : Optional.empty();
    }

    String emailOrNull() {
        return email.isBlank() ? null : email;
    }

    static void validateName(String name, String field, Errors errors) {
        if (name.isBlank()) {
            errors.rejectValue(field, "validation.required");
        } else if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            errors.rejectValue(field, "account.name.invalid", new Object[] {MAX_NAME}, null);
        }
    }

    static void validateEmail(String email, String field, Errors errors) {
        if (email.isBlank()) {
            errors.rejectValue(field, "validation.required");
        } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            errors.rejectValue(field, "validation.email");
        }
    }
}
