package org.learningmap.catalogue.editing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.learningmap.catalogue.ActivityStatus;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports activities from a CSV file in the background. The file is read and its header checked
 * while the person waits, so a malformed file is refused at once; then each row is checked and
 * written in its own transaction on a virtual thread: a row is imported whole or not at all, and
 * the job's progress and report are written to {@code import_job} as it goes.
 */
@Service
class ActivityImport {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 10_000;
    private static final long PROGRESS_EVERY_MILLIS = 300;

    private static final Logger log = LoggerFactory.getLogger(ActivityImport.class);

    private final ActivityEditing editing;
    private final ActivityStore store;
    private final ImportJobStore jobs;
    private final StaffAccess access;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ActivityImport(ActivityEditing editing, ActivityStore store, ImportJobStore jobs, StaffAccess access,
                   TransactionTemplate transaction, Clock clock) {
        this.editing = editing;
        this.store = store;
        this.jobs = jobs;
        this.access = access;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Checks the file and starts importing it; returns the job id.
     *
     * @throws CsvFile.Malformed when the file is empty, too large, not UTF-8, badly quoted, has too many
     *                           rows or a wrong header; nothing is imported then
     */
    long start(long accountId, long organisationId, Site site, String fileName, byte[] bytes, boolean publish)
            throws CsvFile.Malformed {
        access.requireEditor(accountId, organisationId);
        if (bytes.length > MAX_BYTES) {
            throw new CsvFile.Malformed("import.error.too-large", MAX_BYTES / (1024 * 1024));
        }
        CsvFile file = CsvFile.parse(bytes, MAX_ROWS);
        CsvFile.Malformed header = CsvColumns.headerProblem(file.header(), site.defaultLanguage());
        if (header != null) {
            throw header;
        }
        if (file.rows().isEmpty()) {
            throw new CsvFile.Malformed("import.error.no-rows");
        }
        String name = fileName == null || fileName.isBlank() ? "import.csv" : fileName.strip();
        long jobId = jobs.start(site.id(), organisationId, accountId, name.length() > 200 ? name.substring(0, 200) : name,
                publish, file.rows().size(), clock.instant());
        Thread.ofVirtual().name("csv-import-" + jobId).start(() -> run(jobId, accountId, organisationId, site, file, publish));
        return jobId;
    }

    private void run(long jobId, long accountId, long organisationId, Site site, CsvFile file, boolean publish) {
        List<ImportJobStore.ReportLine> report = new ArrayList<>();
        int processed = 0;
        int imported = 0;
        int published = 0;
        int failed = 0;
        long lastWrite = System.currentTimeMillis();
        try {
            for (CsvFile.Row row : file.rows()) {
                RowOutcome outcome = importRow(accountId, organisationId, site, file, row, publish);
                processed++;
                if (outcome.imported()) {
                    imported++;
                    if (outcome.published()) {
                        published++;
                    }
                } else {
                    failed++;
                }
                for (FieldProblem problem : outcome.problems()) {
                    report.add(new ImportJobStore.ReportLine(row.number(), CsvColumns.column(problem.field()), problem.key(),
                            problem.args(), outcome.imported()));
                }
                if (System.currentTimeMillis() - lastWrite > PROGRESS_EVERY_MILLIS) {
                    jobs.progress(jobId, new ImportJobStore.Progress(processed, imported, published, failed, report));
                    lastWrite = System.currentTimeMillis();
                }
            }
            jobs.finish(jobId, "DONE", new ImportJobStore.Progress(processed, imported, published, failed, report), clock.instant());
        } catch (RuntimeException e) {
            log.error("CSV import {} stopped", jobId, e);
            report.add(new ImportJobStore.ReportLine(0, "", e instanceof RuleViolation violation ? violation.reason()
                    : "import.error.stopped", List.of(), false));
            jobs.finish(jobId, "FAILED", new ImportJobStore.Progress(processed, imported, published, failed, report), clock.instant());
        }
    }

    /** What became of one row. Notes (problems of an imported row) explain, for example, why it stayed a draft. */
    record RowOutcome(boolean imported, boolean published, List<FieldProblem> problems) {
    }

    RowOutcome importRow(long accountId, long organisationId, Site site, CsvFile file, CsvFile.Row row, boolean publish) {
        if (row.cells().size() != file.header().size()) {
            return new RowOutcome(false, false, List.of(FieldProblem.of("", "import.error.cell-count", row.cells().size(),
                    file.header().size())));
        }
        CsvColumns.RowPlan plan = CsvColumns.read(file, row);
        List<FieldProblem> problems = new ArrayList<>(plan.problems());
        List<FieldProblem> notes = new ArrayList<>();
        boolean[] publishedRow = {false};
        Boolean written = transaction.execute(status -> {
            try {
                long id = editing.create(accountId, organisationId, plan.activity());
                if (plan.firstStart() != null && problems.isEmpty()) {
                    if (plan.weeklyCount() == null || plan.weeklyCount() == 1) {
                        Instant start = CsvColumns.start(plan, site.zone()).toInstant();
                        editing.addSession(accountId, id, start, start.plusSeconds(plan.durationMinutes() * 60L), plan.place());
                    } else {
                        editing.addSeries(accountId, id, CsvColumns.series(plan), plan.place());
                    }
                }
                if (!problems.isEmpty()) {
                    status.setRollbackOnly();
                    return false;
                }
                if (publish) {
                    StoredActivity activity = store.find(id).orElseThrow();
                    switch (editing.publishDecision(activity)) {
                        case StatusRules.Decision.Allowed allowed -> {
                            ActivityStatus next = editing.publish(accountId, id);
                            publishedRow[0] = next == ActivityStatus.PUBLISHED || next == ActivityStatus.PENDING_REVIEW;
                        }
                        case StatusRules.Decision.Refused refused -> notes.add(FieldProblem.of("", refused.reason()));
                    }
                }
                return true;
            } catch (InvalidInput invalid) {
                problems.addAll(invalid.problems());
                status.setRollbackOnly();
                return false;
            }
        });
        if (Boolean.TRUE.equals(written)) {
            return new RowOutcome(true, publishedRow[0], notes);
        }
        return new RowOutcome(false, false, problems);
    }
}
