package org.learningmap.catalogue.editing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.ActivityCancelled;
import org.learningmap.catalogue.ActivityPublished;
import org.learningmap.catalogue.ActivityStatus;
import org.learningmap.catalogue.SessionCancelled;
import org.learningmap.organisations.Organisations;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff and coordinators do with activities and sessions. Every use case checks the acting
 * account's role in the activity's organisation first (or, for review, that it coordinates the
 * site), then the rule, then changes the rows and announces what happened.
 */
@Service
@Transactional(rollbackFor = InvalidInput.class)
class ActivityEditing {

    static final Duration MAX_SESSION = Duration.ofDays(14);
    static final int MAX_CAPACITY = 10_000;

    private final ActivityStore store;
    private final StaffAccess access;
    private final Organisations organisations;
    private final Sites sites;
    private final DigCompCompetences digcomp;
    private final VenueChoices venues;
    private final ImageStore images;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActivityEditing(ActivityStore store, StaffAccess access, Organisations organisations, Sites sites, DigCompCompetences digcomp,
                    VenueChoices venues, ImageStore images, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.access = access;
        this.organisations = organisations;
        this.sites = sites;
        this.digcomp = digcomp;
        this.venues = venues;
        this.images = images;
        this.events = events;
        this.clock = clock;
    }

    /** The activity for a viewer of its organisation (educator or above); 404 when it does not exist. */
    @Transactional(readOnly = true)
    StoredActivity view(long accountId, long activityId) {
        StoredActivity activity = store.find(activityId).orElseThrow(RuleViolation::notFound);
        access.requireViewer(accountId, activity.organisationId());
        return activity;
    }

    /** Creates a draft; returns its id. */
    long create(long accountId, long organisationId, ActivityInput input) throws InvalidInput {
        access.requireEditor(accountId, organisationId);
        Site site = siteOfOrganisation(organisationId);
        ActivityContent content = validator(site).validate(input);
        return store.insert(site.id(), organisationId, content, clock.instant());
    }

    /** Replaces the content of an activity that is not archived; its status stays. */
    void update(long accountId, long activityId, ActivityInput input) throws InvalidInput {
        StoredActivity activity = editable(accountId, activityId);
        if (!StatusRules.editable(activity.status())) {
            throw new RuleViolation(StatusRules.ALREADY_ARCHIVED);
        }
        ActivityContent content = validator(site(activity)).validate(input);
        store.update(activityId, content, clock.instant());
    }

    /** Publishes a draft, or sends it for review when the site moderates; returns the new status. */
    ActivityStatus publish(long accountId, long activityId) {
        StoredActivity activity = lockEditable(accountId, activityId);
        var decision = StatusRules.publish(facts(activity));
        ActivityStatus next = allowed(decision);
        move(activity, next);
        return next;
    }

    /** A coordinator of the activity's site approves it: it is published. */
    void approve(CurrentAccount coordinator, long activityId) {
        StoredActivity activity = lockForReview(coordinator, activityId);
        move(activity, allowed(StatusRules.approve(facts(activity))));
    }

    /** A coordinator sends it back to draft with a reason its staff will read. */
    void sendBack(CurrentAccount coordinator, long activityId, String reason) {
        StoredActivity activity = lockForReview(coordinator, activityId);
        move(activity, allowed(StatusRules.sendBack(activity.status(), reason)));
        store.noteReview(activityId, reason.strip().length() > 1000 ? reason.strip().substring(0, 1000) : reason.strip());
    }

    /** Cancels the activity and every session of it that has not started. */
    void cancel(long accountId, long activityId) {
        StoredActivity activity = lockEditable(accountId, activityId);
        move(activity, allowed(StatusRules.cancel(activity.status())));
        Instant now = clock.instant();
        for (StoredSession session : store.cancelFutureSessions(activityId, now)) {
            events.publishEvent(new SessionCancelled(session.id(), activityId, activity.siteId(), session.startsAt()));
        }
        events.publishEvent(new ActivityCancelled(activityId, activity.siteId(), activity.organisationId(), now));
    }

    void archive(long accountId, long activityId) {
        StoredActivity activity = lockEditable(accountId, activityId);
        move(activity, allowed(StatusRules.archive(activity.status())));
    }

    /**
     * Copies an activity as a new draft. With a first day, its scheduled sessions come along, moved
     * by whole days so that the first one falls on that day at the same local times; without one,
     * the copy has no sessions.
     */
    /** How far ahead a copy's first session may be moved. */
    static final int COPY_WITHIN_YEARS = 10;

    long copy(long accountId, long activityId, LocalDate firstDay) throws InvalidInput {
        StoredActivity original = editable(accountId, activityId);
        Site site = site(original);
        ZoneId zone = site.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (firstDay != null && firstDay.isBefore(today)) {
            throw new InvalidInput(FieldProblem.of("firstDay", "copy.first-day-past"));
        }
        if (firstDay != null && firstDay.isAfter(today.plusYears(COPY_WITHIN_YEARS))) {
            throw new InvalidInput(FieldProblem.of("firstDay", "copy.first-day-far"));
        }
        long copyId = store.insert(original.siteId(), original.organisationId(), original.content(), clock.instant());
        if (original.imageId() != null) {
            store.setImage(copyId, original.imageId(), clock.instant());
        }
        List<StoredSession> sessions = store.sessions(activityId).stream().filter(s -> !s.cancelled()).toList();
        if (firstDay != null && !sessions.isEmpty()) {
            StoredActivity copy = store.find(copyId).orElseThrow();
            long shift = ChronoUnit.DAYS.between(sessions.getFirst().startsAt().atZone(zone).toLocalDate(), firstDay);
            for (StoredSession session : sessions) {
                Instant start = session.startsAt().atZone(zone).toLocalDateTime().plusDays(shift).atZone(zone).toInstant();
                Instant end = session.endsAt().atZone(zone).toLocalDateTime().plusDays(shift).atZone(zone).toInstant();
                String rule = session.seriesRule() != null && session.seriesRule().contains("UNTIL=") ? null : session.seriesRule();
                store.insertSession(copy, session.venueId(), session.onlineUrl(), start, end.isAfter(start) ? end : start.plusSeconds(60),
                        session.capacity(), rule);
            }
        }
        return copyId;
    }

    /** Adds one session; returns its id. */
    long addSession(long accountId, long activityId, Instant start, Instant end, SessionPlan plan) throws InvalidInput {
        StoredActivity activity = sessionsChangeable(accountId, activityId);
        checkSession(activity, start, end, plan);
        long id = store.insertSession(activity, plan.venueId(), plan.onlineUrl(), start, end, plan.capacity(), null);
        store.touch(activityId, clock.instant());
        return id;
    }

    /** The sessions a rule would make, for a preview; nothing is saved. */
    @Transactional(readOnly = true)
    List<SeriesGenerator.Occurrence> preview(long accountId, long activityId, SeriesRule rule) throws InvalidInput {
        StoredActivity activity = view(accountId, activityId);
        return occurrences(rule, site(activity).zone());
    }

    /** Adds every session of a repeating series, each carrying the rule's RRULE text; returns their ids. */
    List<Long> addSeries(long accountId, long activityId, SeriesRule rule, SessionPlan plan) throws InvalidInput {
        StoredActivity activity = sessionsChangeable(accountId, activityId);
        ZoneId zone = site(activity).zone();
        List<SeriesGenerator.Occurrence> occurrences = occurrences(rule, zone);
        checkSession(activity, occurrences.getFirst().start(), occurrences.getFirst().end(), plan);
        String rrule = rule.toRRule(zone);
        List<Long> ids = new ArrayList<>();
        for (SeriesGenerator.Occurrence occurrence : occurrences) {
            ids.add(store.insertSession(activity, plan.venueId(), plan.onlineUrl(), occurrence.start(), occurrence.end(),
                    plan.capacity(), rrule));
        }
        store.touch(activityId, clock.instant());
        return ids;
    }

    /** Changes a session that has not started. */
    void updateSession(long accountId, long sessionId, Instant start, Instant end, SessionPlan plan) throws InvalidInput {
        StoredSession session = futureSession(accountId, sessionId);
        StoredActivity activity = store.find(session.activityId()).orElseThrow();
        checkSession(activity, start, end, plan);
        store.updateSession(sessionId, plan.venueId(), plan.onlineUrl(), start, end, plan.capacity());
        store.touch(activity.id(), clock.instant());
    }

    /** Removes a session that has not started, as if it had never been planned. */
    void deleteSession(long accountId, long sessionId) {
        StoredSession session = futureSession(accountId, sessionId);
        store.deleteSession(sessionId);
        store.touch(session.activityId(), clock.instant());
    }

    /** Cancels a session; it stays visible as cancelled. */
    StoredSession cancelSession(long accountId, long sessionId) {
        StoredSession session = futureSession(accountId, sessionId);
        if (session.cancelled() || !store.cancelSession(sessionId)) {
            throw new RuleViolation("session.already-cancelled");
        }
        StoredActivity activity = store.find(session.activityId()).orElseThrow();
        store.touch(activity.id(), clock.instant());
        events.publishEvent(new SessionCancelled(sessionId, activity.id(), activity.siteId(), session.startsAt()));
        return store.session(sessionId).orElseThrow();
    }

    /** Checks, shrinks and stores an uploaded picture and shows it on the activity; returns the image id. */
    long attachImage(long accountId, long activityId, byte[] upload) throws InvalidInput {
        StoredActivity activity = editable(accountId, activityId);
        ImageProcessor.Processed image = ImageProcessor.process(upload);
        long imageId = images.store(activity.organisationId(), image);
        store.setImage(activityId, imageId, clock.instant());
        return imageId;
    }

    /** The session, checked: the account edits its organisation and the session has not started. */
    @Transactional(readOnly = true)
    StoredSession session(long accountId, long sessionId) {
        StoredSession session = store.session(sessionId).orElseThrow(RuleViolation::notFound);
        StoredActivity activity = store.find(session.activityId()).orElseThrow(RuleViolation::notFound);
        access.requireViewer(accountId, activity.organisationId());
        return session;
    }

    /** What publishing would decide now, to tell staff before they press the button. */
    @Transactional(readOnly = true)
    StatusRules.Decision publishDecision(StoredActivity activity) {
        return StatusRules.publish(facts(activity));
    }

    ActivityValidator validator(Site site) {
        return new ActivityValidator(site, store.topics(site.id()).stream().map(ActivityStore.Topic::slug)
                .collect(java.util.stream.Collectors.toSet()), digcomp.codes());
    }

    Site site(StoredActivity activity) {
        return sites.byId(activity.siteId()).orElseThrow(RuleViolation::notFound);
    }

    private Site siteOfOrganisation(long organisationId) {
        return organisations.siteOf(organisationId).flatMap(sites::byId).orElseThrow(RuleViolation::notFound);
    }

    private StoredActivity editable(long accountId, long activityId) {
        StoredActivity activity = store.find(activityId).orElseThrow(RuleViolation::notFound);
        access.requireEditor(accountId, activity.organisationId());
        return activity;
    }

    private StoredActivity lockEditable(long accountId, long activityId) {
        editable(accountId, activityId);
        return store.lock(activityId).orElseThrow(RuleViolation::notFound);
    }

    private StoredActivity lockForReview(CurrentAccount coordinator, long activityId) {
        StoredActivity activity = store.lock(activityId).orElseThrow(RuleViolation::notFound);
        if (!coordinator.coordinates(activity.siteId())) {
            throw RuleViolation.forbidden();
        }
        return activity;
    }

    private StoredActivity sessionsChangeable(long accountId, long activityId) {
        StoredActivity activity = editable(accountId, activityId);
        if (activity.status() == ActivityStatus.CANCELLED || activity.status() == ActivityStatus.ARCHIVED) {
            throw new RuleViolation(StatusRules.ALREADY_CLOSED);
        }
        return activity;
    }

    private StoredSession futureSession(long accountId, long sessionId) {
        StoredSession session = store.session(sessionId).orElseThrow(RuleViolation::notFound);
        sessionsChangeable(accountId, session.activityId());
        if (!session.isFuture(clock.instant())) {
            throw new RuleViolation("session.already-started");
        }
        return session;
    }

    private void checkSession(StoredActivity activity, Instant start, Instant end, SessionPlan plan) throws InvalidInput {
        List<FieldProblem> problems = new ArrayList<>();
        if (start == null) {
            problems.add(FieldProblem.of("startsAt", "validation.required"));
        } else if (!start.isAfter(clock.instant())) {
            problems.add(FieldProblem.of("startsAt", "session.start-in-past"));
        }
        if (end == null) {
            problems.add(FieldProblem.of("endsAt", "validation.required"));
        } else if (start != null && !end.isAfter(start)) {
            problems.add(FieldProblem.of("endsAt", "session.end-before-start"));
        } else if (start != null && Duration.between(start, end).compareTo(MAX_SESSION) > 0) {
            problems.add(FieldProblem.of("endsAt", "session.too-long", MAX_SESSION.toDays()));
        }
        placeProblems(activity.organisationId(), plan, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    private void placeProblems(long organisationId, SessionPlan plan, List<FieldProblem> problems) {
        boolean hasVenue = plan.venueId() != null;
        boolean hasLink = plan.onlineUrl() != null && !plan.onlineUrl().isBlank();
        if (!hasVenue && !hasLink) {
            problems.add(FieldProblem.of("venueId", "session.place-required"));
        } else if (hasVenue && hasLink) {
            problems.add(FieldProblem.of("venueId", "session.place-both"));
        } else if (hasVenue && !venues.belongsTo(plan.venueId(), organisationId)) {
            problems.add(FieldProblem.of("venueId", "session.venue-unknown"));
        } else if (hasLink) {
            ActivityValidator.url("onlineUrl", plan.onlineUrl(), problems);
        }
        if (plan.capacity() != null && (plan.capacity() < 1 || plan.capacity() > MAX_CAPACITY)) {
            problems.add(FieldProblem.of("capacity", "editing.error.range", 1, MAX_CAPACITY));
        }
    }

    private static List<SeriesGenerator.Occurrence> occurrences(SeriesRule rule, ZoneId zone) throws InvalidInput {
        List<FieldProblem> problems = rule.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        try {
            return SeriesGenerator.generate(rule, zone);
        } catch (SeriesGenerator.TooManyOrNone e) {
            throw new InvalidInput(e.problem());
        }
    }

    private StatusRules.PublishFacts facts(StoredActivity activity) {
        Site site = site(activity);
        return new StatusRules.PublishFacts(activity.status(), activity.kind(), organisations.isApproved(activity.organisationId()),
                activity.title().has(site.defaultLanguage()), store.upcomingSessions(activity.id(), clock.instant()),
                site.requiresModeration());
    }

    private static ActivityStatus allowed(StatusRules.Decision decision) {
        return switch (decision) {
            case StatusRules.Decision.Allowed allowed -> allowed.next();
            case StatusRules.Decision.Refused refused -> throw new RuleViolation(refused.reason());
        };
    }

    private void move(StoredActivity activity, ActivityStatus next) {
        Instant now = clock.instant();
        if (!store.changeStatus(activity.id(), activity.status(), next, now)) {
            throw new RuleViolation("activity.changed-meanwhile");
        }
        if (next == ActivityStatus.PUBLISHED) {
            events.publishEvent(new ActivityPublished(activity.id(), activity.siteId(), activity.organisationId(), now));
        }
    }
}
