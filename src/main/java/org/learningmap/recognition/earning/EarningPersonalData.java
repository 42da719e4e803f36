package org.learningmap.recognition.earning;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.accounts.PersonalDataContributor;
import org.learningmap.recognition.Recognition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the ways to earn keep about a person: their evidence (texts, links, file names, the history
 * with its comments) and the claims they used. Deleting the account deletes their evidence (with its
 * files and history) and claim uses, and blanks their address in bulk award reports; comments they
 * wrote on other people's evidence stay without their name.
 */
@Component
class EarningPersonalData implements PersonalDataContributor {

    record EvidencePart(String badge, String status, String text, String link, String fileName, Instant submittedAt,
                        Instant updatedAt, List<Map<String, Object>> history) {
    }

    private final JdbcClient jdbc;
    private final EvidenceReviews evidence;
    private final Recognition recognition;
    private final Accounts accounts;

    EarningPersonalData(JdbcClient jdbc, EvidenceReviews evidence, Recognition recognition, Accounts accounts) {
        this.jdbc = jdbc;
        this.evidence = evidence;
        this.recognition = recognition;
        this.accounts = accounts;
    }

    @Override
    public String section() {
        return "badgeEvidence";
    }

    @Override
    public Object export(long accountId) {
        String language = accounts.preferredLanguage(accountId);
        return evidence.mine(accountId).stream().map(s -> new EvidencePart(
                recognition.badge(s.badgeId()).map(b -> b.name().in(language)).orElse(""), s.status(), s.body(), s.link(), s.fileName(),
                s.createdAt(), s.updatedAt(),
                evidence.history(s.id()).stream().map(e -> Map.<String, Object>of("what", e.kind(), "when", e.createdAt(),
                        "comment", e.comment() == null ? "" : e.comment())).toList())).toList();
    }

    @Override
    public void forget(long accountId) {
        String email = accounts.byId(accountId).map(AccountSummary::email).orElse(null);
        jdbc.sql("DELETE FROM evidence_submission WHERE account_id = ?").param(accountId).update();
        jdbc.sql("DELETE FROM badge_claim_use WHERE account_id = ?").param(accountId).update();
        jdbc.sql("UPDATE evidence_event SET author_id = NULL WHERE author_id = ?").param(accountId).update();
        if (email != null) {
            jdbc.sql("UPDATE bulk_award_row SET email = '' WHERE lower(email) = lower(?)").param(email).update();
        }
    }

    /** Files sent as evidence go {@code evidenceMonths} after the submission was approved; the review itself stays. */
    @Override
    public int expire(org.learningmap.accounts.RetentionRules rules, Instant now) {
        if (rules.evidenceMonths() == null) {
            return 0;
        }
        return jdbc.sql("""
                        UPDATE evidence_submission SET file_bytes = NULL, file_name = NULL, file_type = NULL
                        WHERE site_id = ? AND status = 'APPROVED' AND file_bytes IS NOT NULL AND updated_at < ?
                        """)
                .params(rules.siteId(), java.sql.Timestamp.from(org.learningmap.accounts.RetentionRules.monthsBefore(now, rules.evidenceMonths())))
                .update();
    }
}
