package org.learningmap.network.cascades;

import java.time.LocalDate;
import org.learningmap.accounts.PersonalDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cohorts a person trained or took part in, for the export of their data. Deleting the account
 * keeps them in the cascade's counts as an unnamed person: the name and the link to the account go.
 * Cohorts and library items the person recorded or uploaded stay with their organisation, without
 * the link to who did it.
 */
@Component
class CascadePersonalData implements PersonalDataContributor {

    record CohortPart(String cohort, String level, String topic, LocalDate startsOn, LocalDate endsOn, String role) {
    }

    private final JdbcClient jdbc;

    CascadePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "trainingCascades";
    }

    @Override
    public Object export(long accountId) {
        return jdbc.sql("""
                        SELECT c.name, c.level, c.topic, c.starts_on, c.ends_on, r.role
                        FROM cascade_person p
                        JOIN (SELECT cohort_id, person_id, 'TRAINER' AS role FROM cascade_trainer
                              UNION ALL SELECT cohort_id, person_id, 'PARTICIPANT' FROM cascade_participant) r ON r.person_id = p.id
                        JOIN cascade_cohort c ON c.id = r.cohort_id
                        WHERE p.account_id = ? ORDER BY c.starts_on, c.id
                        """)
                .param(accountId)
                .query((rs, n) -> new CohortPart(rs.getString("name"), rs.getString("level"), rs.getString("topic"),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getString("role")))
                .list();
    }

    @Override
    public void forget(long accountId) {
        jdbc.sql("UPDATE cascade_person SET account_id = NULL, name = '—', name_key = 'FORGOTTEN#' || id WHERE account_id = ?")
                .param(accountId).update();
        jdbc.sql("UPDATE cascade_cohort SET created_by = NULL WHERE created_by = ?").param(accountId).update();
        jdbc.sql("UPDATE library_item SET created_by = NULL WHERE created_by = ?").param(accountId).update();
        jdbc.sql("UPDATE library_version SET uploaded_by = NULL WHERE uploaded_by = ?").param(accountId).update();
    }
}
