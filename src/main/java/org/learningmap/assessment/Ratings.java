package org.learningmap.assessment;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.learningmap.catalogue.ActivityCard;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.platform.Json;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;

/**
 * Before/after self-ratings: an educator attaches one to an activity of their organisation with up to
 * five competences; learners rate themselves 0–10 on each, before and after, on their phone (by the
 * rating's code) or on paper typed in by the educator. Only staff of the organisation see or change it.
 * A rating belongs to a whole activity (a course) or to one of its sessions (a class).
 */
@Service
class Ratings {

    static final int MAX_COMPETENCES = 5;
    static final int BELOW = 5;
    static final String CHOOSE_ACTIVITY = "assessment.rating.choose-activity";
    static final String CHOOSE_COMPETENCES = "assessment.rating.choose-competences";
    static final String CHOOSE_SESSION = "assessment.rating.choose-session";
    static final String RATE_EVERY = "assessment.rating.rate-every";
    static final String UNKNOWN_CODE = "assessment.rating.unknown";

    enum Phase { BEFORE, AFTER }

    record Rating(long id, long siteId, long organisationId, long activityId, Long sessionId, LocalizedText title,
                  List<String> competences, String code, Instant createdAt) {
    }

    /** A coming session a rating can be attached to instead of its whole activity. */
    record SessionChoice(long sessionId, long activityId, LocalizedText activityTitle, Instant startsAt) {
    }

    /** Per competence (and {@code "all"}): how many answered, and how many of them rated themselves below 5. */
    record Summary(Map<String, Tally> before, Map<String, Tally> after) {
    }

    record Tally(int answers, int below, double mean) {
        public int percentBelow() {
            return answers == 0 ? 0 : (int) Math.round(100.0 * below / answers);
        }

        public String meanText() {
            return String.format(java.util.Locale.ROOT, "%.1f", mean);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<LinkedHashMap<String, Integer>> SCORES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Catalogue catalogue;
    private final Frameworks frameworks;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Ratings(JdbcClient jdbc, Organisations organisations, Catalogue catalogue, Frameworks frameworks, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.frameworks = frameworks;
        this.clock = clock;
    }

    boolean canRunRatings(long accountId, long organisationId) {
        return organisations.hasRole(accountId, organisationId, StaffRole.EDUCATOR);
    }

    /** The organisation's activities a rating can be attached to. */
    List<ActivityCard> activities(long accountId, long organisationId) {
        requireStaff(accountId, organisationId);
        return catalogue.upcomingByOrganisation(organisationId, 50);
    }

    /** The next few sessions of each of the organisation's activities. */
    List<SessionChoice> sessions(long accountId, long organisationId) {
        Instant now = clock.instant();
        List<SessionChoice> choices = new ArrayList<>();
        for (ActivityCard activity : activities(accountId, organisationId)) {
            catalogue.sessionsOf(activity.id()).stream().filter(s -> !s.cancelled() && s.startsAt().isAfter(now)).limit(3)
                    .forEach(s -> choices.add(new SessionChoice(s.sessionId(), activity.id(), activity.title(), s.startsAt())));
        }
        return choices;
    }

    Rating attach(long accountId, long organisationId, Long activityId, Long sessionId, List<String> competences) {
        requireStaff(accountId, organisationId);
        ActivityCard activity = activities(accountId, organisationId).stream()
                .filter(a -> activityId != null && a.id() == activityId).findFirst()
                .orElseThrow(() -> RuleViolation.badRequest(CHOOSE_ACTIVITY));
        Set<String> known = new java.util.HashSet<>(frameworks.byIdOrDefault(Frameworks.DEFAULT).competences().stream()
                .map(Framework.Competence::code).toList());
        List<String> chosen = competences == null ? List.of() : competences.stream().filter(known::contains).distinct().sorted().toList();
        if (chosen.isEmpty() || chosen.size() > MAX_COMPETENCES) {
            throw RuleViolation.badRequest(CHOOSE_COMPETENCES, MAX_COMPETENCES);
        }
        if (sessionId != null && catalogue.session(sessionId)
                .filter(s -> s.activityId() == activity.id() && s.organisationId() == organisationId && !s.cancelled()).isEmpty()) {
            throw RuleViolation.badRequest(CHOOSE_SESSION);
        }
        long siteId = organisations.siteOf(organisationId).orElseThrow(RuleViolation::notFound);
        long id = jdbc.sql("""
                        INSERT INTO assessment_rating (site_id, organisation_id, activity_id, session_id, title, competences, code,
                                                       created_by, created_at)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?::text[], ?, ?, ?) RETURNING id
                        """)
                .params(siteId, organisationId, activity.id(), sessionId, Json.json(activity.title()), "{" + String.join(",", chosen) + "}",
                        code(), accountId, Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    Rating visibleTo(long accountId, long ratingId) {
        Rating rating = find(ratingId).orElseThrow(RuleViolation::notFound);
        requireStaff(accountId, rating.organisationId());
        return rating;
    }

    List<Rating> ofOrganisation(long accountId, long organisationId) {
        requireStaff(accountId, organisationId);
        return jdbc.sql("SELECT * FROM assessment_rating WHERE organisation_id = ? ORDER BY created_at DESC LIMIT 50")
                .param(organisationId).query(this::rating).list();
    }

    Rating byCode(long siteId, String code) {
        return jdbc.sql("SELECT * FROM assessment_rating WHERE site_id = ? AND code = ?").params(siteId, Attempts.normaliseCode(code))
                .query(this::rating).optional().orElseThrow(() -> new RuleViolation(org.springframework.http.HttpStatus.NOT_FOUND, UNKNOWN_CODE));
    }

    /** A learner's own answer, sent from their phone. */
    @org.springframework.transaction.annotation.Transactional
    void answer(Rating rating, Phase phase, Map<String, Integer> scores) {
        store(rating, phase, scores, false, null);
    }

    /** A paper answer, typed in by staff of the organisation. */
    @org.springframework.transaction.annotation.Transactional
    void enterPaperAnswer(long accountId, long ratingId, Phase phase, Map<String, Integer> scores) {
        Rating rating = visibleTo(accountId, ratingId);
        store(rating, phase, scores, true, accountId);
    }

    private void store(Rating rating, Phase phase, Map<String, Integer> scores, boolean paper, Long enteredBy) {
        Map<String, Integer> checked = new LinkedHashMap<>();
        for (String competence : rating.competences()) {
            Integer score = scores.get(competence);
            if (score == null || score < 0 || score > 10) {
                throw RuleViolation.badRequest(RATE_EVERY);
            }
            checked.put(competence, score);
        }
        jdbc.sql("""
                        INSERT INTO assessment_rating_answer (rating_id, organisation_id, phase, scores, on_paper, entered_by, answered_at)
                        VALUES (?, ?, ?, ?::jsonb, ?, ?, ?)
                        """)
                .params(rating.id(), rating.organisationId(), phase.name(), Json.write(checked), paper, enteredBy,
                        Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new SelfRatingAnswered(rating.id(), rating.siteId(), rating.organisationId(), rating.activityId(),
                rating.sessionId(), phase.name(), checked.size(), checked.values().stream().mapToInt(Integer::intValue).sum(),
                clock.instant()));
    }

    Summary summary(long accountId, long ratingId) {
        Rating rating = visibleTo(accountId, ratingId);
        Map<Phase, List<Map<String, Integer>>> answers = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            answers.put(phase, jdbc.sql("SELECT scores FROM assessment_rating_answer WHERE rating_id = ? AND phase = ?")
                    .params(rating.id(), phase.name()).query(String.class).list().stream()
                    .map(json -> (Map<String, Integer>) Json.mapper().readValue(json, SCORES)).toList());
        }
        return new Summary(tallies(rating, answers.get(Phase.BEFORE)), tallies(rating, answers.get(Phase.AFTER)));
    }

    static Map<String, Tally> tallies(Rating rating, List<Map<String, Integer>> answers) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        List<Integer> all = new ArrayList<>();
        for (String competence : rating.competences()) {
            List<Integer> scores = answers.stream().map(a -> a.get(competence)).filter(java.util.Objects::nonNull).toList();
            all.addAll(scores);
            tallies.put(competence, tally(scores));
        }
        tallies.put("all", tally(all));
        return tallies;
    }

    private static Tally tally(List<Integer> scores) {
        int below = (int) scores.stream().filter(s -> s < BELOW).count();
        double mean = scores.stream().mapToInt(Integer::intValue).average().orElse(0);
        return new Tally(scores.size(), below, mean);
    }

    Optional<Rating> find(long id) {
        return jdbc.sql("SELECT * FROM assessment_rating WHERE id = ?").param(id).query(this::rating).optional();
    }

    private void requireStaff(long accountId, long organisationId) {
        if (!canRunRatings(accountId, organisationId)) {
            throw RuleViolation.forbidden();
        }
    }

    private Rating rating(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Rating(rs.getLong("id"), rs.getLong("site_id"), rs.getLong("organisation_id"), rs.getLong("activity_id"),
                (Long) rs.getObject("session_id"), Json.text(rs.getString("title")), List.of((String[]) rs.getArray("competences").getArray()), rs.getString("code"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static String code() {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return code.toString();
    }
}
