package org.learningmap.organisations;

import java.util.Locale;
import org.learningmap.platform.Outbox;
import org.learningmap.shared.Languages;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Tells an organisation's owners the coordinator's decision, each in their own language. */
@Component
class DecisionMail {

    private final Outbox outbox;
    private final MessageSource messages;
    private final AccountDirectory accounts;
    private final StaffRepository staff;
    private final Sites sites;
    private final String baseUrl;

    DecisionMail(Outbox outbox, MessageSource messages, AccountDirectory accounts, StaffRepository staff, Sites sites,
                 @Value("${learningmap.base-url}") String baseUrl) {
        this.outbox = outbox;
        this.messages = messages;
        this.accounts = accounts;
        this.staff = staff;
        this.sites = sites;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    void send(Organisation organisation) {
        String siteSlug = sites.byId(organisation.siteId()).map(site -> site.slug()).orElse("");
        String link = baseUrl + "/" + siteSlug + "/staff/organisations/" + organisation.id();
        String outcome = organisation.isApproved() ? "approved" : "rejected";
        for (long owner : staff.ownersOf(organisation.id())) {
            accounts.contactOf(owner).filter(contact -> contact.email() != null).ifPresent(contact -> {
                Locale locale = Locale.forLanguageTag(Languages.isInterfaceLanguage(contact.preferredLanguage())
                        ? contact.preferredLanguage() : "en");
                String name = organisation.name().in(locale);
                String subject = messages.getMessage("organisation.mail." + outcome + ".subject", new Object[] {name}, locale);
                String body = messages.getMessage("organisation.mail." + outcome + ".body",
                        new Object[] {contact.displayName(), name, organisation.decisionReason() == null ? "" : organisation.decisionReason(),
                                link}, locale);
                outbox.enqueue(contact.email(), subject, body);
            });
        }
    }
}
