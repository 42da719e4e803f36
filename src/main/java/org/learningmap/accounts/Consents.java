package org.learningmap.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.learningmap.platform.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent records: what a person (or their guardian) agreed to, when and how. Callers check who
 * may record or see them (the person themselves, or staff at a desk of the person's site); this
 * module checks the record itself: a spoken consent names its witness, a guardian's consent names
 * the guardian.
 */
@Service
public class Consents {

    static final int MAX_TEXT = 200;
    static final String WITNESS_REQUIRED = "consent.witness-required";
    static final String GUARDIAN_REQUIRED = "consent.guardian-required";
    static final String TEXT_TOO_LONG = "consent.text-too-long";

    private final JdbcClient jdbc;
    private final Clock clock;

    Consents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a consent and returns it. A guardian's consent to {@link ConsentPurpose#PERSONAL_DATA}
     * lets a minor's account keep personal data from now on.
     *
     * @throws RuleViolation {@value #WITNESS_REQUIRED} or {@value #GUARDIAN_REQUIRED} (400)
     */
    @Transactional
    public ConsentRecord record(NewConsent consent) {
        String witness = clean(consent.witnessName());
        String guardian = clean(consent.guardianName());
        String contact = clean(consent.guardianContact());
        if (consent.method() == ConsentMethod.SPOKEN_WITH_WITNESS && witness == null) {
            throw RuleViolation.badRequest(WITNESS_REQUIRED);
        }
        boolean minor = jdbc.sql("SELECT guardian_required FROM account WHERE id = ?")
                .param(consent.accountId())
                .query(Boolean.class)
                .optional()
                .orElseThrow(RuleViolation::notFound);
        if (minor && consent.purpose() == ConsentPurpose.PERSONAL_DATA && guardian == null) {
            throw RuleViolation.badRequest(GUARDIAN_REQUIRED);
        }
        long id = jdbc.sql("""
                        INSERT INTO consent_record (account_id, site_id, purpose, method, witness_name, guardian_name,
                                                    guardian_contact, recorded_by, given_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        RETURNING id
                        """)
                .params(consent.accountId(), consent.siteId(), consent.purpose().name(), consent.method().name(), witness,
                        guardian, contact, consent.recordedBy(), Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        return byId(id);
    }

    /** Every consent of the person, newest first, withdrawn ones included. */
    public List<ConsentRecord> list(long accountId) {
        return jdbc.sql("SELECT * FROM consent_record WHERE account_id = ? ORDER BY given_at DESC, id DESC")
                .param(accountId)
                .query(Consents::consent)
                .list();
    }

    /**
     * Withdraws one of the person's consents; withdrawing twice changes nothing.
     *
     * @throws RuleViolation not found when the consent is not the person's
     */
    @Transactional
    public void withdraw(long accountId, long consentId, long withdrawnBy) {
        int found = jdbc.sql("""
                        UPDATE consent_record SET withdrawn_at = coalesce(withdrawn_at, ?), withdrawn_by = coalesce(withdrawn_by, ?)
                        WHERE id = ? AND account_id = ?
                        """)
                .params(Timestamp.from(clock.instant()), withdrawnBy, consentId, accountId)
                .update();
        if (found == 0) {
            throw RuleViolation.notFound();
        }
    }

    /** Whether a guardian's consent to keep personal data is in force for the person. */
    boolean guardianConsented(long accountId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM consent_record
                                       WHERE account_id = ? AND purpose = 'PERSONAL_DATA'
                                         AND guardian_name IS NOT NULL AND withdrawn_at IS NULL)
                        """)
                .param(accountId)
                .query(Boolean.class)
                .single();
    }

    private ConsentRecord byId(long id) {
        return jdbc.sql("SELECT * FROM consent_record WHERE id = ?").param(id).query(Consents::consent).single();
    }

    private static String clean(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_TEXT || stripped.chars().anyMatch(Character::isISOControl)) {
            throw RuleViolation.badRequest(TEXT_TOO_LONG, MAX_TEXT);
        }
        return stripped;
    }

    private static ConsentRecord consent(ResultSet rs, int row) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new ConsentRecord(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("site_id"),
                ConsentPurpose.valueOf(rs.getString("purpose")), ConsentMethod.valueOf(rs.getString("method")),
                rs.getString("witness_name"), rs.getString("guardian_name"), rs.getString("guardian_contact"),
                (Long) rs.getObject("recorded_by"), rs.getTimestamp("given_at").toInstant(),
                withdrawn == null ? null : withdrawn.toInstant());
    }
}
