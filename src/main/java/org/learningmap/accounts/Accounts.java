package org.learningmap.accounts;

import java.util.Optional;
import org.springframework.stereotype.Service;

/** What other modules may ask about people. */
@Service
public class Accounts {

    static final String FALLBACK_LANGUAGE = "en";

    /** The reason, as a message key, to give when {@link #mayKeepPersonalData} says no. */
    public static final String AWAITING_GUARDIAN = "account.awaiting-guardian";

    private final AccountRepository repository;
    private final Consents consents;

    Accounts(AccountRepository repository, Consents consents) {
        this.repository = repository;
        this.consents = consents;
    }

    /**
     * Whether personal data beyond the sign-up itself may be kept for this person: no for a minor
     * until a guardian's consent is recorded (then refuse with {@value #AWAITING_GUARDIAN}), and no
     * for an account that does not exist.
     */
    public boolean mayKeepPersonalData(long accountId) {
        Optional<Boolean> guardianRequired = repository.guardianRequired(accountId);
        if (guardianRequired.isEmpty()) {
            return false;
        }
        return !guardianRequired.get() || consents.guardianConsented(accountId);
    }

    public Optional<AccountSummary> byId(long id) {
        return repository.summaryById(id);
    }

    /** The account with this e-mail address, compared without regard to case. */
    public Optional<AccountSummary> byEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return repository.summaryByEmail(email.strip());
    }

    /** The language to write to this person in; English when the account no longer exists. */
    public String preferredLanguage(long id) {
        return repository.summaryById(id).map(AccountSummary::preferredLanguage).orElse(FALLBACK_LANGUAGE);
    }
}
