package org.learningmap.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Optional;
import org.learningmap.platform.Outbox;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What follows a new password, whoever set it (the person on their account page, or a reset link): every other
 * signed-in session of the account ends, on every node (ASVS 3.3.3), and the person gets an e-mail saying so with
 * a link to choose another password if it was not them (ASVS 2.2.3). The session that made the change stays.
 */
@Component
class PasswordChanges {

    private final AccountRepository accounts;
    private final Outbox outbox;
    private final MessageSource messages;
    private final LinkBase linkBase;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    PasswordChanges(AccountRepository accounts, Outbox outbox, MessageSource messages, LinkBase linkBase,
                    ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.messages = messages;
        this.linkBase = linkBase;
        this.sessions = sessions;
    }

    void changed(long accountId) {
        Optional<AccountSummary> account = accounts.summaryById(accountId);
        if (account.isEmpty() || account.get().email() == null || account.get().email().isBlank()) {
            return;
        }
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
        endOtherSessions(account.get().email(), request);
        if (request != null) {
            tell(account.get(), request);
        }
    }

    private void endOtherSessions(String principalName, HttpServletRequest request) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository == null) {
            return; // sessions are the servlet container's (a single node in tests): nothing shared to end
        }
        HttpSession current = request == null ? null : request.getSession(false);
        String keep = current == null ? null : current.getId();
        for (String id : repository.findByPrincipalName(principalName).keySet()) {
            if (!id.equals(keep)) {
                repository.deleteById(id);
            }
        }
    }

    private void tell(AccountSummary account, HttpServletRequest request) {
        Site site = Sites.current();
        Locale language = Locale.forLanguageTag(account.preferredLanguage() == null ? "en" : account.preferredLanguage());
        String siteName = site.name().in(language.getLanguage());
        String link = linkBase.of(request, site) + "/password-reset";
        outbox.enqueue(account.email(),
                messages.getMessage("security.password-changed.mail.subject", new Object[] {siteName}, language),
                messages.getMessage("security.password-changed.mail.body", new Object[] {account.displayName(), siteName, link}, language));
    }
}
