/**
 * People and their sign-in: accounts, passwords (bcrypt), sign-in throttling per account and per
 * address, password reset by e-mail, the account page, personal API tokens, platform
 * administrators and site coordinators. {@link org.learningmap.accounts.CurrentAccount} is who is
 * signed in; {@link org.learningmap.accounts.Accounts} answers other modules' questions about people.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.learningmap.accounts;
