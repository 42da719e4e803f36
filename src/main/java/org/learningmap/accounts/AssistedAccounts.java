package org.learningmap.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts made for people at a desk: finding a person, creating one with only a name, a year of
 * birth, a language and perhaps a phone, and the claim code with which they later take the account
 * over online. Callers check that the staff account may work at the desk of the site; this module
 * keeps every search and every account within that site.
 */
@Service
public class AssistedAccounts {

    public static final int MAX_RESULTS = 20;
    static final String PHONE_TAKEN = "assisted.phone-taken";
    static final String PHONE_INVALID = "validation.phone";
    static final String NAME_INVALID = "assisted.name-invalid";
    static final String YEAR_INVALID = "validation.year-of-birth";
    static final String LANGUAGE_INVALID = "assisted.language-invalid";
    static final String ALREADY_CLAIMED = "assisted.already-claimed";

    private final JdbcClient jdbc;
    private final Sites sites;
    private final ClaimCodes claimCodes;
    private final Minors minors;
    private final Clock clock;

    AssistedAccounts(JdbcClient jdbc, Sites sites, ClaimCodes claimCodes, Minors minors, Clock clock) {
        this.jdbc = jdbc;
        this.sites = sites;
        this.claimCodes = claimCodes;
        this.minors = minors;
        this.clock = clock;
    }

    /**
     * People of the site whose name resembles what was typed (ignoring case and accents, allowing
     * typos), or whose phone number or e-mail address it is; at most {@code limit} (capped at
     * {@value #MAX_RESULTS}), best first. A year of birth, if given, narrows the search.
     */
    public List<PersonMatch> find(long siteId, String typed, Integer yearOfBirth, int limit) {
        String query = typed == null ? "" : typed.strip();
        if (query.isEmpty() && yearOfBirth == null || query.length() > 200) {
            return List.of();
        }
        int max = Math.clamp(limit, 1, MAX_RESULTS);
        Site site = sites.byId(siteId).orElseThrow(RuleViolation::notFound);
        String phone = PhoneNumbers.looksLikePhone(query) ? PhoneNumbers.normalise(query, site.country()).orElse("") : "";
        String email = query.contains("@") ? query : "";
        return jdbc.sql("""
                        SELECT id, display_name, year_of_birth, preferred_language, phone, email,
                               (password_hash IS NOT NULL) AS claimed
                        FROM account
                        WHERE site_id = :site AND enabled
                          AND (CAST(:year AS int) IS NULL OR year_of_birth = CAST(:year AS int))
                          AND (:query = ''
                               OR (:phone <> '' AND phone = :phone)
                               OR (:email <> '' AND lower(email) = lower(:email))
                               OR (:email = '' AND :phone = ''
                                   AND (lm_unaccent(lower(display_name)) LIKE '%' || lm_unaccent(lower(:like)) || '%'
                                        OR lm_unaccent(lower(display_name)) % lm_unaccent(lower(:query)))))
                        ORDER BY (lm_unaccent(lower(display_name)) = lm_unaccent(lower(:query))) DESC,
                                 similarity(lm_unaccent(lower(display_name)), lm_unaccent(lower(:query))) DESC,
                                 display_name, id
                        LIMIT :limit
                        """)
                .param("site", siteId)
                .param("year", yearOfBirth)
                .param("query", query)
                .param("like", query.replace("\\", "").replace("%", "").replace("_", ""))
                .param("phone", phone)
                .param("email", email)
                .param("limit", max)
                .query(AssistedAccounts::match)
                .list();
    }

    /**
     * Creates the person's account on the site, made by the staff account, and a claim code for
     * their card. A person below the site's age of digital consent is marked as needing a
     * guardian's consent (which staff record with {@link Consents}).
     *
     * @throws RuleViolation {@value #PHONE_TAKEN} when another account has the phone number, or a
     *                       {@code validation.*} / {@code assisted.*} reason (400) for bad input
     */
    @Transactional
    public AssistedAccount create(long staffAccountId, long siteId, NewPerson person) {
        Site site = sites.byId(siteId).orElseThrow(RuleViolation::notFound);
        String name = person.displayName() == null ? "" : person.displayName().strip();
        if (name.isEmpty() || name.length() > SignUpForm.MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw RuleViolation.badRequest(NAME_INVALID, SignUpForm.MAX_NAME);
        }
        if (!minors.plausibleYear(person.yearOfBirth())) {
            throw RuleViolation.badRequest(YEAR_INVALID);
        }
        if (person.language() == null || !site.speaks(person.language())) {
            throw RuleViolation.badRequest(LANGUAGE_INVALID);
        }
        String phone = null;
        if (person.phone() != null && !person.phone().isBlank()) {
            phone = PhoneNumbers.normalise(person.phone(), site.country())
                    .orElseThrow(() -> RuleViolation.badRequest(PHONE_INVALID));
        }
        boolean guardian = minors.needsGuardian(person.yearOfBirth(), site);
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO account (display_name, preferred_language, languages, phone, year_of_birth,
                                                 notification_channel, site_id, created_by, guardian_required, created_at)
                            VALUES (?, ?, ARRAY[?]::text[], ?, ?, ?, ?, ?, ?, ?)
                            RETURNING id
                            """)
                    .params(name, person.language(), person.language(), phone, person.yearOfBirth(),
                            phone == null ? "NONE" : "SMS", siteId, staffAccountId, guardian, Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException taken) {
            throw new RuleViolation(PHONE_TAKEN);
        }
        return new AssistedAccount(id, claimCodes.issue(id, siteId, staffAccountId), guardian);
    }

    /**
     * A new claim code for a person of the site who has not yet taken over their account, e.g. for
     * a lost card; earlier codes stop working.
     *
     * @throws RuleViolation {@value #ALREADY_CLAIMED} when the person already has a password
     */
    @Transactional
    public ClaimCode newClaimCode(long staffAccountId, long siteId, long accountId) {
        Optional<Boolean> claimed = jdbc.sql("SELECT password_hash IS NOT NULL FROM account WHERE id = ? AND site_id = ?")
                .params(accountId, siteId)
                .query(Boolean.class)
                .optional();
        if (claimed.isEmpty()) {
            throw RuleViolation.notFound();
        }
        if (claimed.get()) {
            throw new RuleViolation(ALREADY_CLAIMED);
        }
        return claimCodes.issue(accountId, siteId, staffAccountId);
    }

    /**
     * Whether the person has a claim code that still works, so a card printed again need not end it;
     * with {@code code}, whether it is that very code (e.g. one a desk kept from when it was issued).
     */
    public boolean hasOpenClaimCode(long accountId, String code) {
        return code == null ? claimCodes.open(accountId) : claimCodes.open(accountId, code);
    }

    /** Whether the person belongs to the site, i.e. may be found and helped at its desks. */
    public boolean belongsTo(long accountId, long siteId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE id = ? AND site_id = ?)")
                .params(accountId, siteId)
                .query(Boolean.class)
                .single();
    }

    private static PersonMatch match(ResultSet rs, int row) throws SQLException {
        return new PersonMatch(rs.getLong("id"), rs.getString("display_name"), (Integer) rs.getObject("year_of_birth"),
                rs.getString("preferred_language"), PhoneNumbers.masked(rs.getString("phone")),
                maskedEmail(rs.getString("email")), rs.getBoolean("claimed"));
    }

    static String maskedEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? null : email.charAt(0) + "…" + email.substring(at);
    }
}
