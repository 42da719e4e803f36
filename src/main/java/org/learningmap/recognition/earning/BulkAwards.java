package org.learningmap.recognition.earning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.AwardOutcome;
import org.learningmap.recognition.AwardPath;
import org.learningmap.recognition.AwardRequest;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.Recognition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Awards a badge to every row of a CSV file in the background. The file is read and its header
 * checked while the person waits, so a file that cannot be read is refused at once; then rows are
 * awarded on a virtual thread in chunks, each chunk in one transaction together with its report
 * lines. When a chunk fails, its rows are awarded again one by one, so one bad row costs only its
 * own line. Every row's award carries the key {@code bulk:<job>:<row>}, and the facade keeps one
 * award per badge and person, so nothing is awarded twice.
 */
@Service
class BulkAwards {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 20_000;
    static final int CHUNK = 100;

    private static final Logger log = LoggerFactory.getLogger(BulkAwards.class);

    private final EarningAccess access;
    private final Recognition recognition;
    private final BulkJobs jobs;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BulkAwards(EarningAccess access, Recognition recognition, BulkJobs jobs, TransactionTemplate transaction,
               Clock clock) {
        this.access = access;
        this.recognition = recognition;
        this.jobs = jobs;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Checks the file and starts awarding; returns the job id.
     *
     * @throws AwardCsv.Malformed when the file cannot be read as a whole; nothing is awarded then
     * @throws RuleViolation      403 for anyone but staff of the badge's organisation
     */
    long start(long badgeId, long staffId, String fileName, byte[] bytes) throws AwardCsv.Malformed {
        Badge badge = access.badgeToAward(badgeId, staffId);
        if (bytes.length > MAX_BYTES) {
            throw new AwardCsv.Malformed("recognition-earning.bulk.file.too-large", MAX_BYTES / (1024 * 1024));
        }
        List<AwardCsv.Row> rows = AwardCsv.parse(bytes, MAX_ROWS);
        String name = fileName == null || fileName.isBlank() ? "awards.csv" : fileName.strip();
        long jobId = jobs.start(badge.siteId(), badge.organisationId(), badge.id(), staffId,
                name.length() > 200 ? name.substring(0, 200) : name, rows.size(), clock.instant());
        Thread.ofVirtual().name("bulk-award-" + jobId).start(() -> run(jobId, badge, staffId, rows));
        return jobId;
    }

    void run(long jobId, Badge badge, long staffId, List<AwardCsv.Row> rows) {
        try {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<AwardCsv.Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                try {
                    transaction.executeWithoutResult(status -> {
                        List<BulkJobs.Line> lines = new ArrayList<>(chunk.size());
                        for (AwardCsv.Row row : chunk) {
                            lines.add(award(jobId, badge, staffId, row));
                        }
                        jobs.record(jobId, badge.siteId(), badge.organisationId(), lines);
                    });
                } catch (RuntimeException chunkFailed) {
                    for (AwardCsv.Row row : chunk) {
                        BulkJobs.Line line;
                        try {
                            line = transaction.execute(status -> {
                                BulkJobs.Line one = award(jobId, badge, staffId, row);
                                jobs.record(jobId, badge.siteId(), badge.organisationId(), List.of(one));
                                return one;
                            });
                        } catch (RuntimeException rowFailed) {
                            String reason = rowFailed instanceof RuleViolation rule ? rule.reason() : "recognition-earning.bulk.row.failed";
                            List<Object> args = rowFailed instanceof RuleViolation rule ? List.of(rule.arguments()) : List.of();
                            line = new BulkJobs.Line(row.number(), row.email(), "ERROR", reason, args, null);
                            jobs.record(jobId, badge.siteId(), badge.organisationId(), List.of(line));
                        }
                    }
                }
            }
            jobs.finish(jobId, "DONE", clock.instant());
        } catch (RuntimeException e) {
            log.error("Bulk award {} stopped", jobId, e);
            jobs.finish(jobId, "FAILED", clock.instant());
        }
    }

    /** One row: its report line, after awarding when the row is valid. */
    private BulkJobs.Line award(long jobId, Badge badge, long staffId, AwardCsv.Row row) {
        if (!row.valid()) {
            return new BulkJobs.Line(row.number(), row.email(), "ERROR", row.problem(), row.args(), null);
        }
        // The facade gives an award to an address with an account to that account.
        AwardOutcome outcome = recognition.award(new AwardRequest(badge.id(), null, row.email(),
                EducatorAwards.blankToNull(row.name()), AwardPath.BULK, EducatorAwards.blankToNull(row.narrative()), EducatorAwards.blankToNull(row.evidenceUrl()), staffId,
                "bulk:" + jobId + ":" + row.number()));
        return new BulkJobs.Line(row.number(), row.email(), outcome.created() ? "AWARDED" : "HELD", null, List.of(),
                outcome.award().id());
    }
}
