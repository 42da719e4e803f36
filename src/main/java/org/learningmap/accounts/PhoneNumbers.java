package org.learningmap.accounts;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers in the one form they are stored and compared in, E.164 ({@code +37061234567}). A
 * number may be typed with spaces, dashes, dots or brackets, with {@code 00} for {@code +}, or in
 * the national form of the site's country (Lithuania {@code 8 612 34567}, Ukraine {@code 067 123 4567}).
 */
final class PhoneNumbers {

    static final int MAX_TYPED = 40;
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()/]");

    /** A country's calling code, its national trunk prefix and the length of a national number after it. */
    private record Plan(String callingCode, String trunk, int nationalDigits) {
    }

    private static final Map<String, Plan> PLANS = Map.of(
            "LT", new Plan("370", "8", 8),
            "UA", new Plan("380", "0", 9),
            "LV", new Plan("371", "", 8),
            "EE", new Plan("372", "", 8),
            "PL", new Plan("48", "", 9));

    private PhoneNumbers() {
    }

    /** The number in E.164, or empty when it cannot be a phone number. */
    static Optional<String> normalise(String typed, String country) {
        if (typed == null || typed.isBlank() || typed.length() > MAX_TYPED) {
            return Optional.empty();
        }
        String number = SEPARATORS.matcher(typed.strip()).replaceAll("");
        if (number.startsWith("00")) {
            number = "+" + number.substring(2);
        }
        if (!number.startsWith("+")) {
            Plan plan = country == null ? null : PLANS.get(country.toUpperCase(java.util.Locale.ROOT));
            if (plan == null || !number.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            if (!plan.trunk().isEmpty() && number.startsWith(plan.trunk())
                    && number.length() == plan.trunk().length() + plan.nationalDigits()) {
                number = "+" + plan.callingCode() + number.substring(plan.trunk().length());
            } else if (number.length() == plan.nationalDigits()) {
                number = "+" + plan.callingCode() + number;
            } else if (number.startsWith(plan.callingCode())) {
                number = "+" + number;
            } else {
                return Optional.empty();
            }
        }
        return E164.matcher(number).matches() ? Optional.of(number) : Optional.empty();
    }

    /** Whether what a person typed looks like a phone number rather than an e-mail address or a name. */
    static boolean looksLikePhone(String typed) {
        return typed != null && !typed.contains("@") && typed.chars().filter(Character::isDigit).count() >= 6
                && typed.chars().noneMatch(Character::isLetter);
    }

    /** The number with all but its last three digits hidden, for lists seen over a shoulder. */
    static String masked(String e164) {
        if (e164 == null || e164.length() < 6) {
            return null;
        }
        return e164.substring(0, Math.min(4, e164.length() - 3)) + " … " + e164.substring(e164.length() - 3);
    }
}
