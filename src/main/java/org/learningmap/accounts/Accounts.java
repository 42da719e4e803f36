package org.learningmap.accounts;

import java.util.Optional;
import org.springframework.stereotype.Service;

/** What other modules may ask about people. */
@Service
public class Accounts {

    static final String FALLBACK_LANGUAGE = "en";

    private final AccountRepository repository;

    Accounts(AccountRepository repository) {
        this.repository = repository;
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
