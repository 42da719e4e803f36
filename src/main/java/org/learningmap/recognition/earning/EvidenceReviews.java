package org.learningmap.recognition.earning;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.AwardOutcome;
import org.learningmap.recognition.AwardPath;
import org.learningmap.recognition.AwardRequest;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.Recognition;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence: a badge may accept evidence (text, a link or a file); the learner submits it, a reviewer
 * approves it (which awards the badge with path EVIDENCE) or asks to improve it with a comment, and
 * the learner changes it and submits again. Reviewers are the organisation's staff, and per badge
 * also the people who hold the badge (peer review) or the learner themselves (self review). Every
 * submission, decision and comment goes into the submission's history.
 */
@Service
class EvidenceReviews {

    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
    static final int MAX_BODY = 8000;
    static final int MAX_COMMENT = 4000;
    static final String NOT_ACCEPTED = "recognition-earning.evidence.not-accepted";
    static final String EMPTY = "recognition-earning.evidence.empty";
    static final String LINK = "recognition-earning.evidence.link-invalid";
    static final String BODY_TOO_LONG = "recognition-earning.evidence.body-too-long";
    static final String FILE_TOO_LARGE = "recognition-earning.evidence.file-too-large";
    static final String FILE_TYPE = "recognition-earning.evidence.file-type";
    static final String ALREADY_APPROVED = "recognition-earning.evidence.already-approved";
    static final String NOT_WAITING = "recognition-earning.evidence.not-waiting";
    static final String COMMENT_REQUIRED = "recognition-earning.evidence.comment-required";
    static final String COMMENT_TOO_LONG = "recognition-earning.evidence.comment-too-long";

    /** Who reviews a badge's evidence besides the organisation's staff. */
    enum Review { ORGANISER, PEER, SELF }

    record Setting(long badgeId, boolean accepts, Review review) {
    }

    /** A file as uploaded: its name, the type found from its first bytes, and the bytes. */
    record Upload(String name, byte[] bytes) {
    }

    record Submission(long id, long badgeId, long siteId, long organisationId, long accountId, String learnerName, String status,
                      String body, String link, String fileName, String fileType, Long awardId, Instant createdAt,
                      Instant updatedAt) {
        public boolean waiting() {
            return "SUBMITTED".equals(status);
        }

        public boolean approved() {
            return "APPROVED".equals(status);
        }

        public boolean hasFile() {
            return fileName != null;
        }
    }

    record Event(long id, String authorName, String kind, String comment, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final EarningAccess access;
    private final Recognition recognition;
    private final org.learningmap.accounts.Accounts accounts;
    private final Clock clock;

    EvidenceReviews(JdbcClient jdbc, EarningAccess access, Recognition recognition, org.learningmap.accounts.Accounts accounts,
                    Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.access = access;
        this.recognition = recognition;
        this.clock = clock;
    }

    // --- settings

    Setting setting(long badgeId) {
        return jdbc.sql("SELECT accepts, review FROM badge_evidence_setting WHERE badge_id = ?").param(badgeId)
                .query((rs, n) -> new Setting(badgeId, rs.getBoolean("accepts"), Review.valueOf(rs.getString("review"))))
                .optional().orElse(new Setting(badgeId, false, Review.ORGANISER));
    }

    /** Whether and how the badge accepts evidence; staff of its organisation only. */
    @Transactional
    void saveSetting(long badgeId, long staffId, boolean accepts, Review review) {
        Badge badge = access.badgeToAward(badgeId, staffId);
        jdbc.sql("""
                        INSERT INTO badge_evidence_setting (badge_id, site_id, organisation_id, accepts, review, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (badge_id) DO UPDATE SET accepts = EXCLUDED.accepts, review = EXCLUDED.review,
                                                             updated_at = EXCLUDED.updated_at
                        """)
                .params(badge.id(), badge.siteId(), badge.organisationId(), accepts, (review == null ? Review.ORGANISER : review).name(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** The badges of a site that accept evidence. */
    List<Badge> badgesAccepting(long siteId) {
        return jdbc.sql("SELECT badge_id FROM badge_evidence_setting WHERE site_id = ? AND accepts ORDER BY badge_id").param(siteId)
                .query(Long.class).list().stream().map(recognition::badge).flatMap(Optional::stream).toList();
    }

    int waitingCount(long badgeId) {
        return jdbc.sql("SELECT count(*) FROM evidence_submission WHERE badge_id = ? AND status = 'SUBMITTED'").param(badgeId)
                .query(Integer.class).single();
    }

    // --- the learner

    /**
     * Submits (or submits again) the learner's evidence for a badge.
     *
     * @throws RuleViolation 409 when the badge accepts no evidence or the evidence was approved; 400 for
     *                       empty evidence, a bad link, too long a text, too large a file or a file type not accepted
     */
    @Transactional
    Submission submit(long badgeId, long accountId, String body, String link, Upload file, String comment) {
        if (!accounts.mayKeepPersonalData(accountId)) {
            throw new RuleViolation(org.learningmap.accounts.Accounts.AWAITING_GUARDIAN);
        }
        Badge badge = access.badge(badgeId);
        if (!setting(badgeId).accepts()) {
            throw new RuleViolation(NOT_ACCEPTED);
        }
        String text = EducatorAwards.blankToNull(body);
        String url = EducatorAwards.blankToNull(link);
        String note = EducatorAwards.blankToNull(comment);
        if (text != null && text.length() > MAX_BODY) {
            throw RuleViolation.badRequest(BODY_TOO_LONG, MAX_BODY);
        }
        if (url != null && !AwardCsv.validUrl(url)) {
            throw RuleViolation.badRequest(LINK);
        }
        if (note != null && note.length() > MAX_COMMENT) {
            throw RuleViolation.badRequest(COMMENT_TOO_LONG, MAX_COMMENT);
        }
        Optional<Submission> existing = ofLearner(badgeId, accountId);
        if (existing.isPresent() && existing.get().approved()) {
            throw new RuleViolation(ALREADY_APPROVED);
        }
        String fileType = null;
        String fileName = null;
        if (file != null && file.bytes().length > 0) {
            if (file.bytes().length > MAX_FILE_BYTES) {
                throw RuleViolation.badRequest(FILE_TOO_LARGE, MAX_FILE_BYTES / (1024 * 1024));
            }
            fileType = fileType(file.name(), file.bytes()).orElseThrow(() -> RuleViolation.badRequest(FILE_TYPE));
            fileName = safeName(file.name());
        }
        boolean keepsFile = fileType == null && existing.map(Submission::hasFile).orElse(false);
        if (text == null && url == null && fileType == null && !keepsFile) {
            throw RuleViolation.badRequest(EMPTY);
        }
        Instant now = clock.instant();
        long id;
        if (existing.isEmpty()) {
            id = jdbc.sql("""
                            INSERT INTO evidence_submission (site_id, organisation_id, badge_id, account_id, status, body, link,
                                                             file_name, file_type, file_bytes, created_at, updated_at)
                            VALUES (?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (badge_id, account_id) DO UPDATE SET updated_at = EXCLUDED.updated_at
                            RETURNING id
                            """)
                    .params(badge.siteId(), badge.organisationId(), badge.id(), accountId, text, url, fileName, fileType,
                            fileType == null ? null : file.bytes(), Timestamp.from(now), Timestamp.from(now))
                    .query(Long.class).single();
        } else {
            id = existing.get().id();
            jdbc.sql("""
                            UPDATE evidence_submission SET status = 'SUBMITTED', body = ?, link = ?, updated_at = ?,
                                   file_name = CASE WHEN ? THEN file_name ELSE ? END,
                                   file_type = CASE WHEN ? THEN file_type ELSE ? END,
                                   file_bytes = CASE WHEN ? THEN file_bytes ELSE ? END
                             WHERE id = ? AND status <> 'APPROVED'
                            """)
                    .params(text, url, Timestamp.from(now), keepsFile, fileName, keepsFile, fileType, keepsFile,
                            fileType == null ? null : file.bytes(), id)
                    .update();
        }
        event(id, badge, accountId, "SUBMITTED", note, now);
        return find(id).orElseThrow();
    }

    /** The learner's submission for a badge, if any. */
    Optional<Submission> ofLearner(long badgeId, long accountId) {
        return jdbc.sql(SELECT + " WHERE s.badge_id = ? AND s.account_id = ?").params(badgeId, accountId)
                .query((rs, n) -> submission(rs)).optional();
    }

    List<Submission> mine(long accountId) {
        return jdbc.sql(SELECT + " WHERE s.account_id = ? ORDER BY s.updated_at DESC").param(accountId)
                .query((rs, n) -> submission(rs)).list();
    }

    // --- reviewers

    /** The badge's submissions, waiting ones first; staff of its organisation only. */
    List<Submission> ofBadge(long badgeId, long staffId) {
        access.badgeToAward(badgeId, staffId);
        return jdbc.sql(SELECT + " WHERE s.badge_id = ? ORDER BY (s.status = 'SUBMITTED') DESC, s.updated_at DESC LIMIT 500")
                .param(badgeId).query((rs, n) -> submission(rs)).list();
    }

    /** Submissions waiting for this person as a peer or self reviewer (not as staff), on a site. */
    List<Submission> waitingForPeer(long accountId, long siteId) {
        List<Long> held = recognition.awardsOf(accountId).stream().filter(a -> !a.revoked()).map(Award::badgeId).toList();
        return jdbc.sql(SELECT + " " + """
                         JOIN badge_evidence_setting b ON b.badge_id = s.badge_id
                         WHERE s.site_id = ? AND s.status = 'SUBMITTED' AND b.accepts
                           AND ((b.review = 'PEER' AND s.account_id <> ?) OR (b.review = 'SELF' AND s.account_id = ?))
                         ORDER BY s.updated_at LIMIT 200
                        """)
                .params(siteId, accountId, accountId).query((rs, n) -> submission(rs)).list().stream()
                .filter(s -> s.accountId() == accountId || held.contains(s.badgeId())).toList();
    }

    /** Whether the person may read a submission: its learner, or anyone who may review it. */
    boolean maySee(Submission submission, long accountId) {
        return submission.accountId() == accountId || mayReview(submission, accountId);
    }

    /** Staff of the badge's organisation; a holder of the badge (not the learner) for peer review; the learner for self review. */
    boolean mayReview(Submission submission, long accountId) {
        if (access.mayAward(accountId, submission.organisationId())) {
            return true;
        }
        Setting setting = setting(submission.badgeId());
        return switch (setting.review()) {
            case ORGANISER -> false;
            case SELF -> submission.accountId() == accountId;
            case PEER -> submission.accountId() != accountId && recognition.awardsOf(accountId).stream()
                    .anyMatch(a -> a.badgeId() == submission.badgeId() && !a.revoked());
        };
    }

    /**
     * Approves the evidence (awarding the badge, once) or asks to improve it (a comment is required).
     *
     * @throws RuleViolation 403 for someone who may not review it; 409 when it is not waiting for review
     */
    @Transactional
    Submission review(long submissionId, long reviewerId, boolean approve, String comment) {
        Submission submission = lock(submissionId).orElseThrow(RuleViolation::notFound);
        if (!mayReview(submission, reviewerId)) {
            throw RuleViolation.forbidden();
        }
        String note = EducatorAwards.blankToNull(comment);
        if (note != null && note.length() > MAX_COMMENT) {
            throw RuleViolation.badRequest(COMMENT_TOO_LONG, MAX_COMMENT);
        }
        if (!submission.waiting()) {
            throw new RuleViolation(submission.approved() ? ALREADY_APPROVED : NOT_WAITING);
        }
        Badge badge = access.badge(submission.badgeId());
        Instant now = clock.instant();
        if (approve) {
            String narrative = submission.body() == null ? null
                    : submission.body().length() > AwardCsv.MAX_NARRATIVE ? submission.body().substring(0, AwardCsv.MAX_NARRATIVE) : submission.body();
            AwardOutcome outcome = recognition.award(new AwardRequest(badge.id(), submission.accountId(), null, null, AwardPath.EVIDENCE,
                    narrative, submission.link(), reviewerId, "evidence:" + submission.id()));
            jdbc.sql("UPDATE evidence_submission SET status = 'APPROVED', award_id = ?, updated_at = ? WHERE id = ?")
                    .params(outcome.award().id(), Timestamp.from(now), submission.id()).update();
            event(submission.id(), badge, reviewerId, "APPROVED", note, now);
        } else {
            if (note == null) {
                throw RuleViolation.badRequest(COMMENT_REQUIRED);
            }
            jdbc.sql("UPDATE evidence_submission SET status = 'CHANGES_REQUESTED', updated_at = ? WHERE id = ?")
                    .params(Timestamp.from(now), submission.id()).update();
            event(submission.id(), badge, reviewerId, "CHANGES_REQUESTED", note, now);
        }
        return find(submission.id()).orElseThrow();
    }

    /** A comment in the submission's history, by its learner or a reviewer. */
    @Transactional
    void comment(long submissionId, long accountId, String comment) {
        Submission submission = find(submissionId).orElseThrow(RuleViolation::notFound);
        if (!maySee(submission, accountId)) {
            throw RuleViolation.forbidden();
        }
        String note = EducatorAwards.blankToNull(comment);
        if (note == null) {
            throw RuleViolation.badRequest(COMMENT_REQUIRED);
        }
        if (note.length() > MAX_COMMENT) {
            throw RuleViolation.badRequest(COMMENT_TOO_LONG, MAX_COMMENT);
        }
        event(submission.id(), access.badge(submission.badgeId()), accountId, "COMMENT", note, clock.instant());
    }

    List<Event> history(long submissionId) {
        return jdbc.sql("""
                        SELECT e.id, e.author_id, e.kind, e.comment, e.created_at FROM evidence_event e
                         WHERE e.submission_id = ? ORDER BY e.id
                        """)
                .param(submissionId)
                .query((rs, n) -> new Event(rs.getLong(1), name((Long) rs.getObject(2)), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** The submission's file, for whoever may see the submission. */
    Optional<Upload> file(long submissionId, long accountId) {
        Submission submission = find(submissionId).orElseThrow(RuleViolation::notFound);
        if (!maySee(submission, accountId)) {
            throw RuleViolation.forbidden();
        }
        return jdbc.sql("SELECT file_name, file_bytes FROM evidence_submission WHERE id = ? AND file_bytes IS NOT NULL")
                .param(submissionId).query((rs, n) -> new Upload(rs.getString(1), rs.getBytes(2))).optional();
    }

    Optional<Submission> find(long id) {
        return jdbc.sql(SELECT + " WHERE s.id = ?").param(id).query((rs, n) -> submission(rs)).optional();
    }

    private Optional<Submission> lock(long id) {
        return jdbc.sql(SELECT + " WHERE s.id = ? FOR UPDATE OF s").param(id).query((rs, n) -> submission(rs)).optional();
    }

    /** A person's name as the accounts module tells it; null once the account is gone. */
    private String name(Long accountId) {
        return accountId == null ? null : accounts.byId(accountId).map(org.learningmap.accounts.AccountSummary::displayName).orElse(null);
    }

    private void event(long submissionId, Badge badge, long authorId, String kind, String comment, Instant now) {
        jdbc.sql("""
                        INSERT INTO evidence_event (submission_id, site_id, organisation_id, author_id, kind, comment, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(submissionId, badge.siteId(), badge.organisationId(), authorId, kind, comment, Timestamp.from(now)).update();
    }

    /** The type of an accepted file, told by its first bytes (PDF, PNG, JPEG) or, for .txt, by being UTF-8 text. */
    static Optional<String> fileType(String name, byte[] bytes) {
        if (startsWith(bytes, new byte[] {'%', 'P', 'D', 'F', '-'})) {
            return Optional.of("application/pdf");
        }
        if (startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of("image/jpeg");
        }
        if (name != null && name.toLowerCase(Locale.ROOT).endsWith(".txt")) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
                return Optional.of("text/plain;charset=UTF-8");
            } catch (CharacterCodingException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String safeName(String name) {
        String base = name == null ? "evidence" : name.replaceAll(".*[/\\\\]", "").replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
        if (base.isEmpty()) {
            base = "evidence";
        }
        return base.length() > 120 ? base.substring(base.length() - 120) : base;
    }

    private static final String SELECT = """
            SELECT s.id, s.badge_id, s.site_id, s.organisation_id, s.account_id, s.status, s.body, s.link,
                   s.file_name, s.file_type, s.award_id, s.created_at, s.updated_at
              FROM evidence_submission s""";

    private Submission submission(java.sql.ResultSet rs) throws java.sql.SQLException {
        long accountId = rs.getLong("account_id");
        return new Submission(rs.getLong("id"), rs.getLong("badge_id"), rs.getLong("site_id"), rs.getLong("organisation_id"),
                accountId, name(accountId), rs.getString("status"), rs.getString("body"),
                rs.getString("link"), rs.getString("file_name"), rs.getString("file_type"), (Long) rs.getObject("award_id"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
