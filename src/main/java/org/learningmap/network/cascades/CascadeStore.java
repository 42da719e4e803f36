package org.learningmap.network.cascades;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cohorts and people of cascades, by site or organisation. */
@Repository
class CascadeStore {

    private static final String COHORT = """
            SELECT c.id, c.site_id, c.organisation_id, c.name, c.level, c.topic, c.starts_on, c.ends_on, c.citizens_reached,
                   coalesce((SELECT array_agg(t.person_id ORDER BY t.person_id) FROM cascade_trainer t WHERE t.cohort_id = c.id), '{}') AS trainers,
                   coalesce((SELECT array_agg(p.person_id ORDER BY p.person_id) FROM cascade_participant p WHERE p.cohort_id = c.id), '{}') AS participants
            FROM cascade_cohort c
            """;

    private final JdbcClient jdbc;

    CascadeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How a typed name is compared: case, accents' composition and spacing do not make another person. */
    static String nameKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    long personOfAccount(long siteId, long accountId, String name) {
        return jdbc.sql("""
                        INSERT INTO cascade_person (site_id, account_id, name, name_key) VALUES (?, ?, ?, ?)
                        ON CONFLICT (site_id, account_id) WHERE account_id IS NOT NULL DO UPDATE SET name = EXCLUDED.name
                        RETURNING id
                        """)
                // An account's key never equals a typed name's (those are lower case), so the two never merge by accident.
                .params(siteId, accountId, name, "ACCOUNT#" + accountId).query(Long.class).single();
    }

    long personNamed(long siteId, String name) {
        return jdbc.sql("""
                        INSERT INTO cascade_person (site_id, name, name_key) VALUES (?, ?, ?)
                        ON CONFLICT (site_id, name_key) WHERE account_id IS NULL DO UPDATE SET name = cascade_person.name
                        RETURNING id
                        """)
                .params(siteId, name.strip().replaceAll("\\s+", " "), nameKey(name)).query(Long.class).single();
    }

    Map<Long, CascadePerson> people(long siteId) {
        Map<Long, CascadePerson> people = new HashMap<>();
        jdbc.sql("SELECT id, account_id, name FROM cascade_person WHERE site_id = ?").param(siteId)
                .query((rs, n) -> people.put(rs.getLong("id"),
                        new CascadePerson(rs.getLong("id"), (Long) rs.getObject("account_id"), rs.getString("name"))))
                .list();
        return people;
    }

    List<Cohort> ofSite(long siteId) {
        return jdbc.sql(COHORT + " WHERE c.site_id = ? ORDER BY c.starts_on, c.id").param(siteId).query(CascadeStore::cohort).list();
    }

    List<Cohort> ofOrganisation(long organisationId) {
        return jdbc.sql(COHORT + " WHERE c.organisation_id = ? ORDER BY c.starts_on, c.id").param(organisationId)
                .query(CascadeStore::cohort).list();
    }

    Optional<Cohort> find(long id) {
        return jdbc.sql(COHORT + " WHERE c.id = ?").param(id).query(CascadeStore::cohort).optional();
    }

    long insert(Cohort cohort, long by) {
        long id = jdbc.sql("""
                        INSERT INTO cascade_cohort (site_id, organisation_id, name, level, topic, starts_on, ends_on, citizens_reached, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(cohort.siteId(), cohort.organisationId(), cohort.name(), cohort.level().name(), cohort.topic(),
                        cohort.startsOn(), cohort.endsOn(), cohort.citizensReached(), by)
                .query(Long.class).single();
        people(id, cohort.siteId(), cohort.trainers(), cohort.participants());
        return id;
    }

    void update(Cohort cohort) {
        jdbc.sql("""
                        UPDATE cascade_cohort SET name = ?, level = ?, topic = ?, starts_on = ?, ends_on = ?, citizens_reached = ?
                        WHERE id = ?
                        """)
                .params(cohort.name(), cohort.level().name(), cohort.topic(), cohort.startsOn(), cohort.endsOn(),
                        cohort.citizensReached(), cohort.id())
                .update();
        jdbc.sql("DELETE FROM cascade_trainer WHERE cohort_id = ?").param(cohort.id()).update();
        jdbc.sql("DELETE FROM cascade_participant WHERE cohort_id = ?").param(cohort.id()).update();
        people(cohort.id(), cohort.siteId(), cohort.trainers(), cohort.participants());
    }

    void delete(long cohortId) {
        jdbc.sql("DELETE FROM cascade_cohort WHERE id = ?").param(cohortId).update();
    }

    private void people(long cohortId, long siteId, Collection<Long> trainers, Collection<Long> participants) {
        for (long trainer : trainers) {
            jdbc.sql("INSERT INTO cascade_trainer (cohort_id, person_id, site_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(cohortId, trainer, siteId).update();
        }
        for (long participant : participants) {
            jdbc.sql("INSERT INTO cascade_participant (cohort_id, person_id, site_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(cohortId, participant, siteId).update();
        }
    }

    private static Cohort cohort(ResultSet rs, int n) throws SQLException {
        return new Cohort(rs.getLong("id"), rs.getLong("site_id"), rs.getLong("organisation_id"), rs.getString("name"),
                CascadeLevel.valueOf(rs.getString("level")), rs.getString("topic"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getInt("citizens_reached"), ids(rs.getArray("trainers")),
                ids(rs.getArray("participants")));
    }

    private static List<Long> ids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Long[]) array.getArray()).toList();
    }
}
