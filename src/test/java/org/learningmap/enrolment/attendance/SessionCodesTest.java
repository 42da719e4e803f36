package org.learningmap.enrolment.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.learningmap.platform.RuleViolation;
import org.springframework.http.HttpStatus;

/** The session's check-in code: valid for a few minutes, tied to its session, impossible to make up. */
class SessionCodesTest {

    static final String KEY = "a-test-key-that-is-long-enough-for-hmac";
    static final Instant NINE = Instant.parse("2026-12-05T09:00:10Z");

    static SessionCodes at(Instant now, String key) {
        return new SessionCodes(key, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aFreshCodeLeadsToItsSession() {
        String code = at(NINE, KEY).current(4711);
        assertThat(at(NINE, KEY).sessionOf(code)).isEqualTo(4711);
        assertThat(at(NINE, KEY).sessionOf(code.toUpperCase())).as("letter case does not matter").isEqualTo(4711);
    }

    @Test
    void aCodeStillWorksTwoMinutesLaterButNotFourMinutesLater() {
        String code = at(NINE, KEY).current(4711);
        assertThat(at(NINE.plus(Duration.ofMinutes(2)), KEY).sessionOf(code)).isEqualTo(4711);
        assertThatThrownBy(() -> at(NINE.plus(Duration.ofMinutes(4)), KEY).sessionOf(code))
                .isInstanceOfSatisfying(RuleViolation.class, rule -> {
                    assertThat(rule.reason()).isEqualTo(SessionCodes.EXPIRED);
                    assertThat(rule.status()).isEqualTo(HttpStatus.GONE);
                });
    }

    @Test
    void aChangedSessionNumberOrSignatureIsRefusedAsForged() {
        String code = at(NINE, KEY).current(4711);
        String[] parts = code.split("-");
        String otherSession = Long.toString(4712, 36) + "-" + parts[1] + "-" + parts[2];
        assertInvalid(otherSession);
        String flipped = parts[0] + "-" + parts[1] + "-" + (parts[2].charAt(0) == 'a' ? 'b' : 'a') + parts[2].substring(1);
        assertInvalid(flipped);
        assertInvalid("not-a-code");
        assertInvalid("");
        assertInvalid(null);
    }

    @Test
    void aCodeSignedWithAnotherKeyIsRefused() {
        String code = at(NINE, "another-key-of-another-installation").current(4711);
        assertInvalid(code);
    }

    @Test
    void aCodeFromTheFutureIsRefused() {
        String code = at(NINE.plus(Duration.ofMinutes(10)), KEY).current(4711);
        assertInvalid(code);
    }

    private static void assertInvalid(String code) {
        assertThatThrownBy(() -> at(NINE, KEY).sessionOf(code))
                .isInstanceOfSatisfying(RuleViolation.class, rule -> assertThat(rule.reason()).isEqualTo(SessionCodes.INVALID));
    }
}
