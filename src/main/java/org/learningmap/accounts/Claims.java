package org.learningmap.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import org.learningmap.platform.RuleViolation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person made at a desk takes over their account with the code on their card, adding an e-mail
 * address or a phone number and a password. The code is used up only when the account is theirs:
 * a taken address leaves it unused.
 */
@Service
class Claims {

    static final String INVALID_CODE = "claim.invalid-code";

    private final JdbcClient jdbc;
    private final ClaimCodes codes;
    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Claims(JdbcClient jdbc, ClaimCodes codes, AccountRepository accounts, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * @param email an e-mail address or {@code null}
     * @param phone a phone number in E.164 or {@code null}; at least one of the two is given
     * @throws RuleViolation {@value #INVALID_CODE} (410) for an unknown, used or expired code;
     *                       {@code sign-up.email-taken} or {@code sign-up.phone-taken} when taken
     */
    @Transactional
    CurrentAccount claim(String code, String email, String phone, String password) {
        long id = codes.use(code).orElseThrow(() -> new RuleViolation(HttpStatus.GONE, INVALID_CODE));
        if (email != null && accounts.emailTaken(email)) {
            throw new RuleViolation(Registration.EMAIL_TAKEN);
        }
        if (phone != null && accounts.phoneTaken(phone)) {
            throw new RuleViolation(Registration.PHONE_TAKEN);
        }
        try {
            jdbc.sql("""
                            UPDATE account
                            SET email = coalesce(CAST(? AS text), email), phone = coalesce(CAST(? AS text), phone), password_hash = ?, claimed_at = ?,
                                notification_channel = CASE WHEN CAST(? AS text) IS NOT NULL THEN 'EMAIL' ELSE notification_channel END
                            WHERE id = ?
                            """)
                    .params(email, phone, passwords.encode(password), Timestamp.from(clock.instant()), email, id)
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new RuleViolation(email != null ? Registration.EMAIL_TAKEN : Registration.PHONE_TAKEN);
        }
        return accounts.findById(id, clock.instant()).orElseThrow();
    }
}
