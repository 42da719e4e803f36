package org.learningmap.organisations;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.springframework.stereotype.Component;

/** Looks people up by id or e-mail for staff lists, invitations and decision e-mails, through the accounts module. */
@Component
class AccountDirectory {

    /** Where and how to reach a person. */
    record AccountContact(long id, String email, String displayName, String preferredLanguage) {
    }

    private final Accounts accounts;

    AccountDirectory(Accounts accounts) {
        this.accounts = accounts;
    }

    Optional<AccountContact> contactOf(long accountId) {
        return accounts.byId(accountId).map(AccountDirectory::contact);
    }

    Optional<AccountContact> findByEmail(String email) {
        return accounts.byEmail(email).map(AccountDirectory::contact);
    }

    Map<Long, AccountContact> contactsOf(Collection<Long> accountIds) {
        Map<Long, AccountContact> contacts = new LinkedHashMap<>();
        for (Long id : accountIds) {
            contactOf(id).ifPresent(contact -> contacts.put(id, contact));
        }
        return contacts;
    }

    private static AccountContact contact(AccountSummary account) {
        return new AccountContact(account.id(), account.email(), account.displayName(), account.preferredLanguage());
    }
}
