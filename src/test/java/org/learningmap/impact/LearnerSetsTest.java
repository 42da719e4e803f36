package org.learningmap.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Unique learners merged from the sets kept in memory are exactly what {@code count(DISTINCT)} over the
 * learner-month table gives, for any period, organisation, topic and audience, after a rebuild and after
 * facts added since, here or on another node.
 */
@SpringBootTest
@ActiveProfiles("test")
class LearnerSetsTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    org.learningmap.sites.Sites sites;
    @Autowired
    Facts facts;
    @Autowired
    Impact impact;
    @Autowired
    LearnerSets learnerSets;

    ImpactFixture f;
    final Random random = new Random(20261206);
    final List<Integer> profiles = new ArrayList<>();
    final List<Long> people = new ArrayList<>();

    @BeforeEach
    void site() {
        f = new ImpactFixture(jdbc, new EditingFixtures(jdbc, passwords), sites);
        profiles.add(profile("{" + f.topicPhones + "}", "{SENIORS}"));
        profiles.add(profile("{" + f.topicScams + "}", "{}"));
        profiles.add(profile("{" + f.topicPhones + "," + f.topicScams + "}", "{YOUTH,SENIORS}"));
        profiles.add(0);
        for (int i = 0; i < 300; i++) {
            people.add(jdbc.sql("INSERT INTO impact_person (person_key) VALUES (decode(md5(random()::text || clock_timestamp()), 'hex')) RETURNING id")
                    .query(Long.class).single());
        }
    }

    private int profile(String topics, String audiences) {
        return jdbc.sql("INSERT INTO impact_profile (site_id, topic_ids, audiences) VALUES (?, ?::bigint[], ?::text[]) RETURNING id")
                .params(f.siteId, topics, audiences).query(Integer.class).single();
    }

    private <T> T any(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private Facts.Cell randomCell() {
        LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(540));
        return new Facts.Cell(f.siteId, any(List.of(f.orgA, f.orgB)), any(List.of(f.north, f.south, 0L)), any(profiles), day);
    }

    @Test
    void uniqueLearnersMergedInMemoryAreWhatCountDistinctGivesForAnyFilter() {
        // Facts written straight into the fact table (as an import or the benchmark does), then a rebuild.
        for (int i = 0; i < 2_000; i++) {
            Facts.Cell c = randomCell();
            int delta = random.nextInt(10) == 0 ? -1 : 1;
            jdbc.sql("""
                            INSERT INTO impact_fact (site_id, organisation_id, area_id, profile_id, kind, day, person_id, delta, source)
                            VALUES (?, ?, ?, ?, 'ATTENDANCE', ?, ?, ?, 'test:sets')
                            """)
                    .params(c.siteId(), c.organisationId(), c.areaId(), c.profileId(), Date.valueOf(c.day()), any(people), delta).update();
        }
        impact.rebuild();
        learnerSets.load();
        assertSameAsCountDistinct(150);

        // Facts added one by one since, on this node: attendances and their withdrawals.
        for (int i = 0; i < 300; i++) {
            facts.add(randomCell(), Facts.Kind.ATTENDANCE, any(people), random.nextInt(4) == 0 ? -1 : 1, 0, "test:sets:" + i);
        }
        assertSameAsCountDistinct(150);
    }

    @Test
    void aLearnerCountedOnAnotherNodeIsSeenWithinSeconds() {
        YearMonth month = YearMonth.of(2026, 2);
        learnerSets.load();
        learnerSets.count(f.siteId, month, month, null, null).orElseThrow();
        long person = people.get(0);
        // Another node writes the fact and its learner-month row: this node's version does not change.
        jdbc.sql("""
                        INSERT INTO impact_fact (site_id, organisation_id, area_id, profile_id, kind, day, person_id, delta, source)
                        VALUES (?, ?, ?, 0, 'ATTENDANCE', '2026-02-10', ?, 1, 'test:other-node')
                        """)
                .params(f.siteId, f.orgA, f.north, person).update();
        jdbc.sql("SELECT impact_refresh_learner(?, '2026-02-01', ?, ?, 0, ?)").params(f.siteId, f.orgA, f.north, person).query(rs -> { });
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            LearnerSets.Counts counts = learnerSets.count(f.siteId, month, month, null, null).orElseThrow();
            assertThat(counts.total()).isEqualTo(1);
            assertThat(counts.perArea()).containsEntry(f.north, 1L);
        });
    }

    private void assertSameAsCountDistinct(int filters) {
        for (int i = 0; i < filters; i++) {
            YearMonth from = YearMonth.of(2025, 1).plusMonths(random.nextInt(18));
            YearMonth to = from.plusMonths(random.nextInt(18));
            Long organisation = any(java.util.Arrays.asList(null, f.orgA, f.orgB));
            Long topic = any(java.util.Arrays.asList(null, null, f.topicPhones, f.topicScams));
            String audience = any(java.util.Arrays.asList(null, null, "SENIORS", "YOUTH"));

            StringBuilder where = new StringBuilder(" WHERE site_id = ? AND month BETWEEN ? AND ?");
            List<Object> params = new ArrayList<>(List.of(f.siteId, Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1))));
            if (organisation != null) {
                where.append(" AND organisation_id = ?");
                params.add(organisation);
            }
            Set<Integer> chosen = null;
            if (topic != null || audience != null) {
                String sql = "SELECT id FROM impact_profile WHERE site_id = ?" + (topic != null ? " AND ? = ANY (topic_ids)" : "")
                        + (audience != null ? " AND ? = ANY (audiences)" : "");
                List<Object> p = new ArrayList<>(List.of(f.siteId));
                if (topic != null) {
                    p.add(topic);
                }
                if (audience != null) {
                    p.add(audience);
                }
                chosen = new HashSet<>(jdbc.sql(sql).params(p).query(Integer.class).list());
                where.append(" AND profile_id IN (SELECT id FROM impact_profile WHERE site_id = ?")
                        .append(topic != null ? " AND ? = ANY (topic_ids)" : "").append(audience != null ? " AND ? = ANY (audiences)" : "")
                        .append(")");
                params.addAll(p);
            }
            long total = jdbc.sql("SELECT count(DISTINCT person_id) FROM impact_learner_month" + where).params(params)
                    .query(Long.class).single();
            Map<Long, Long> perArea = new HashMap<>();
            jdbc.sql("SELECT area_id, count(DISTINCT person_id) AS n FROM impact_learner_month" + where + " GROUP BY area_id")
                    .params(params).query(rs -> {
                        perArea.put(rs.getLong("area_id"), rs.getLong("n"));
                    });

            LearnerSets.Counts counts = learnerSets.count(f.siteId, from, to, organisation, chosen).orElseThrow();
            String filter = from + ".." + to + " organisation " + organisation + " topic " + topic + " audience " + audience;
            assertThat(counts.total()).as(filter).isEqualTo(total);
            assertThat(counts.perArea()).as(filter).isEqualTo(perArea);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM impact_learner_month WHERE site_id = ?").param(f.siteId).query(Long.class).single())
                .isGreaterThan(500);
    }
}
