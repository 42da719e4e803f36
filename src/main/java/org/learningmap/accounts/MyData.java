package org.learningmap.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningmap.platform.HttpSessions;
import org.learningmap.platform.Outbox;
import org.learningmap.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own data: all of it, gathered from this module and from every
 * {@link PersonalDataContributor}, and the deletion of the account with everything that names them.
 */
@Service
class MyData {

    static final String WRONG_CONFIRMATION = "delete.wrong-confirmation";
    static final String STILL_NEEDED = "delete.still-needed";

    record AccountPart(long id, String displayName, String email, String phone, Integer yearOfBirth,
                       List<String> languages, String notificationChannel, boolean guardianRequired, Instant createdAt,
                       Instant claimedAt) {
    }

    record DelegationPart(long id, String direction, String otherPerson, Instant grantedAt, Instant validUntil,
                          Instant revokedAt) {
    }

    record LogPart(Instant at, String actor, String action, String detail) {
    }

    record TokenPart(String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    private final JdbcClient jdbc;
    private final Profiles profiles;
    private final Consents consents;
    private final List<PersonalDataContributor> contributors;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private Outbox outbox;
    private HttpSessions sessions;

    MyData(JdbcClient jdbc, Profiles profiles, Consents consents, List<PersonalDataContributor> contributors,
           PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.consents = consents;
        this.contributors = contributors;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /** The messages and the signed-in sessions of the person, forgotten with the account (absent in some unit tests). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void forgetAlso(Outbox outbox, HttpSessions sessions) {
        this.outbox = outbox;
        this.sessions = sessions;
    }

    /** Everything kept about the person, section by section, in a stable order. */
    @Transactional(readOnly = true)
    Map<String, Object> export(long accountId) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("exportedAt", clock.instant());
        all.put("account", account(accountId));
        all.put("consents", consents.list(accountId));
        all.put("trustedPeople", delegations(accountId));
        all.put("actionsOnMyBehalf", jdbc.sql("SELECT at, actor_name, action, detail FROM delegation_log WHERE person_id = ? ORDER BY at DESC, id DESC")
                .param(accountId)
                .query((rs, n) -> new LogPart(rs.getTimestamp("at").toInstant(), rs.getString("actor_name"), rs.getString("action"),
                        rs.getString("detail")))
                .list());
        all.put("actionsForOthers", jdbc.sql("""
                        SELECT l.at, p.display_name, l.action, l.detail FROM delegation_log l JOIN account p ON p.id = l.person_id
                        WHERE l.actor_id = ? ORDER BY l.at DESC, l.id DESC""")
                .param(accountId)
                .query((rs, n) -> new LogPart(rs.getTimestamp("at").toInstant(), rs.getString("display_name"), rs.getString("action"),
                        rs.getString("detail")))
                .list());
        all.put("apiTokens", jdbc.sql("SELECT name, created_at, last_used_at, revoked_at FROM api_token WHERE account_id = ? ORDER BY id")
                .param(accountId)
                .query((rs, n) -> new TokenPart(rs.getString("name"), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
                .list());
        for (PersonalDataContributor contributor : contributors) {
            all.put(contributor.section(), contributor.export(accountId));
        }
        return all;
    }

    private AccountPart account(long accountId) {
        Profiles.Profile profile = profiles.of(accountId);
        return jdbc.sql("SELECT created_at, claimed_at FROM account WHERE id = ?")
                .param(accountId)
                .query((rs, n) -> new AccountPart(profile.id(), profile.displayName(), profile.email(), profile.phone(),
                        profile.yearOfBirth(), profile.languages(), profile.channel().name(), profile.guardianRequired(),
                        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("claimed_at"))))
                .single();
    }

    private List<DelegationPart> delegations(long accountId) {
        return jdbc.sql("""
                        SELECT d.id, CASE WHEN d.person_id = :me THEN 'I_TRUST' ELSE 'TRUSTS_ME' END AS direction,
                               o.display_name AS other, d.granted_at, d.valid_until, d.revoked_at
                        FROM delegation d
                        JOIN account o ON o.id = CASE WHEN d.person_id = :me THEN d.trusted_id ELSE d.person_id END
                        WHERE d.person_id = :me OR d.trusted_id = :me
                        ORDER BY d.granted_at DESC, d.id DESC
                        """)
                .param("me", accountId)
                .query((rs, n) -> new DelegationPart(rs.getLong("id"), rs.getString("direction"), rs.getString("other"),
                        instant(rs.getTimestamp("granted_at")), instant(rs.getTimestamp("valid_until")),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    /** Whether the account has a password, so deletion is confirmed with it rather than a typed word. */
    boolean hasPassword(long accountId) {
        return profiles.of(accountId).hasPassword();
    }

    /**
     * Deletes the account after the person confirmed with their password (or, for an account
     * without one, by typing the confirmation word). Every module forgets the person first; the
     * row's own cascade removes consents, trusted people, codes and tokens.
     *
     * @throws RuleViolation {@value #WRONG_CONFIRMATION} (400) for a wrong password or word;
     *                       {@value #STILL_NEEDED} when records that must be kept still point to the account
     */
    @Transactional
    void delete(long accountId, String confirmation, String confirmationWord) {
        String hash = jdbc.sql("SELECT coalesce(password_hash, '') FROM account WHERE id = ?")
                .param(accountId)
                .query(String.class)
                .optional()
                .orElseThrow(RuleViolation::notFound);
        boolean confirmed = !hash.isEmpty()
                ? confirmation != null && !confirmation.isEmpty() && passwords.matches(confirmation, hash)
                : confirmation != null && confirmation.strip().equalsIgnoreCase(confirmationWord);
        if (!confirmed) {
            throw RuleViolation.badRequest(WRONG_CONFIRMATION);
        }
        forget(accountId);
    }

    /**
     * Deletes the account without asking: every module forgets the person, then their messages and
     * sessions go, then the row. The one path for a person's own deletion and for the site's retention rules.
     *
     * @throws RuleViolation {@value #STILL_NEEDED} when records that must be kept still point to the account
     */
    @Transactional
    void forget(long accountId) {
        Profiles.Profile profile = profiles.of(accountId);
        for (PersonalDataContributor contributor : contributors) {
            contributor.forget(accountId);
        }
        jdbc.sql("UPDATE delegation_log SET actor_name = '—' WHERE actor_id = ?").param(accountId).update();
        if (outbox != null) {
            outbox.forget(profile.email(), profile.phone(), profile.displayName());
        }
        if (sessions != null) {
            sessions.endAllOf(profile.email());
        }
        try {
            jdbc.sql("DELETE FROM account WHERE id = ?").param(accountId).update();
        } catch (DataIntegrityViolationException stillReferenced) {
            throw new RuleViolation(STILL_NEEDED);
        }
        events.publishEvent(new AccountDeleted(accountId, clock.instant()));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
