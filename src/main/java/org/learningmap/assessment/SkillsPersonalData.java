package org.learningmap.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.learningmap.accounts.PersonalDataContributor;
import org.learningmap.platform.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The skills checks a person took, for the export of their data; deleting the account keeps the
 * results only anonymously (no account, no way to resume). Before/after self-ratings are already
 * anonymous and name nobody.
 */
@Component
class SkillsPersonalData implements PersonalDataContributor {

    record CheckPart(String kind, String framework, String language, Instant startedAt, Instant finishedAt,
                     Map<String, String> result, Map<String, Object> answers) {
    }

    private final JdbcClient jdbc;

    SkillsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "skillsChecks";
    }

    @Override
    public Object export(long accountId) {
        return jdbc.sql("""
                        SELECT kind, framework, language, started_at, finished_at, result::text AS result, answers::text AS answers
                        FROM assessment_attempt WHERE account_id = ? ORDER BY started_at DESC
                        """)
                .param(accountId)
                .query((rs, n) -> new CheckPart(rs.getString("kind"), rs.getString("framework"), rs.getString("language"),
                        instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                        result(rs.getString("result")), answers(rs.getString("answers"))))
                .list();
    }

    @Override
    public void forget(long accountId) {
        jdbc.sql("UPDATE assessment_attempt SET account_id = NULL, resume_code = 'forgotten-' || id WHERE account_id = ?")
                .param(accountId).update();
    }

    /** Per area: percent, DigComp level and band, in words a person can read. */
    private static Map<String, String> result(String json) {
        if (json == null) {
            return null;
        }
        Scoring.Result result = Json.read(json, Scoring.Result.class);
        Map<String, String> areas = new LinkedHashMap<>();
        result.areas().forEach((area, standing) -> areas.put(area, standing.percent() + "% · " + standing.level() + " · " + standing.band()));
        return areas;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answers(String json) {
        return json == null ? Map.of() : Json.read(json, Map.class);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
