package org.learningmap.accounts;

import org.learningmap.platform.Notifications;

/**
 * What a module needs, in one read, to act for a person and tell them about it: who they are, how to
 * reach them ({@code recipient}: {@code null} for a person who asked for no messages at all) and
 * whether personal data beyond the act itself may be kept for them (see {@link Accounts#mayKeepPersonalData}).
 */
public record Addressee(AccountSummary account, Notifications.Recipient recipient, boolean mayKeepPersonalData) {
}
