package org.learningmap.accounts;

import java.time.Clock;
import org.learningmap.platform.RuleViolation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating an account: one per e-mail address, the password kept only as a bcrypt hash. */
@Service
class Registration {

    static final String EMAIL_TAKEN = "sign-up.email-taken";
    static final String PHONE_TAKEN = "sign-up.phone-taken";

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Registration(AccountRepository accounts, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Creates the account of a valid form and returns it as signed in.
     *
     * @throws RuleViolation {@value #EMAIL_TAKEN} when the e-mail address already has an account
     */
    @Transactional
    CurrentAccount signUp(SignUpForm form) {
        if (accounts.emailTaken(form.email())) {
            throw new RuleViolation(EMAIL_TAKEN);
        }
        long id;
        try {
            id = accounts.create(form.email(), passwords.encode(form.password()), form.displayName(), form.language(), clock.instant());
        } catch (DuplicateKeyException raced) {
            throw new RuleViolation(EMAIL_TAKEN);
        }
        return accounts.findById(id, clock.instant()).orElseThrow();
    }
}
