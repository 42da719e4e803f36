/**
 * People and their sign-in: accounts with an e-mail address or a phone number (E.164), passwords
 * (bcrypt), sign-in throttling per account and per address, password reset by e-mail, the account
 * and profile pages, personal API tokens, platform administrators and site coordinators.
 * Learners: accounts made at a desk and taken over with a claim code ({@link
 * org.learningmap.accounts.AssistedAccounts}), consent records ({@link
 * org.learningmap.accounts.Consents}), minors below the site's age of digital consent waiting for a
 * guardian ({@link org.learningmap.accounts.Accounts#mayKeepPersonalData}), export and deletion of
 * one's data (other modules implement {@link org.learningmap.accounts.PersonalDataContributor};
 * {@link org.learningmap.accounts.AccountDeleted} follows), and delegated access to bookings ({@link
 * org.learningmap.accounts.Delegations}). {@link org.learningmap.accounts.CurrentAccount} is who is
 * signed in; {@link org.learningmap.accounts.Accounts} answers other modules' questions about people.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.learningmap.accounts;
