package org.learningmap.assessment;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.learningmap.platform.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Attempts in {@code assessment_attempt}; answers and results are JSON. */
@Repository
class Attempts {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final TypeReference<LinkedHashMap<String, List<String>>> ANSWERS = new TypeReference<>() {
    };

    private static final TypeReference<LinkedHashMap<String, Integer>> ITEM_VERSIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    Attempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Attempt create(long siteId, Long accountId, CheckKind kind, String framework, String bankVersion, String language,
                   Long sittingId, Instant now) {
        UUID id = UUID.randomUUID();
        String code = resumeCode();
        jdbc.sql("""
                        INSERT INTO assessment_attempt (id, site_id, account_id, resume_code, kind, framework, bank_version,
                                                        language, sitting_id, started_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, siteId, accountId, code, kind.name(), framework, bankVersion, language, sittingId,
                        Timestamp.from(now), Timestamp.from(now))
                .update();
        return new Attempt(id, siteId, accountId, code, kind, framework, bankVersion, language, sittingId, Map.of(), now, null, null);
    }

    Optional<Attempt> find(UUID id) {
        return jdbc.sql("SELECT * FROM assessment_attempt WHERE id = ?").param(id).query(Attempts::attempt).optional();
    }

    /** The attempt, locked for the rest of the transaction. */
    Optional<Attempt> lock(UUID id) {
        return jdbc.sql("SELECT * FROM assessment_attempt WHERE id = ? FOR UPDATE").param(id).query(Attempts::attempt).optional();
    }

    Optional<Attempt> byResumeCode(String code) {
        return jdbc.sql("SELECT * FROM assessment_attempt WHERE resume_code = ?").param(code).query(Attempts::attempt).optional();
    }

    List<Attempt> ofAccount(long siteId, long accountId) {
        return jdbc.sql("SELECT * FROM assessment_attempt WHERE site_id = ? AND account_id = ? ORDER BY started_at DESC LIMIT 20")
                .params(siteId, accountId).query(Attempts::attempt).list();
    }

    List<Attempt> ofSitting(long sittingId) {
        return jdbc.sql("SELECT * FROM assessment_attempt WHERE sitting_id = ? ORDER BY started_at").param(sittingId)
                .query(Attempts::attempt).list();
    }

    /** Saves the answers, and which version of the item just answered was asked. */
    void saveAnswers(UUID id, Map<String, List<String>> answers, String itemId, int itemVersion, Instant now) {
        jdbc.sql("""
                        UPDATE assessment_attempt SET answers = ?::jsonb, updated_at = ?,
                               item_versions = item_versions || jsonb_build_object(?::text, ?::int)
                         WHERE id = ? AND finished_at IS NULL
                        """)
                .params(Json.write(answers), Timestamp.from(now), itemId, itemVersion, id).update();
    }

    /** The version of each item the attempt answered, by item id (empty for answers given before versions were kept). */
    Map<String, Integer> itemVersions(UUID id) {
        String json = jdbc.sql("SELECT item_versions::text FROM assessment_attempt WHERE id = ?").param(id).query(String.class).single();
        return Json.mapper().readValue(json, ITEM_VERSIONS);
    }

    void finish(UUID id, Scoring.Result result, Instant now) {
        jdbc.sql("""
                        UPDATE assessment_attempt SET finished_at = ?, updated_at = ?, scoring_rule = ?, result = ?::jsonb
                         WHERE id = ? AND finished_at IS NULL
                        """)
                .params(Timestamp.from(now), Timestamp.from(now), result.rule(), Json.write(result), id).update();
    }

    private static String resumeCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
        }
        return code.toString();
    }

    static String normaliseCode(String typed) {
        if (typed == null) {
            return "";
        }
        String letters = typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return letters.length() == 8 ? letters.substring(0, 4) + "-" + letters.substring(4) : letters;
    }

    private static Attempt attempt(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        String result = rs.getString("result");
        return new Attempt(rs.getObject("id", UUID.class), rs.getLong("site_id"), (Long) rs.getObject("account_id"),
                rs.getString("resume_code"), CheckKind.valueOf(rs.getString("kind")), rs.getString("framework"),
                rs.getString("bank_version"), rs.getString("language"), (Long) rs.getObject("sitting_id"),
                Json.mapper().readValue(rs.getString("answers"), ANSWERS), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                result == null ? null : Json.read(result, Scoring.Result.class));
    }
}
