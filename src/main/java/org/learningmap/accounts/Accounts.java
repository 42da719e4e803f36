package org.learningmap.accounts;

import java.util.List;
import java.util.Optional;
import org.learningmap.platform.RuleViolation;
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
     * How to tell this person something: their e-mail address and phone number (either may be
     * missing), the language to write in and the channel they chose. Empty for an account that does
     * not exist, and for a person who asked for no messages at all.
     */
    public Optional<org.learningmap.platform.Notifications.Recipient> recipient(long accountId) {
        return repository.contact(accountId)
                .filter(contact -> !"NONE".equals(contact.channel()))
                .map(contact -> new org.learningmap.platform.Notifications.Recipient(contact.email(), contact.phone(), contact.language(),
                        "SMS".equals(contact.channel()) ? org.learningmap.platform.Notifications.Channel.SMS
                                : org.learningmap.platform.Notifications.Channel.EMAIL));
    }

    /**
     * The person's summary, {@link #recipient} and {@link #mayKeepPersonalData} from one query; empty for an account
     * that does not exist.
     */
    public Optional<Addressee> addressee(long accountId) {
        return repository.addressee(accountId).map(row -> new Addressee(row.summary(),
                "NONE".equals(row.channel()) ? null
                        : new org.learningmap.platform.Notifications.Recipient(row.summary().email(), row.phone(), row.summary().preferredLanguage(),
                        "SMS".equals(row.channel()) ? org.learningmap.platform.Notifications.Channel.SMS
                                : org.learningmap.platform.Notifications.Channel.EMAIL),
                !row.guardianRequired() || row.guardianConsented()));
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

    /**
     * Whether a guardian's consent for this person is recorded and not withdrawn, whatever the
     * site's age of digital consent (a programme may ask it of everyone under 18).
     */
    public boolean guardianConsented(long accountId) {
        return consents.guardianConsented(accountId);
    }

    /** The year of birth the person gave, if they gave one. */
    public Optional<Integer> yearOfBirth(long accountId) {
        return repository.yearOfBirth(accountId);
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

    /** The coordinators of a site, by name. */
    public List<AccountSummary> coordinatorsOf(long siteId) {
        return repository.coordinatorsOf(siteId);
    }

    /**
     * Makes the account with this e-mail address a coordinator of the site; only a platform
     * administrator may. Fails with "accounts.coordinator.no-account" when no account has the address.
     * The person's new right applies from their next sign-in.
     */
    public AccountSummary grantCoordinator(String email, long siteId) {
        requirePlatformAdmin();
        AccountSummary person = byEmail(email).orElseThrow(() -> new RuleViolation("accounts.coordinator.no-account"));
        repository.grantCoordinator(person.id(), siteId);
        return person;
    }

    /** Takes the coordinator role of the site from the account; only a platform administrator may. */
    public void revokeCoordinator(long accountId, long siteId) {
        requirePlatformAdmin();
        repository.revokeCoordinator(accountId, siteId);
    }

    private static void requirePlatformAdmin() {
        if (!CurrentAccount.get().map(CurrentAccount::platformAdmin).orElse(false)) {
            throw RuleViolation.forbidden();
        }
    }
}
