package org.learningmap.privacy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person who has left something in every module, written row by row as each module writes it, so
 * that the export and the deletion can be checked against the whole schema.
 */
final class PrivacyFixtures {

    /** Who the person is, in every form something could be kept under. */
    record Person(long id, String email, String phone, String name, String token) {
    }

    /** What the person left, to find it again. */
    record Trail(long session, long activity, long organisation, long venue, long badge, long award) {
    }

    private final JdbcClient jdbc;
    private final EditingFixtures fixtures;

    PrivacyFixtures(JdbcClient jdbc, EditingFixtures fixtures) {
        this.jdbc = jdbc;
        this.fixtures = fixtures;
    }

    static String token() {
        return "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    Person person(String firstName, int yearOfBirth) {
        String token = token();
        String name = firstName + " " + token;
        long id = fixtures.account(name);
        String phone = "+3706" + (1000000 + (int) (Math.random() * 8999999));
        jdbc.sql("UPDATE account SET phone = ?, year_of_birth = ? WHERE id = ?").params(phone, yearOfBirth, id).update();
        return new Person(id, fixtures.email(id), phone, name, token);
    }

    long organisation(long site) {
        return fixtures.organisation(site, "Library " + token(), "APPROVED");
    }

    long activity(long site, long organisation) {
        return jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, summary, published_at)
                        VALUES (?, ?, 'CLASS', 'PUBLISHED', '{"lt": "Kompiuterio pradmenys", "en": "Computer basics", "uk": "Основи"}',
                                '{"en": "Mouse and keyboard"}', now())
                        RETURNING id
                        """)
                .params(site, organisation).query(Long.class).single();
    }

    long session(long site, long organisation, long activity, long venue, int days) {
        return jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, venue_id, starts_at, ends_at, capacity)
                        VALUES (?, ?, ?, ?, now() + make_interval(days => ?), now() + make_interval(days => ?, mins => 90), 10)
                        RETURNING id
                        """)
                .params(site, organisation, activity, venue, days, days).query(Long.class).single();
    }

    long badge(long site, long organisation) {
        return jdbc.sql("""
                        INSERT INTO badge (site_id, organisation_id, source, name) VALUES (?, ?, 'CUSTOM', '{"en": "Helper"}') RETURNING id
                        """).params(site, organisation).query(Long.class).single();
    }

    /** Everything but the sign-up (which goes through the enrolment module) and the impact facts (its events). */
    Trail everywhere(Person p, long site, long enrolmentId, long session, long activity, long organisation, long venue, long other) {
        String t = p.token();
        // accounts: consents (given by a guardian), trusted people both ways, what a helper did, a claim code, an open guardian link
        jdbc.sql("""
                        INSERT INTO consent_record (account_id, site_id, purpose, method, guardian_name, guardian_contact, given_at)
                        VALUES (?, ?, 'PERSONAL_DATA', 'ONLINE', 'Guardian of ' || ?, ?, now())
                        """).params(p.id(), site, t, "guardian-" + t + "@example.org").update();
        jdbc.sql("INSERT INTO guardian_request (token_hash, account_id, site_id, guardian_email, created_at, expires_at) VALUES (?, ?, ?, ?, now(), now() + interval '7 days')")
                .params("g-" + t, p.id(), site, "guardian-" + t + "@example.org").update();
        jdbc.sql("INSERT INTO delegation (person_id, trusted_id, site_id, granted_at, valid_until) VALUES (?, ?, ?, now(), now() + interval '30 days')")
                .params(p.id(), other, site).update();
        jdbc.sql("INSERT INTO delegation (person_id, trusted_id, site_id, granted_at, valid_until) VALUES (?, ?, ?, now(), now() + interval '30 days')")
                .params(other, p.id(), site).update();
        jdbc.sql("INSERT INTO delegation_log (person_id, actor_id, actor_name, site_id, action, detail, at) VALUES (?, ?, ?, ?, 'enrolment.enrolled', 'Computer basics', now())")
                .params(other, p.id(), p.name(), site).update();
        jdbc.sql("INSERT INTO delegation_log (person_id, actor_id, actor_name, site_id, action, detail, at) VALUES (?, ?, 'Someone else', ?, 'enrolment.enrolled', 'Computer basics', now())")
                .params(p.id(), other, site).update();
        jdbc.sql("INSERT INTO claim_code (code_hash, account_id, site_id, created_at, expires_at) VALUES (?, ?, ?, now(), now() + interval '30 days')")
                .params("c-" + t, p.id(), site).update();
        // catalogue: a saved search
        jdbc.sql("INSERT INTO saved_search (site_id, account_id, name, query) VALUES (?, ?, ?, 'q=evening')")
                .params(site, p.id(), "Evening classes for " + t).update();
        // enrolment: attendance, a check-in pass, a reminder reply, a calendar link
        jdbc.sql("""
                        INSERT INTO attendance (site_id, organisation_id, activity_id, session_id, enrolment_id, account_id, status, method, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'PRESENT', 'TAP', now())
                        """).params(site, organisation, activity, session, enrolmentId, p.id()).update();
        jdbc.sql("INSERT INTO check_in_pass (account_id, code, created_at) VALUES (?, ?, now())").params(p.id(), "P" + t.toUpperCase()).update();
        jdbc.sql("""
                        INSERT INTO enrolment_reminder (enrolment_id, session_id, site_id, organisation_id, token_hash, sent_at, answered_at, answer)
                        VALUES (?, ?, ?, ?, ?, now(), now(), 'COMING')
                        """).params(enrolmentId, session, site, organisation, "reminder-" + t).update();
        jdbc.sql("INSERT INTO personal_calendar_feed (account_id, token_hash) VALUES (?, ?)").params(p.id(), "feed-" + t).update();
        // recognition: an award, evidence with a file, a claim code used, a portfolio, playlist progress
        long badge = badge(site, organisation);
        long award = jdbc.sql("""
                        INSERT INTO award (public_id, badge_id, site_id, organisation_id, account_id, recipient_email, recipient_name, path,
                                           narrative, issued_at, status_index)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'EDUCATOR', ?, now(), ?) RETURNING id
                        """)
                .params(UUID.randomUUID(), badge, site, organisation, p.id(), p.email(), p.name(), "Helped " + t, 500000 + (int) (Math.random() * 1000000))
                .query(Long.class).single();
        long submission = jdbc.sql("""
                        INSERT INTO evidence_submission (site_id, organisation_id, badge_id, account_id, status, body, file_name, file_type,
                                                         file_bytes, created_at, updated_at)
                        VALUES (?, ?, ?, ?, 'APPROVED', ?, 'my-work.pdf', 'PDF', ?, now(), now()) RETURNING id
                        """)
                .params(site, organisation, badge, p.id(), "My work, by " + t, ("%PDF-1.4 " + p.name()).getBytes(StandardCharsets.UTF_8))
                .query(Long.class).single();
        jdbc.sql("INSERT INTO evidence_event (submission_id, site_id, organisation_id, author_id, kind, comment, created_at) VALUES (?, ?, ?, ?, 'SUBMITTED', ?, now())")
                .params(submission, site, organisation, p.id(), "Here it is, " + t).update();
        long claim = jdbc.sql("""
                        INSERT INTO badge_claim (site_id, organisation_id, badge_id, code_hash, opened_at, expires_at)
                        VALUES (?, ?, ?, ?, now(), now() + interval '1 day') RETURNING id
                        """).params(site, organisation, badge, "bc-" + UUID.randomUUID()).query(Long.class).single();
        jdbc.sql("INSERT INTO badge_claim_use (claim_id, account_id, site_id, organisation_id, award_id, claimed_at) VALUES (?, ?, ?, ?, ?, now())")
                .params(claim, p.id(), site, organisation, award).update();
        jdbc.sql("INSERT INTO portfolio (account_id, site_id, handle, public) VALUES (?, ?, ?, true)").params(p.id(), site, t.toLowerCase()).update();
        jdbc.sql("INSERT INTO portfolio_evidence (award_id, account_id, site_id, text, added_at) VALUES (?, ?, ?, ?, now())")
                .params(award, p.id(), site, "What I did, " + t).update();
        jdbc.sql("""
                        INSERT INTO portfolio_import (account_id, site_id, name, issuer_name, verdict, content_type, bytes, imported_at)
                        VALUES (?, ?, ?, 'Elsewhere', 'VALID', 'application/json', ?, now())
                        """).params(p.id(), site, "Imported for " + t, ("{\"recipient\": \"" + p.email() + "\"}").getBytes(StandardCharsets.UTF_8))
                .update();
        jdbc.sql("INSERT INTO playlist_activity_done (account_id, activity_id, site_id, how, first_done_at, last_done_at) VALUES (?, ?, ?, 'ATTENDED', now(), now())")
                .params(p.id(), activity, site).update();
        jdbc.sql("INSERT INTO personal_playlist (site_id, account_id, name) VALUES (?, ?, ?)").params(site, p.id(), "My path " + t).update();
        // assessment: a finished skills check
        jdbc.sql("""
                        INSERT INTO assessment_attempt (id, site_id, account_id, resume_code, kind, framework, bank_version, language,
                                                        answers, started_at, updated_at, finished_at, scoring_rule, result)
                        VALUES (?, ?, ?, ?, 'QUICK', 'digcomp', 'v1', 'en', '{}'::jsonb, now(), now(), now(), 'r1', ?::jsonb)
                        """)
                .params(UUID.randomUUID(), site, p.id(), "R" + t, """
                        {"rule": "r1", "bank": "v1", "areas": {"information": {"percent": 71, "level": 3, "band": "INTERMEDIATE"}}, "competences": {}}""")
                .update();
        // network: a volunteer with a shift, hours, a milestone, a 1:1 slot booked by someone, a booking of their own
        long volunteer = jdbc.sql("""
                        INSERT INTO volunteer (site_id, organisation_id, account_id, display_name, roles, status)
                        VALUES (?, ?, ?, ?, '{DIGITAL_HELPER}', 'APPROVED') RETURNING id
                        """).params(site, organisation, p.id(), p.name()).query(Long.class).single();
        long shift = jdbc.sql("""
                        INSERT INTO volunteer_shift (site_id, organisation_id, venue_id, starts_at, ends_at, capacity)
                        VALUES (?, ?, ?, now() + interval '3 days', now() + interval '3 days 2 hours', 3) RETURNING id
                        """).params(site, organisation, venue).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO volunteer_shift_signup (site_id, organisation_id, shift_id, volunteer_id, account_id, starts_at, ends_at)
                        SELECT site_id, organisation_id, id, ?, ?, starts_at, ends_at FROM volunteer_shift WHERE id = ?
                        """).params(volunteer, p.id(), shift).update();
        jdbc.sql("""
                        INSERT INTO volunteer_hours (site_id, organisation_id, volunteer_id, account_id, source, minutes, worked_on, note, status)
                        VALUES (?, ?, ?, ?, 'MANUAL', 120, current_date, ?, 'APPROVED')
                        """).params(site, organisation, volunteer, p.id(), "Taught " + t).update();
        jdbc.sql("INSERT INTO volunteer_milestone (site_id, account_id, hours, reached_at) VALUES (?, ?, 10, now())").params(site, p.id()).update();
        long slot = jdbc.sql("""
                        INSERT INTO help_slot (site_id, organisation_id, venue_id, volunteer_id, volunteer_account_id, starts_at, ends_at, languages, topics)
                        VALUES (?, ?, ?, ?, ?, now() + interval '5 days', now() + interval '5 days 30 minutes', '{lt}', '{email}') RETURNING id
                        """).params(site, organisation, venue, volunteer, p.id()).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO help_booking (site_id, organisation_id, slot_id, venue_id, volunteer_account_id, visitor_name, visitor_phone,
                                                  person_key, topic, language, starts_at, ends_at)
                        SELECT site_id, organisation_id, id, venue_id, volunteer_account_id, 'A visitor', '+37060000001', ?, 'email', 'lt', starts_at, ends_at
                        FROM help_slot WHERE id = ?
                        """).params("phone:+37060000001-" + t, slot).update();
        long othersVolunteer = jdbc.sql("""
                        INSERT INTO volunteer (site_id, organisation_id, account_id, display_name, roles, status)
                        VALUES (?, ?, ?, 'Another helper', '{DIGITAL_HELPER}', 'APPROVED') RETURNING id
                        """).params(site, organisation, other).query(Long.class).single();
        long othersSlot = jdbc.sql("""
                        INSERT INTO help_slot (site_id, organisation_id, venue_id, volunteer_id, volunteer_account_id, starts_at, ends_at, languages, topics)
                        VALUES (?, ?, ?, ?, ?, now() + interval '6 days', now() + interval '6 days 30 minutes', '{lt}', '{email}') RETURNING id
                        """).params(site, organisation, venue, othersVolunteer, other).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO help_booking (site_id, organisation_id, slot_id, venue_id, volunteer_account_id, person_account_id,
                                                  person_key, topic, language, starts_at, ends_at, booked_by)
                        SELECT site_id, organisation_id, id, venue_id, volunteer_account_id, ?, ?, 'email', 'lt', starts_at, ends_at, ?
                        FROM help_slot WHERE id = ?
                        """).params(p.id(), "account:" + p.id(), p.id(), othersSlot).update();
        // network: a member of a training cascade, and a file in the methods library they uploaded
        long cascadePerson = jdbc.sql("INSERT INTO cascade_person (site_id, account_id, name, name_key) VALUES (?, ?, ?, ?) RETURNING id")
                .params(site, p.id(), p.name(), p.name().toLowerCase()).query(Long.class).single();
        long cohort = jdbc.sql("""
                        INSERT INTO cascade_cohort (site_id, organisation_id, name, level, starts_on, ends_on) VALUES (?, ?, 'Spring trainers', 'TRAINER', current_date, current_date)
                        RETURNING id
                        """).params(site, organisation).query(Long.class).single();
        jdbc.sql("INSERT INTO cascade_participant (cohort_id, person_id, site_id) VALUES (?, ?, ?)").params(cohort, cascadePerson, site).update();
        long item = jdbc.sql("INSERT INTO library_item (site_id, organisation_id, kind, title, language, created_by) VALUES (?, ?, 'GUIDE', 'Email basics', 'lt', ?) RETURNING id")
                .params(site, organisation, p.id()).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO library_version (item_id, organisation_id, number, file_key, file_name, file_type, content_type, size_bytes, sha256, uploaded_by)
                        VALUES (?, ?, 1, ?, 'guide.pdf', 'PDF', 'application/pdf', 10, 'abc', ?)
                        """).params(item, organisation, "key-" + UUID.randomUUID(), p.id()).update();
        // platform: a message sent to them and one about them; a signed-in session on another device
        jdbc.sql("INSERT INTO outbox_email (recipient, subject, body, sent_at) VALUES (?, 'You are signed up', ?, now())")
                .params(p.email(), "Dear " + p.name() + ", see you on Monday.").update();
        jdbc.sql("INSERT INTO outbox_email (recipient, subject, body) VALUES (?, 'Please agree', ?)")
                .params("guardian-" + t + "@example.org", p.name() + " asks for your consent.").update();
        jdbc.sql("INSERT INTO outbox_sms (recipient, body, sent_at) VALUES (?, 'See you on Monday', now())").params(p.phone()).update();
        jdbc.sql("""
                        INSERT INTO spring_session (primary_id, session_id, creation_time, last_access_time, max_inactive_interval, expiry_time, principal_name)
                        VALUES (?, ?, 0, 0, 1800, 9999999999999, ?)
                        """).params(UUID.randomUUID().toString(), UUID.randomUUID().toString(), p.email()).update();
        return new Trail(session, activity, organisation, venue, badge, award);
    }
}
