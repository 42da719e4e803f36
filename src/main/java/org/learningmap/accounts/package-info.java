/**
 * People and their sign-in: accounts, passwords (hashed), sign-in throttling, password reset by
 * e-mail, personal API tokens, platform administrators and site coordinators.
 * {@link org.learningmap.accounts.CurrentAccount} is who is signed in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.learningmap.accounts;
