package org.learningmap.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fills the path variables of an endpoint pattern with real ids: organisation A's data (the demo
 * organisation of {@code owner@example.org}) and the demo learner's own data.
 */
public final class EndpointIds {

    private final JdbcClient jdbc;
    private final long orgA;
    private final long site;
    private final long learner;
    private final long coordinatorHere;

    public EndpointIds(JdbcClient jdbc, long orgA, long site, long learner, long coordinatorHere) {
        this.jdbc = jdbc;
        this.orgA = orgA;
        this.site = site;
        this.learner = learner;
        this.coordinatorHere = coordinatorHere;
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:([^}]+))?}");

    private final Map<String, Optional<String>> cache = new HashMap<>();

    public Optional<String> fill(String pattern) {
        boolean own = pattern.startsWith("/account") || pattern.startsWith("/skills-check") || pattern.startsWith("/saved-searches");
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String before = pattern.substring(0, m.start());
            String segment = before.endsWith("/") ? before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1) : "";
            Optional<String> value;
            if (m.group(3) != null) {
                value = Optional.of(m.group(3).split("\\|")[0]);
            } else {
                value = value(segment, m.group(1), own, pattern);
            }
            if (value.isEmpty()) {
                return Optional.empty();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.get()));
        }
        m.appendTail(out);
        return Optional.of(out.toString());
    }

    private Optional<String> value(String segment, String variable, boolean own, String pattern) {
        String table = switch (segment + "/" + variable) {
            case "organisations/id", "organisations/orgId", "organisations/org", "status-lists/organisationId" -> "=org";
            case "sites/id", "sites/siteId" -> "=site";
            case "activities/id", "activities/activityId", "items/activityId" -> "activity";
            case "sessions/id", "sessions/sessionId", "sessions/session" -> "session";
            case "badges/id", "badges/badgeId" -> own ? "award" : "badge";
            case "awards/awardId", "badges/awardId" -> "award";
            case "claims/claimId" -> "badge_claim";
            case "bulk/jobId" -> "bulk_award_job";
            case "import/jobId" -> "import_job";
            case "cascades/cohortId" -> "cascade_cohort";
            case "library/itemId", "library/id" -> "library_item";
            case "venues/venueId", "venues/id" -> "venue";
            case "questions/questionId" -> "registration_question";
            case "enrolments/enrolmentId", "enrolments/id", "enrolments/enrolment", "sign-ups/id" -> "enrolment";
            case "attendance/attendance" -> "attendance";
            case "people/person", "people-i-help/personId" -> "=learner";
            case "evidence/submissionId" -> "evidence_submission";
            case "evidence/evidenceId" -> "portfolio_evidence";
            case "collections/id" -> "portfolio_collection";
            case "imported/id" -> "portfolio_import";
            case "tokens/id" -> "api_token";
            case "trusted-people/id" -> "delegation";
            case "consents/id" -> "consent_record";
            case "playlists/id" -> own ? "personal_playlist" : "playlist";
            case "shifts/id" -> "volunteer_shift";
            case "shift-places/id" -> "volunteer_shift_signup";
            case "volunteers/id", "volunteering/id" -> "volunteer";
            case "hours/id" -> "volunteer_hours";
            case "slots/id" -> "help_slot";
            case "bookings/id" -> "help_booking";
            case "ratings/id" -> "assessment_rating";
            case "sittings/id" -> "assessment_sitting";
            case "items/id" -> "assessment_item";
            case "skills-check/id" -> "assessment_attempt";
            case "areas/areaId" -> "area";
            case "topics/topicId" -> "topic";
            case "coordinators/accountId" -> "=coordinator";
            case "staff/accountId" -> "=member";
            case "saved-searches/id" -> "saved_search";
            case "versions/version" -> "=1";
            case "check-in/code", "claim/code" -> "=code";
            default -> null;
        };
        if (table == null) {
            return Optional.empty();
        }
        String t = table;
        return cache.computeIfAbsent(t + own, k -> lookUp(t, own));
    }

    private Optional<String> lookUp(String table, boolean own) {
        try {
            switch (table) {
                case "=org": return Optional.of(Long.toString(orgA));
                case "=site": return Optional.of(Long.toString(site));
                case "=learner": return Optional.of(Long.toString(learner));
                case "=1": return Optional.of("1");
                case "=code": return Optional.of("ABCD1234");
                case "=coordinator": return Optional.of(Long.toString(coordinatorHere));
                case "activity", "session":
                    // one upcoming published session of A and its activity, so nested ids belong together
                    return jdbc.sql("""
                                    SELECT s.id, s.activity_id FROM session s JOIN activity a ON a.id = s.activity_id
                                    WHERE s.organisation_id = ? AND s.starts_at > now() AND a.status = 'PUBLISHED' ORDER BY s.starts_at LIMIT 1
                                    """).param(orgA)
                            .query((rs, n) -> rs.getString(table.equals("session") ? "id" : "activity_id")).optional();
                case "=member": return first("SELECT account_id FROM membership WHERE organisation_id = ? ORDER BY account_id", orgA);
                default: break;
            }
            List<String> columns = jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = ?")
                    .param(table).query(String.class).list();
            String id = columns.contains("id") ? "id::text" : "public_id::text";
            List<String> tries = new ArrayList<>();
            if (own && columns.contains("account_id")) {
                tries.add("SELECT " + id + " FROM " + table + " WHERE account_id = ? ORDER BY 1 LIMIT 1|" + learner);
            }
            if (columns.contains("organisation_id")) {
                tries.add("SELECT " + id + " FROM " + table + " WHERE organisation_id = ? ORDER BY 1 LIMIT 1|" + orgA);
            }
            if (!own && columns.contains("account_id")) {
                tries.add("SELECT " + id + " FROM " + table + " WHERE account_id = ? ORDER BY 1 LIMIT 1|" + learner);
            }
            if (columns.contains("site_id")) {
                tries.add("SELECT " + id + " FROM " + table + " WHERE site_id = ? ORDER BY 1 LIMIT 1|" + site);
            }
            tries.add("SELECT " + id + " FROM " + table + " ORDER BY 1 LIMIT 1|");
            for (String attempt : tries) {
                String[] parts = attempt.split("\\|", 2);
                var query = jdbc.sql(parts[0]);
                if (!parts[1].isEmpty()) {
                    query = query.param(Long.parseLong(parts[1]));
                }
                Optional<String> found = query.query(String.class).optional();
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            System.out.println("Endpoint ids: no id from " + table + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<String> first(String sql, long parameter) {
        return jdbc.sql(sql).param(parameter).query(Long.class).list().stream().findFirst().map(String::valueOf);
    }
}
