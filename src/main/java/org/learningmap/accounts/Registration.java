package org.learningmap.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating an account: one per e-mail address and one per phone number (kept in E.164), the
 * password kept only as a bcrypt hash. A person below the site's age of digital consent gets an
 * account marked as waiting for a guardian, with nothing kept beyond what sign-up needs.
 */
@Service
class Registration {

    static final String EMAIL_TAKEN = "sign-up.email-taken";
    static final String PHONE_TAKEN = "sign-up.phone-taken";

    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Minors minors;
    private final Clock clock;

    Registration(AccountRepository accounts, JdbcClient jdbc, PasswordEncoder passwords, Minors minors, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.minors = minors;
        this.clock = clock;
    }

    /**
     * Creates the account of a valid form on the site and returns it as signed in.
     *
     * @throws RuleViolation {@value #EMAIL_TAKEN} or {@value #PHONE_TAKEN} when the address or
     *                       number already has an account
     */
    @Transactional
    CurrentAccount signUp(SignUpForm form, Site site) {
        String email = form.emailOrNull();
        String phone = form.phone().isBlank() ? null : PhoneNumbers.normalise(form.phone(), site.country()).orElseThrow();
        if (email != null && accounts.emailTaken(email)) {
            throw new RuleViolation(EMAIL_TAKEN);
        }
        if (phone != null && accounts.phoneTaken(phone)) {
            throw new RuleViolation(PHONE_TAKEN);
        }
        int year = form.year().orElseThrow();
        boolean guardian = minors.needsGuardian(year, site);
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO account (email, phone, password_hash, display_name, preferred_language, languages,
                                                 year_of_birth, notification_channel, site_id, guardian_required,
                                                 claimed_at, created_at)
                            VALUES (?, ?, ?, ?, ?, ARRAY[?]::text[], ?, ?, ?, ?, ?, ?)
                            RETURNING id
                            """)
                    .params(email, phone, passwords.encode(form.password()), form.displayName(), form.language(),
                            form.language(), year, email != null ? "EMAIL" : "SMS", site.id(), guardian,
                            Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException raced) {
            throw new RuleViolation(email != null && accounts.emailTaken(email) ? EMAIL_TAKEN : PHONE_TAKEN);
        }
        return accounts.findById(id, clock.instant()).orElseThrow();
    }
}
