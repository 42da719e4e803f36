package org.learningmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.learningmap.platform.Outbox;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * A site's coordinator decides how long personal data is kept; the nightly run (here with a fixed
 * clock) deletes exactly what the rules say, warns an unused account once, 30 days ahead, and a
 * second run changes nothing.
 */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@ActiveProfiles("test")
class SitesKeepPersonalDataOnlyAsLongAsTheirRulesSayTest {

    static final Instant NOW = Instant.parse("2030-06-01T08:00:00Z");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    MyData myData;
    @Autowired
    List<PersonalDataContributor> contributors;
    @Autowired
    Sites sites;
    @Autowired
    Outbox outbox;
    @Autowired
    MessageSource messages;
    @Value("${learningmap.base-url}")
    String baseUrl;

    EditingFixtures fixtures;
    Site site;
    long organisation;
    long staff;

    @BeforeEach
    void aSiteOfItsOwn() {
        fixtures = new EditingFixtures(jdbc, passwords);
        long id = jdbc.sql("""
                        INSERT INTO site (slug, name, country, languages, default_language, time_zone, centre_lat, centre_lon)
                        VALUES (?, '{"en": "Retention town", "lt": "Saugojimo miestas"}', 'LT', '{en,lt}', 'en', 'Europe/Vilnius', 54.7, 25.3)
                        RETURNING id
                        """).param("retention-" + UUID.randomUUID().toString().substring(0, 8)).query(Long.class).single();
        sites.refresh();
        site = sites.byId(id).orElseThrow();
        organisation = fixtures.organisation(id, "Retention library", "APPROVED");
        staff = fixtures.account("Desk staff");
    }

    Retention at(Instant now) {
        return new Retention(jdbc, myData, contributors, sites, outbox, messages, Clock.fixed(now, ZoneOffset.UTC), baseUrl);
    }

    void rules(Integer inactive, Integer unclaimed, int answers, Integer evidence) {
        at(NOW).save(new RetentionRules(site.id(), inactive, unclaimed, answers, evidence), staff);
    }

    long person(String name, Instant created, Instant lastSignIn) {
        long id = fixtures.account(name);
        jdbc.sql("UPDATE account SET site_id = ?, created_at = ?, last_signed_in_at = ? WHERE id = ?")
                .params(site.id(), Timestamp.from(created), lastSignIn == null ? null : Timestamp.from(lastSignIn), id).update();
        return id;
    }

    long deskPerson(String name, Instant created, boolean claimed) {
        long id = person(name, created, null);
        jdbc.sql("UPDATE account SET created_by = ?, password_hash = NULL, claimed_at = ? WHERE id = ?")
                .params(staff, claimed ? Timestamp.from(created.plus(Duration.ofDays(1))) : null, id).update();
        return id;
    }

    boolean exists(long accountId) {
        return count("SELECT count(*) FROM account WHERE id = ?", accountId) == 1;
    }

    int warnings(long accountId) {
        return count("SELECT count(*) FROM outbox_email WHERE recipient = ? AND subject LIKE '%Retention town%'", fixtures.email(accountId));
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    static Instant monthsAgo(int months) {
        return NOW.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
    }

    @Test
    void anUnusedAccountIsWarnedOnceAndDeleted30DaysLaterWhileUsedOnesStay() {
        rules(12, null, 6, null);
        long unused = person("Unused", monthsAgo(30), monthsAgo(13));
        long signedInLately = person("Signed in lately", monthsAgo(30), monthsAgo(2));
        long bookedLately = person("Booked lately", monthsAgo(30), monthsAgo(14));
        booking(bookedLately, monthsAgo(1));
        long almost = person("Almost unused", monthsAgo(30), monthsAgo(11).minus(Duration.ofDays(15)));

        assertThat(at(NOW).apply(site).warned()).isEqualTo(2);
        assertThat(warnings(unused)).isEqualTo(1);
        assertThat(warnings(almost)).as("within 30 days of the limit: told now").isEqualTo(1);
        assertThat(warnings(signedInLately) + warnings(bookedLately)).isZero();
        assertThat(exists(unused)).as("not before the 30 days are over").isTrue();

        Retention.Run again = at(NOW.plus(Duration.ofDays(1))).apply(site);
        assertThat(again.warned()).as("the warning is sent once").isZero();
        assertThat(again.deleted()).isZero();
        assertThat(warnings(unused)).isEqualTo(1);

        assertThat(at(NOW.plus(Duration.ofDays(29))).apply(site).deleted()).as("not before the 30 days are over").isZero();
        Retention.Run later = at(NOW.plus(Duration.ofDays(30))).apply(site);
        assertThat(later.deleted()).isEqualTo(2);
        assertThat(exists(unused)).isFalse();
        assertThat(exists(almost)).isFalse();
        assertThat(exists(signedInLately)).isTrue();
        assertThat(exists(bookedLately)).isTrue();
        assertThat(at(NOW.plus(Duration.ofDays(30))).apply(site).deleted()).as("a second run changes nothing").isZero();
    }

    @Test
    void aPersonWhoSignsInAfterTheWarningIsKept() {
        rules(12, null, 6, null);
        long person = person("Comes back", monthsAgo(30), monthsAgo(13));
        at(NOW).apply(site);
        assertThat(warnings(person)).isEqualTo(1);
        jdbc.sql("UPDATE account SET last_signed_in_at = ?, retention_warned_at = NULL WHERE id = ?")
                .params(Timestamp.from(NOW.plus(Duration.ofDays(3))), person).update();
        at(NOW.plus(Duration.ofDays(31))).apply(site);
        assertThat(exists(person)).isTrue();
    }

    @Test
    void unclaimedDeskAccountsGoAfterTheirMonthsAndClaimedOnesStay() {
        rules(null, 12, 6, null);
        long old = deskPerson("Never came back", monthsAgo(13), false);
        long claimed = deskPerson("Took it over", monthsAgo(13), true);
        long recent = deskPerson("Made last month", monthsAgo(1), false);
        long unused = person("Unused but kept", monthsAgo(40), null);

        Retention.Run run = at(NOW).apply(site);
        assertThat(run.deleted()).isEqualTo(1);
        assertThat(exists(old)).isFalse();
        assertThat(exists(claimed)).isTrue();
        assertThat(exists(recent)).isTrue();
        assertThat(exists(unused)).as("the site keeps unused accounts").isTrue();
        assertThat(warnings(unused)).isZero();
    }

    @Test
    void answersAreClearedMonthsAfterTheSessionEndedAndNotBefore() {
        rules(null, null, 6, null);
        long person = person("Answered", monthsAgo(1), NOW);
        long oldSignUp = signUp(person, monthsAgo(7), "{\"access\": \"wheelchair\"}");
        long recentSignUp = signUp(person, monthsAgo(5), "{\"access\": \"hearing loop\"}");

        assertThat(at(NOW).apply(site).cleared()).isEqualTo(1);
        assertThat(answers(oldSignUp)).isEqualTo("{}");
        assertThat(answers(recentSignUp)).contains("hearing loop");
        assertThat(exists(person)).isTrue();
        assertThat(at(NOW).apply(site).cleared()).as("a second run changes nothing").isZero();
    }

    @Test
    void evidenceFilesGoMonthsAfterReviewAndTheReviewStays() {
        rules(null, null, 6, 24);
        long person = person("Sent evidence", monthsAgo(30), NOW);
        long badge = jdbc.sql("INSERT INTO badge (site_id, organisation_id, source, name) VALUES (?, ?, 'CUSTOM', '{\"en\": \"Helper\"}') RETURNING id")
                .params(site.id(), organisation).query(Long.class).single();
        long badge2 = jdbc.sql("INSERT INTO badge (site_id, organisation_id, source, name) VALUES (?, ?, 'CUSTOM', '{\"en\": \"Writer\"}') RETURNING id")
                .params(site.id(), organisation).query(Long.class).single();
        long badge3 = jdbc.sql("INSERT INTO badge (site_id, organisation_id, source, name) VALUES (?, ?, 'CUSTOM', '{\"en\": \"Reader\"}') RETURNING id")
                .params(site.id(), organisation).query(Long.class).single();
        long oldReviewed = evidence(person, badge, "APPROVED", monthsAgo(25));
        long recentReviewed = evidence(person, badge2, "APPROVED", monthsAgo(23));
        long waiting = evidence(person, badge3, "SUBMITTED", monthsAgo(30));

        assertThat(at(NOW).apply(site).cleared()).isEqualTo(1);
        assertThat(hasFile(oldReviewed)).isFalse();
        assertThat(count("SELECT count(*) FROM evidence_submission WHERE id = ? AND status = 'APPROVED'", oldReviewed)).isEqualTo(1);
        assertThat(hasFile(recentReviewed)).isTrue();
        assertThat(hasFile(waiting)).as("not reviewed yet").isTrue();
    }

    @Test
    void rulesOutOfRangeAreRefusedAndAnswersAlwaysHaveALimit() {
        assertThatThrownBy(() -> rules(3, null, 6, null)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> rules(null, null, 0, null)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> rules(null, 500, 6, null)).isInstanceOf(RuleViolation.class);
        rules(null, null, 6, null);
        assertThat(at(NOW).of(site.id())).isEqualTo(new RetentionRules(site.id(), null, null, 6, null));
    }

    // --- the rows other modules keep, as they write them

    long activity() {
        return jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, summary, published_at)
                        VALUES (?, ?, 'CLASS', 'PUBLISHED', '{"en": "Computer basics"}', '{"en": "Mouse"}', now()) RETURNING id
                        """).params(site.id(), organisation).query(Long.class).single();
    }

    long signUp(long person, Instant sessionEnded, String answers) {
        long activity = activity();
        long session = jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, online_url, starts_at, ends_at, capacity)
                        VALUES (?, ?, ?, 'https://example.org/meet', ?, ?, 10) RETURNING id
                        """)
                .params(site.id(), organisation, activity, Timestamp.from(sessionEnded.minus(Duration.ofHours(2))), Timestamp.from(sessionEnded))
                .query(Long.class).single();
        long pool = jdbc.sql("INSERT INTO place_pool (site_id, organisation_id, activity_id, session_id, capacity, confirmed) VALUES (?, ?, ?, ?, 10, 1) RETURNING id")
                .params(site.id(), organisation, activity, session).query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO enrolment (pool_id, site_id, organisation_id, activity_id, session_id, account_id, status, source, answers, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'CONFIRMED', 'SELF', ?::jsonb, ?) RETURNING id
                        """)
                .params(pool, site.id(), organisation, activity, session, person, answers, Timestamp.from(sessionEnded.minus(Duration.ofDays(7))))
                .query(Long.class).single();
    }

    void booking(long person, Instant at) {
        long id = signUp(person, at.plus(Duration.ofDays(7)), "{}");
        jdbc.sql("UPDATE enrolment SET created_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
    }

    String answers(long enrolment) {
        return jdbc.sql("SELECT answers::text FROM enrolment WHERE id = ?").param(enrolment).query(String.class).single();
    }

    long evidence(long person, long badge, String status, Instant reviewed) {
        return jdbc.sql("""
                        INSERT INTO evidence_submission (site_id, organisation_id, badge_id, account_id, status, body, file_name, file_type, file_bytes,
                                                         created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, 'My work', 'work.pdf', 'PDF', ?, ?, ?) RETURNING id
                        """)
                .params(site.id(), organisation, badge, person, status, "%PDF-1.4".getBytes(), Timestamp.from(reviewed.minus(Duration.ofDays(2))),
                        Timestamp.from(reviewed))
                .query(Long.class).single();
    }

    boolean hasFile(long submission) {
        return count("SELECT count(*) FROM evidence_submission WHERE id = ? AND file_bytes IS NOT NULL", submission) == 1;
    }
}
