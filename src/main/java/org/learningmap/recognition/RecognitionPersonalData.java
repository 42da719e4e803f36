package org.learningmap.recognition;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.accounts.PersonalDataContributor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's awards, for the export of their data. When the account is deleted each award loses
 * everything that names the person (account, address, name, narrative, evidence) and is revoked, so
 * a credential already shared verifies as revoked and no longer points to anyone; the rows stay
 * because their positions in the status lists and the credentials of other modules refer to them.
 */
@Component
class RecognitionPersonalData implements PersonalDataContributor {

    static final String FORGOTTEN_REASON = "The holder deleted their account.";

    record AwardPart(String badge, String issuedBy, AwardPath path, String recipientEmail, String recipientName, String narrative,
                     String evidenceUrl, Instant issuedAt, Instant expiresAt, Instant revokedAt, String revocationReason,
                     String credentialId) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Recognition recognition;
    private final org.learningmap.organisations.Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecognitionPersonalData(JdbcClient jdbc, Accounts accounts, Recognition recognition,
                            org.learningmap.organisations.Organisations organisations, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.recognition = recognition;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "awards";
    }

    @Override
    public Object export(long accountId) {
        List<Award> awards = recognition.awardsOf(accountId);
        return awards.stream().map(a -> new AwardPart(
                recognition.badge(a.badgeId()).map(b -> b.name().in(a.language())).orElse(""),
                organisations.nameOf(a.organisationId()).map(n -> n.in(a.language())).orElse(""),
                a.path(), a.recipientEmail(), a.recipientName(), a.narrative(), a.evidenceUrl(), a.issuedAt(), a.expiresAt(),
                a.revokedAt(), a.revocationReason(), a.publicId().toString())).toList();
    }

    @Override
    public void forget(long accountId) {
        String email = accounts.byId(accountId).map(AccountSummary::email).orElse(null);
        Instant now = clock.instant();
        List<AwardRevoked> revoked = jdbc.sql("""
                        WITH target AS (
                             SELECT id, revoked_at IS NULL AS was_valid FROM award
                              WHERE account_id = :account OR (account_id IS NULL AND lower(recipient_email) = lower(:email))
                              FOR UPDATE)
                        UPDATE award a SET account_id = NULL, recipient_email = NULL, recipient_name = NULL, narrative = NULL,
                               evidence_url = NULL, idempotency_key = NULL, forgotten = true,
                               revoked_at = coalesce(a.revoked_at, :now), revocation_reason = coalesce(a.revocation_reason, :reason)
                          FROM target t WHERE a.id = t.id
                        RETURNING a.id, a.badge_id, a.site_id, a.organisation_id, t.was_valid AS newly
                        """)
                .param("now", Timestamp.from(now)).param("reason", FORGOTTEN_REASON).param("account", accountId)
                .param("email", email == null ? "" : email)
                .query((rs, n) -> rs.getBoolean("newly") ? new AwardRevoked(rs.getLong("id"), rs.getLong("badge_id"), rs.getLong("site_id"),
                        rs.getLong("organisation_id"), null, FORGOTTEN_REASON, now) : null)
                .list();
        revoked.stream().filter(java.util.Objects::nonNull).forEach(events::publishEvent);
    }
}
