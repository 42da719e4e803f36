package org.learningmap.accounts;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.validation.Errors;

/** What a person types to create an account. */
record SignUpForm(String displayName, String email, String password, String language, String next) {

    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    SignUpForm {
        displayName = displayName == null ? "" : displayName.strip();
        email = email == null ? "" : email.strip();
        password = password == null ? "" : password;
        language = language == null ? "" : language;
    }

    /** Checks every field and notes a translated reason for each one that is wrong. */
    void validate(Errors errors, List<String> languages) {
        validateName(displayName, "displayName", errors);
        validateEmail(email, "email", errors);
        PasswordRule.check(password, email).ifPresent(reason -> errors.rejectValue("password", reason));
        if (!languages.contains(language)) {
            errors.rejectValue("language", "validation.choose");
        }
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
