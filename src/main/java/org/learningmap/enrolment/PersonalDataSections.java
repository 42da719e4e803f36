package org.learningmap.enrolment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learningmap.accounts.Accounts;
import org.learningmap.accounts.PersonalDataContributor;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.SessionFacts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What enrolment keeps about a person, for the export of their data and for the deletion of their
 * account: sign-ups with their answers, attendance, replies to reminders, the personal calendar
 * feed and the check-in pass. Deleting keeps sign-ups and attendance only as anonymous counts.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataSections {

    record SignUpPart(long id, String activity, Instant startsAt, String status, String source, Map<String, String> answers,
                      Instant createdAt, Instant cancelledAt, String cancelledBy, String cancelReason) {
    }

    record AttendancePart(String activity, Instant startsAt, String status, String method, Instant recordedAt) {
    }

    record ReminderPart(String activity, Instant startsAt, Instant sentAt, Instant answeredAt, String answer) {
    }

    record CalendarPart(Instant createdAt, Instant lastReadAt) {
    }

    record PassPart(String code, Instant createdAt) {
    }

    /** Titles and times of sessions, looked up once per export in the person's language. */
    private static final class Sessions {
        private final Catalogue catalogue;
        private final String language;
        private final Map<String, Optional<SessionFacts>> known = new HashMap<>();

        Sessions(Catalogue catalogue, String language) {
            this.catalogue = catalogue;
            this.language = language;
        }

        Optional<SessionFacts> of(long activityId, Long sessionId) {
            return known.computeIfAbsent(activityId + "/" + sessionId, k -> sessionId != null ? catalogue.session(sessionId)
                    : catalogue.sessionsOf(activityId).stream().findFirst());
        }

        String title(long activityId, Long sessionId) {
            return of(activityId, sessionId).map(s -> s.activityTitle().in(language, "en", "lt", "uk")).orElse("—");
        }

        Instant startsAt(long activityId, Long sessionId) {
            return of(activityId, sessionId).map(SessionFacts::startsAt).orElse(null);
        }
    }

    @Bean
    PersonalDataContributor enrolmentsSection(JdbcClient jdbc, Catalogue catalogue, Accounts accounts) {
        return new PersonalDataContributor() {
            @Override
            public String section() {
                return "enrolments";
            }

            @Override
            public Object export(long accountId) {
                Sessions sessions = new Sessions(catalogue, accounts.preferredLanguage(accountId));
                return jdbc.sql("""
                                SELECT id, activity_id, session_id, status, source, answers::text AS answers, created_at,
                                       cancelled_at, cancelled_by, cancel_reason
                                FROM enrolment WHERE account_id = ? ORDER BY created_at DESC, id DESC
                                """)
                        .param(accountId)
                        .query((rs, n) -> {
                            long activity = rs.getLong("activity_id");
                            Long session = rs.getObject("session_id", Long.class);
                            return new SignUpPart(rs.getLong("id"), sessions.title(activity, session), sessions.startsAt(activity, session),
                                    rs.getString("status"), rs.getString("source"), Enrolments.answers(rs.getString("answers")),
                                    instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("cancelled_at")),
                                    rs.getString("cancelled_by"), rs.getString("cancel_reason"));
                        })
                        .list();
            }

            @Override
            public void forget(long accountId) {
                // the row stays so that places and counts per session do not change, but says nothing of the person;
                // the links of its reminders stop working first, while the rows still say whose they were
                forgetReminderLinks(jdbc, accountId);
                jdbc.sql("""
                                UPDATE enrolment SET account_id = NULL, answers = '{}'::jsonb, idempotency_key = NULL,
                                       manage_token_hash = NULL, cancel_reason = NULL
                                WHERE account_id = ?
                                """)
                        .param(accountId).update();
                jdbc.sql("UPDATE enrolment SET acted_by = NULL WHERE acted_by = ?").param(accountId).update();
            }

            @Override
            public Instant lastUsed(long accountId) {
                return jdbc.sql("SELECT max(created_at) FROM enrolment WHERE account_id = ?")
                        .param(accountId)
                        .query((rs, n) -> rs.getTimestamp(1))
                        .list().stream().filter(java.util.Objects::nonNull).map(Timestamp::toInstant).findFirst().orElse(null);
            }

            /** Answers (registration questions, accessibility needs) are cleared {@code answersMonths} after the session ended. */
            @Override
            public int expire(org.learningmap.accounts.RetentionRules rules, Instant now) {
                Instant cutoff = org.learningmap.accounts.RetentionRules.monthsBefore(now, rules.answersMonths());
                record Answered(Long sessionId, long activityId) {
                }
                List<Answered> answered = jdbc.sql("SELECT DISTINCT session_id, activity_id FROM enrolment WHERE site_id = ? AND answers <> '{}'::jsonb")
                        .param(rules.siteId())
                        .query((rs, n) -> new Answered((Long) rs.getObject("session_id"), rs.getLong("activity_id")))
                        .list();
                int cleared = 0;
                for (Answered a : answered) {
                    Optional<Instant> ended = a.sessionId() != null
                            ? catalogue.session(a.sessionId()).map(SessionFacts::endsAt)
                            : catalogue.sessionsOf(a.activityId()).stream().map(SessionFacts::endsAt).max(java.util.Comparator.naturalOrder());
                    if (ended.isPresent() && ended.get().isBefore(cutoff)) {
                        cleared += a.sessionId() != null
                                ? jdbc.sql("UPDATE enrolment SET answers = '{}'::jsonb WHERE session_id = ? AND answers <> '{}'::jsonb")
                                        .param(a.sessionId()).update()
                                : jdbc.sql("UPDATE enrolment SET answers = '{}'::jsonb WHERE activity_id = ? AND session_id IS NULL AND answers <> '{}'::jsonb")
                                        .param(a.activityId()).update();
                    }
                }
                return cleared;
            }
        };
    }

    @Bean
    PersonalDataContributor attendanceSection(JdbcClient jdbc, Catalogue catalogue, Accounts accounts) {
        return new PersonalDataContributor() {
            @Override
            public String section() {
                return "attendance";
            }

            @Override
            public Object export(long accountId) {
                Sessions sessions = new Sessions(catalogue, accounts.preferredLanguage(accountId));
                return jdbc.sql("""
                                SELECT activity_id, session_id, status, method, recorded_at FROM attendance
                                WHERE account_id = ? ORDER BY recorded_at DESC, id DESC
                                """)
                        .param(accountId)
                        .query((rs, n) -> {
                            long activity = rs.getLong("activity_id");
                            long session = rs.getLong("session_id");
                            return new AttendancePart(sessions.title(activity, session), sessions.startsAt(activity, session),
                                    rs.getString("status"), rs.getString("method"), instant(rs.getTimestamp("recorded_at")));
                        })
                        .list();
            }

            @Override
            public void forget(long accountId) {
                jdbc.sql("UPDATE attendance SET account_id = NULL, walk_in_name = NULL, walk_in_contact = NULL WHERE account_id = ?")
                        .param(accountId).update();
                jdbc.sql("UPDATE attendance SET recorded_by = NULL WHERE recorded_by = ?").param(accountId).update();
            }
        };
    }

    @Bean
    PersonalDataContributor reminderRepliesSection(JdbcClient jdbc, Catalogue catalogue, Accounts accounts) {
        return new PersonalDataContributor() {
            @Override
            public String section() {
                return "reminderReplies";
            }

            @Override
            public Object export(long accountId) {
                Sessions sessions = new Sessions(catalogue, accounts.preferredLanguage(accountId));
                return jdbc.sql("""
                                SELECT e.activity_id, r.session_id, r.sent_at, r.answered_at, r.answer
                                FROM enrolment_reminder r JOIN enrolment e ON e.id = r.enrolment_id
                                WHERE e.account_id = ? ORDER BY r.sent_at DESC, r.id DESC
                                """)
                        .param(accountId)
                        .query((rs, n) -> {
                            long activity = rs.getLong("activity_id");
                            long session = rs.getLong("session_id");
                            return new ReminderPart(sessions.title(activity, session), sessions.startsAt(activity, session),
                                    instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("answered_at")), rs.getString("answer"));
                        })
                        .list();
            }

            @Override
            public void forget(long accountId) {
                // the replies count on, anonymously, with their sign-ups
                forgetReminderLinks(jdbc, accountId);
            }
        };
    }

    @Bean
    PersonalDataContributor personalCalendarSection(JdbcClient jdbc) {
        return new PersonalDataContributor() {
            @Override
            public String section() {
                return "personalCalendar";
            }

            @Override
            public Object export(long accountId) {
                return jdbc.sql("SELECT created_at, last_read_at FROM personal_calendar_feed WHERE account_id = ?")
                        .param(accountId)
                        .query((rs, n) -> new CalendarPart(instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_read_at"))))
                        .list();
            }

            @Override
            public void forget(long accountId) {
                jdbc.sql("DELETE FROM personal_calendar_feed WHERE account_id = ?").param(accountId).update();
            }
        };
    }

    @Bean
    PersonalDataContributor checkInPassSection(JdbcClient jdbc) {
        return new PersonalDataContributor() {
            @Override
            public String section() {
                return "checkInPass";
            }

            @Override
            public Object export(long accountId) {
                return jdbc.sql("SELECT code, created_at FROM check_in_pass WHERE account_id = ?")
                        .param(accountId)
                        .query((rs, n) -> new PassPart(rs.getString("code"), instant(rs.getTimestamp("created_at"))))
                        .list();
            }

            @Override
            public void forget(long accountId) {
                jdbc.sql("DELETE FROM check_in_pass WHERE account_id = ?").param(accountId).update();
            }
        };
    }

    private static void forgetReminderLinks(JdbcClient jdbc, long accountId) {
        jdbc.sql("""
                        UPDATE enrolment_reminder SET token_hash = 'forgotten-' || id
                        WHERE enrolment_id IN (SELECT id FROM enrolment WHERE account_id = ?)
                        """)
                .param(accountId).update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
