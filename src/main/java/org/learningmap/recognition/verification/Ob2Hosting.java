package org.learningmap.recognition.verification;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.organisations.Organisations;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.Recognition;
import org.learningmap.platform.Json;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Open Badges 2.0 documents of the platform's awards, badges and issuers, read fresh from the
 * recognition records on every request (a revocation shows at once), and their baked pictures.
 */
@Component
class Ob2Hosting {

    /** An award's hosted assertion: the document, or the revocation notice when revoked. */
    record Hosted(Award award, Map<String, Object> document, boolean revoked) {
    }

    private final Recognition recognition;
    private final Accounts accounts;
    private final Organisations organisations;
    private final Ob2Documents documents;
    private final String fallbackEmail;

    Ob2Hosting(Recognition recognition, Accounts accounts, Organisations organisations,
               @Value("${learningmap.base-url}") String baseUrl,
               @Value("${learningmap.mail.from:no-reply@learningmap.local}") String fallbackEmail) {
        this.recognition = recognition;
        this.accounts = accounts;
        this.organisations = organisations;
        this.documents = new Ob2Documents(baseUrl);
        this.fallbackEmail = fallbackEmail;
    }

    Ob2Documents documents() {
        return documents;
    }

    Optional<Hosted> assertion(UUID publicId) {
        return recognition.award(publicId).map(award -> award.revoked()
                ? new Hosted(award, documents.revoked(award), true)
                : new Hosted(award, documents.assertion(award, recipientEmail(award)), false));
    }

    Optional<Map<String, Object>> badgeClass(long badgeId, String language) {
        return recognition.badge(badgeId).map(badge -> documents.badgeClass(badge, language));
    }

    Optional<Map<String, Object>> issuer(long organisationId, String language) {
        return issuerFacts(organisationId, language).map(documents::issuer);
    }

    Optional<Ob2Documents.Issuer> issuerFacts(long organisationId, String language) {
        return organisations.facts(organisationId).map(facts -> new Ob2Documents.Issuer(organisationId, facts.name().in(language),
                facts.website() != null && facts.website().matches("(?i)https?://\\S+") ? facts.website()
                        : documents.base() + "/issuers/" + organisationId,
                facts.email() != null && !facts.email().isBlank() ? facts.email() : fallbackEmail,
                facts.description() == null ? null : facts.description().in(language)));
    }

    Optional<Badge> badge(long badgeId) {
        return recognition.badge(badgeId);
    }

    /** The recipient's e-mail address: the one the award was made to, else their account's. */
    String recipientEmail(Award award) {
        if (award.recipientEmail() != null && !award.recipientEmail().isBlank()) {
            return award.recipientEmail();
        }
        if (award.accountId() != null) {
            return accounts.byId(award.accountId()).map(AccountSummary::email).orElse(null);
        }
        return null;
    }

    /** The award's assertion JSON as baked (only for an award not revoked). */
    String assertionJson(Hosted hosted) {
        return Json.write(hosted.document());
    }
}
