package org.learningmap.recognition.earning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.learningmap.platform.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** The state of bulk award jobs and their row-by-row reports, in the database so every node shows the same progress. */
@Repository
class BulkJobs {

    /** A job as its page shows it; {@code running} and {@code percent} follow from the counts. */
    record Job(long id, long siteId, long organisationId, long badgeId, String fileName, String status, int totalRows,
               int processedRows, int awardedRows, int heldRows, int failedRows, Instant createdAt, Instant finishedAt) {

        public boolean running() {
            return "RUNNING".equals(status);
        }

        public int percent() {
            return totalRows == 0 ? 100 : (int) Math.min(100, Math.round(processedRows * 100.0 / totalRows));
        }
    }

    /** One line of the report. {@code outcome} is {@code AWARDED}, {@code HELD} or {@code ERROR}. */
    record Line(int row, String email, String outcome, String reason, List<Object> args, Long awardId) {
    }

    private static final TypeReference<List<Object>> ARGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    BulkJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(long siteId, long organisationId, long badgeId, long accountId, String fileName, int totalRows, Instant now) {
        return jdbc.sql("""
                        INSERT INTO bulk_award_job (site_id, organisation_id, badge_id, account_id, file_name, total_rows, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(siteId, organisationId, badgeId, accountId, fileName, totalRows, Timestamp.from(now))
                .query(Long.class).single();
    }

    /** Writes report lines (a line already written stays as it is) and adds their counts to the job. */
    void record(long jobId, long siteId, long organisationId, List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("""
                INSERT INTO bulk_award_row (job_id, row_number, site_id, organisation_id, email, outcome, reason, args, award_id) VALUES
                """);
        List<Object> params = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)");
            params.addAll(java.util.Arrays.asList(jobId, line.row(), siteId, organisationId,
                    line.email().length() > 320 ? line.email().substring(0, 320) : line.email(), line.outcome(), line.reason(),
                    Json.write(line.args()), line.awardId()));
        }
        sql.append(" ON CONFLICT DO NOTHING");
        int written = jdbc.sql(sql.toString()).params(params).update();
        if (written == 0) {
            return;
        }
        long awarded = lines.stream().filter(l -> "AWARDED".equals(l.outcome())).count();
        long held = lines.stream().filter(l -> "HELD".equals(l.outcome())).count();
        long failed = lines.stream().filter(l -> "ERROR".equals(l.outcome())).count();
        jdbc.sql("""
                        UPDATE bulk_award_job SET processed_rows = processed_rows + ?, awarded_rows = awarded_rows + ?,
                               held_rows = held_rows + ?, failed_rows = failed_rows + ?, heartbeat_at = now()
                         WHERE id = ?
                        """)
                .params(lines.size(), awarded, held, failed, jobId).update();
    }

    void finish(long jobId, String status, Instant now) {
        jdbc.sql("UPDATE bulk_award_job SET status = ?, finished_at = ? WHERE id = ? AND status = 'RUNNING'")
                .params(status, Timestamp.from(now), jobId).update();
    }

    /** Marks as failed every running job silent since then: the node running it stopped. */
    int abandonSilentJobs(Instant silentSince, Instant now) {
        return jdbc.sql("UPDATE bulk_award_job SET status = 'FAILED', finished_at = ? WHERE status = 'RUNNING' AND heartbeat_at < ?")
                .params(Timestamp.from(now), Timestamp.from(silentSince)).update();
    }

    Optional<Job> find(long id) {
        return jdbc.sql("SELECT * FROM bulk_award_job WHERE id = ?").param(id).query((rs, n) -> job(rs)).optional();
    }

    List<Job> recent(long badgeId, int limit) {
        return jdbc.sql("SELECT * FROM bulk_award_job WHERE badge_id = ? ORDER BY id DESC LIMIT ?")
                .params(badgeId, limit).query((rs, n) -> job(rs)).list();
    }

    /** Report lines in row order; errors first when {@code problemsFirst}. */
    List<Line> lines(long jobId, int limit, boolean problemsFirst) {
        return jdbc.sql("SELECT * FROM bulk_award_row WHERE job_id = ? ORDER BY "
                        + (problemsFirst ? "(outcome = 'ERROR') DESC, " : "") + "row_number LIMIT ?")
                .params(jobId, limit)
                .query((rs, n) -> new Line(rs.getInt("row_number"), rs.getString("email"), rs.getString("outcome"),
                        rs.getString("reason"), Json.mapper().readValue(rs.getString("args"), ARGS), (Long) rs.getObject("award_id")))
                .list();
    }

    private static Job job(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Job(rs.getLong("id"), rs.getLong("site_id"), rs.getLong("organisation_id"), rs.getLong("badge_id"),
                rs.getString("file_name"), rs.getString("status"), rs.getInt("total_rows"), rs.getInt("processed_rows"),
                rs.getInt("awarded_rows"), rs.getInt("held_rows"), rs.getInt("failed_rows"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
