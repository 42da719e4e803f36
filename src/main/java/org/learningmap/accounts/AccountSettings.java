package org.learningmap.accounts;

import java.time.Clock;
import java.time.Duration;
import org.learningmap.platform.RuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** A person changing their own name, language and password. */
@Service
class AccountSettings {

    static final String WRONG_CURRENT_PASSWORD = "account.password.wrong-current";

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lock;
    private final PasswordChanges changes;

    AccountSettings(AccountRepository accounts, PasswordEncoder passwords, Clock clock,
                    @Value("${learningmap.sign-in.max-failures}") int maxFailures,
                    @Value("${learningmap.sign-in.lock-minutes}") int lockMinutes, PasswordChanges changes) {
        this.changes = changes;
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lock = Duration.ofMinutes(lockMinutes);
    }

    /** Returns the account as it now is. */
    CurrentAccount changeProfile(long accountId, String displayName, String language) {
        accounts.changeProfile(accountId, displayName, language);
        return accounts.findById(accountId, clock.instant()).orElseThrow();
    }

    /**
     * Sets a new password when the current one is given correctly. A wrong current password counts
     * as a failed sign-in, so an unattended open session cannot be used to guess it.
     *
     * @throws RuleViolation {@value #WRONG_CURRENT_PASSWORD} when the current password is wrong
     */
    void changePassword(long accountId, String currentPassword, String newPassword) {
        CurrentAccount account = accounts.findById(accountId, clock.instant()).orElseThrow(RuleViolation::notFound);
        if (currentPassword == null || currentPassword.isEmpty() || account.passwordHash() == null
                || !passwords.matches(currentPassword, account.passwordHash())) {
            accounts.recordFailedSignIn(account.email(), maxFailures, clock.instant().plus(lock));
            throw RuleViolation.badRequest(WRONG_CURRENT_PASSWORD);
        }
        accounts.changePassword(accountId, passwords.encode(newPassword));
        changes.changed(accountId);
    }
}
