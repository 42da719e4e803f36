package org.learningmap.catalogue.editing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.learningmap.platform.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** The state of CSV imports, in the database so that every node shows the same progress. */
@Repository
class ImportJobStore {

    /** One line of the report: a problem (or a note) of a row, named by its column. */
    record ReportLine(int row, String column, String key, List<Object> args, boolean note) {
    }

    /** A job as its page shows it; {@code running} and {@code percent} follow from the counts. */
    record Job(long id, long siteId, long organisationId, String fileName, boolean publish, String status, int totalRows,
               int processedRows, int importedRows, int publishedRows, int failedRows, List<ReportLine> report,
               Instant createdAt, Instant finishedAt, boolean running, int percent) {

        Job(long id, long siteId, long organisationId, String fileName, boolean publish, String status, int totalRows,
            int processedRows, int importedRows, int publishedRows, int failedRows, List<ReportLine> report,
            Instant createdAt, Instant finishedAt) {
            this(id, siteId, organisationId, fileName, publish, status, totalRows, processedRows, importedRows, publishedRows,
                    failedRows, report, createdAt, finishedAt, "RUNNING".equals(status),
                    totalRows == 0 ? 100 : (int) Math.min(100, Math.round(processedRows * 100.0 / totalRows)));
        }
    }

    /** The counts and report so far. */
    record Progress(int processed, int imported, int published, int failed, List<ReportLine> report) {
    }

    private static final TypeReference<List<ReportLine>> REPORT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    ImportJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(long siteId, long organisationId, long accountId, String fileName, boolean publish, int totalRows, Instant now) {
        return jdbc.sql("""
                        INSERT INTO import_job (site_id, organisation_id, account_id, file_name, publish, total_rows, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(siteId, organisationId, accountId, fileName, publish, totalRows, Timestamp.from(now))
                .query(Long.class).single();
    }

    void progress(long id, Progress progress) {
        jdbc.sql("""
                        UPDATE import_job SET processed_rows = ?, imported_rows = ?, published_rows = ?, failed_rows = ?,
                               report = ?::jsonb, heartbeat_at = now()
                        WHERE id = ?
                        """)
                .params(progress.processed(), progress.imported(), progress.published(), progress.failed(),
                        Json.write(progress.report()), id)
                .update();
    }

    void finish(long id, String status, Progress progress, Instant now) {
        progress(id, progress);
        jdbc.sql("UPDATE import_job SET status = ?, finished_at = ? WHERE id = ?").params(status, Timestamp.from(now), id).update();
    }

    /**
     * Marks as failed every running job that has not reported progress since {@code silentSince}: the node
     * running it stopped. The rows it imported stay; its report says to import the rest again.
     */
    int abandonSilentJobs(Instant silentSince, Instant now) {
        String line = Json.write(List.of(new ReportLine(0, "", "import.error.interrupted", List.of(), false)));
        return jdbc.sql("""
                        UPDATE import_job SET status = 'FAILED', finished_at = ?, report = report || ?::jsonb
                        WHERE status = 'RUNNING' AND heartbeat_at < ?
                        """)
                .params(Timestamp.from(now), line, Timestamp.from(silentSince)).update();
    }

    Optional<Job> find(long id) {
        return jdbc.sql("SELECT * FROM import_job WHERE id = ?").param(id).query((rs, n) -> job(rs)).optional();
    }

    List<Job> recent(long organisationId, int limit) {
        return jdbc.sql("SELECT * FROM import_job WHERE organisation_id = ? ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(organisationId, limit).query((rs, n) -> job(rs)).list();
    }

    private static Job job(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Job(rs.getLong("id"), rs.getLong("site_id"), rs.getLong("organisation_id"), rs.getString("file_name"),
                rs.getBoolean("publish"), rs.getString("status"), rs.getInt("total_rows"), rs.getInt("processed_rows"),
                rs.getInt("imported_rows"), rs.getInt("published_rows"), rs.getInt("failed_rows"),
                Json.mapper().readValue(rs.getString("report"), REPORT), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
