package org.learningmap.enrolment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.accounts.Addressee;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.accounts.Delegations;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.organisations.Organisations;
import org.learningmap.platform.Json;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing up, waiting and giving places back. What other modules and pages may ask of enrolment;
 * pages call it by its bean name, {@code enrolments}.
 *
 * <p>Every change to a pool's places first holds the pool's row ({@code place_pool}): a place is
 * taken by one conditional UPDATE of {@code confirmed}, so two people can never take the last place,
 * and the waitlist is served strictly in arrival order (the order of the enrolment ids). When a place
 * frees, the first person in line gets it in the same transaction.
 */
@Service("enrolments")
public class Enrolments {

    private final EnrolmentStore store;
    private final Catalogue catalogue;
    private final Organisations organisations;
    private final Accounts accounts;
    private final EnrolmentMail mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Delegations delegations;
    private final Sites sites;

    Enrolments(EnrolmentStore store, Catalogue catalogue, Organisations organisations, Accounts accounts, EnrolmentMail mail,
               ApplicationEventPublisher events, Clock clock, Delegations delegations, Sites sites) {
        this.delegations = delegations;
        this.sites = sites;
        this.store = store;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.accounts = accounts;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Signs a person up for a session (or, for a course or camp, for all of its sessions at once):
     * a place if one is free, otherwise the end of the waitlist. A person holds at most one place per
     * session; signing up again, or retrying with the same idempotency key, gives the earlier outcome.
     *
     * @param actedBy who did it, when not the person themselves (staff, a trusted person); may be null
     * @param answers answers to the activity's registration questions, by question key; may be empty
     * @param idempotencyKey the client's key for this request, or null
     * @throws RuleViolation 404 {@code error.not-found} for an unknown session; 409 {@code enrolment.closed},
     *                       {@code enrolment.session-cancelled}, {@code enrolment.not-published},
     *                       {@code enrolment.no-sign-up}, {@code enrolment.idempotency-key-reused},
     *                       {@value org.learningmap.accounts.Accounts#AWAITING_GUARDIAN} for a minor whose guardian
     *                       has not agreed yet
     */
    @Transactional
    public EnrolmentOutcome enrol(long sessionId, long accountId, EnrolmentSource source, Long actedBy,
                                  Map<String, String> answers, String idempotencyKey) {
        return enrol(catalogue.session(sessionId).orElseThrow(RuleViolation::notFound), accountId, source, actedBy, answers, idempotencyKey);
    }

    /** The same, for a caller that has just read the session's facts. */
    @Transactional
    EnrolmentOutcome enrol(SessionFacts session, long accountId, EnrolmentSource source, Long actedBy,
                           Map<String, String> answers, String idempotencyKey) {
        Instant now = clock.instant();
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 200) {
            throw RuleViolation.badRequest("enrolment.idempotency-key-too-long");
        }
        // one query finds the pool, an earlier request with this key and a place the person already holds
        EnrolmentStore.PoolAndEarlier found = store.poolAndEarlier(session.wholeActivityRegistration() ? null : session.sessionId(),
                session.activityId(), accountId, key);
        Optional<PoolRow> existingPool = found.pool();
        EnrolmentStore.Earlier mine = found.earlier();
        if (mine.byKey().isPresent()) {
            if (existingPool.isEmpty() || EnrolmentRules.sameRequest(mine.byKey().get(), existingPool.get().id()).isPresent()) {
                throw new RuleViolation(HttpStatus.UNPROCESSABLE_CONTENT, EnrolmentRules.KEY_REUSED);
            }
            return outcome(mine.byKey().get(), true);
        }
        EnrolmentRules.maySignUp(session, firstStart(session), now).ifPresent(reason -> {
            throw new RuleViolation(reason);
        });
        // the person's name, address and guardian check in one read, for the rule here and the e-mail below
        Optional<Addressee> person = accounts.addressee(accountId);
        EnrolmentRules.mayHoldPlace(person.map(Addressee::mayKeepPersonalData).orElse(false)).ifPresent(reason -> {
            throw new RuleViolation(HttpStatus.CONFLICT, reason);
        });
        PoolRow pool = poolFor(session, existingPool, now);
        Optional<EnrolmentRow> held = existingPool.isPresent() && existingPool.get().id() == pool.id() ? mine.held()
                : store.activeInPool(pool.id(), accountId);
        if (held.isPresent()) {
            return outcome(held.get(), true);
        }
        boolean place = store.takePlace(pool.id());
        if (!place) {
            store.lockPool(pool.id());
            place = store.takePlace(pool.id());
        }
        String token = Tokens.generate();
        String answersJson = Json.write(answers == null ? Map.of() : answers);
        EnrolmentStatus status = place ? EnrolmentStatus.CONFIRMED : EnrolmentStatus.WAITLISTED;
        Optional<Long> inserted = store.insert(pool, accountId, status, source, actedBy, answersJson, key, Tokens.hash(token), now);
        if (inserted.isEmpty()) {
            if (place) {
                store.freePlace(pool.id());
            }
            EnrolmentRow existing = store.activeInPool(pool.id(), accountId)
                    .or(() -> key == null ? Optional.empty() : store.byIdempotencyKey(accountId, key))
                    .orElseThrow(() -> new RuleViolation(HttpStatus.UNPROCESSABLE_CONTENT, EnrolmentRules.KEY_REUSED));
            if (existing.poolId() != pool.id()) {
                throw new RuleViolation(HttpStatus.UNPROCESSABLE_CONTENT, EnrolmentRules.KEY_REUSED);
            }
            return outcome(existing, true);
        }
        long id = inserted.get();
        EnrolmentRow row = new EnrolmentRow(id, pool.id(), pool.siteId(), pool.organisationId(), pool.activityId(), pool.sessionId(),
                accountId, status, source, answersJson, now, null, null);
        if (place) {
            events.publishEvent(new EnrolmentConfirmed(id, row.siteId(), row.organisationId(), row.activityId(), row.sessionId(),
                    accountId, source, now));
            mail.signedUp(row, session, EnrolmentStatus.CONFIRMED, null, token, person.get());
            return new EnrolmentOutcome(id, EnrolmentStatus.CONFIRMED, null, false);
        }
        // the pool is held, so the queue cannot change before this transaction ends
        int position = store.position(pool.id(), id);
        events.publishEvent(new EnrolmentWaitlisted(id, row.siteId(), row.organisationId(), row.activityId(), row.sessionId(),
                accountId, position, now));
        mail.signedUp(row, session, EnrolmentStatus.WAITLISTED, position, token, person.get());
        return new EnrolmentOutcome(id, EnrolmentStatus.WAITLISTED, position, false);
    }

    /**
     * A trusted person signs up someone who lets them manage their bookings: the sign-up is the
     * person's own (source {@code DELEGATE}, made by the helper) and the person sees it in their log.
     *
     * @throws RuleViolation 403 when the helper may not act for the person (no grant, or it ended),
     *                       or any reason of {@link #enrol}
     */
    @Transactional
    public EnrolmentOutcome enrolOnBehalf(long sessionId, long helperId, long personId, Map<String, String> answers,
                                          String idempotencyKey) {
        requireMayActFor(helperId, personId);
        SessionFacts session = catalogue.session(sessionId).orElseThrow(RuleViolation::notFound);
        EnrolmentOutcome outcome = enrol(session, personId, EnrolmentSource.DELEGATE, helperId, answers, idempotencyKey);
        if (!outcome.alreadyEnrolled()) {
            delegations.record(helperId, personId, "enrolment.log.enrolled", describe(session, personId));
        }
        return outcome;
    }

    /**
     * A trusted person gives up a place of someone who lets them manage their bookings; the next in
     * line moves up and the person sees it in their log.
     *
     * @throws RuleViolation 403 when the helper may not act for the person, 404 for a sign-up not
     *                       the person's, 409 {@code enrolment.already-cancelled}
     */
    @Transactional
    public void cancelOnBehalf(long enrolmentId, long helperId, long personId) {
        requireMayActFor(helperId, personId);
        EnrolmentRow found = store.find(enrolmentId)
                .filter(row -> row.accountId() != null && row.accountId() == personId)
                .orElseThrow(RuleViolation::notFound);
        store.lockPool(found.poolId());
        EnrolmentRow enrolment = store.lock(enrolmentId).orElseThrow(RuleViolation::notFound);
        EnrolmentRules.stillActive(enrolment).ifPresent(Enrolments::refuse);
        end(enrolment, CancelledBy.PERSON, null);
        Optional<SessionFacts> session = enrolment.sessionId() != null ? catalogue.session(enrolment.sessionId())
                : catalogue.sessionsOf(enrolment.activityId()).stream().findFirst();
        delegations.record(helperId, personId, "enrolment.log.cancelled",
                session.map(s -> describe(s, personId)).orElse(null));
    }

    /** Whether the helper may now manage the person's bookings (a live grant; always for oneself). */
    public boolean mayActFor(long helperId, long personId) {
        return delegations.mayActFor(helperId, personId);
    }

    /** The people who let this person manage their bookings now, by name. */
    @Transactional(readOnly = true)
    public List<Delegations.Grant> peopleHelpedBy(long helperId) {
        Instant now = clock.instant();
        return delegations.grantsTo(helperId).stream().filter(grant -> grant.activeAt(now))
                .collect(java.util.stream.Collectors.toMap(Delegations.Grant::personId, grant -> grant, (a, b) -> a, LinkedHashMap::new))
                .values().stream().toList();
    }

    /** Whether the signed-in viewer manages someone else's bookings now, so signing them up may be offered. */
    @Transactional(readOnly = true)
    public boolean viewerHelpsSomeone() {
        return CurrentAccount.get().map(account -> !peopleHelpedBy(account.id()).isEmpty()).orElse(false);
    }

    private void requireMayActFor(long helperId, long personId) {
        if (!delegations.mayActFor(helperId, personId)) {
            throw RuleViolation.forbidden();
        }
    }

    /** What and when, for the person's log: the title in their language and the start in the site's time. */
    private String describe(SessionFacts session, long personId) {
        java.time.ZoneId zone = sites.byId(session.siteId()).map(Site::zone).orElse(java.time.ZoneOffset.UTC);
        return session.activityTitle().in(accounts.preferredLanguage(personId), "en", "lt", "uk") + ", "
                + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(session.startsAt());
    }

    /** The person gives up their own place (or place in the queue); the next in line moves up. */
    @Transactional
    public void cancel(long enrolmentId, long actorId) {
        cancel(enrolmentId, actorId, null);
    }

    /**
     * Ends a sign-up. The person may cancel their own; staff of the organisation (any role) may cancel
     * anyone's with a reason the person reads. A freed place goes to the first in line.
     *
     * @throws RuleViolation 404 for an unknown sign-up, 403 {@code enrolment.not-yours}, 409
     *                       {@code enrolment.already-cancelled}, 400 {@code enrolment.reason-required}
     */
    @Transactional
    public void cancel(long enrolmentId, long actorId, String reason) {
        EnrolmentRow found = store.find(enrolmentId).orElseThrow(RuleViolation::notFound);
        boolean own = found.accountId() != null && found.accountId() == actorId;
        if (!own && organisations.roleOf(actorId, found.organisationId()).isEmpty()) {
            throw new RuleViolation(HttpStatus.FORBIDDEN, EnrolmentRules.NOT_YOURS);
        }
        store.lockPool(found.poolId());
        EnrolmentRow enrolment = store.lock(enrolmentId).orElseThrow(RuleViolation::notFound);
        if (own) {
            EnrolmentRules.personMayCancel(enrolment, actorId).ifPresent(Enrolments::refuse);
            end(enrolment, CancelledBy.PERSON, null);
        } else {
            EnrolmentRules.staffMayCancel(enrolment, reason).ifPresent(Enrolments::refuse);
            String cleaned = EnrolmentRules.cleanReason(reason);
            end(enrolment, CancelledBy.STAFF, cleaned);
            mail.cancelledByStaff(enrolment, cleaned);
        }
    }

    /** The sign-up a "manage my place" link is for, if the link is genuine. */
    @Transactional(readOnly = true)
    public Optional<MyEnrolment> byManageLink(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return store.byManageToken(Tokens.hash(token)).map(this::mine);
    }

    /**
     * Gives up a place by the secret link from the confirmation e-mail, without signing in.
     *
     * @throws RuleViolation 404 {@code enrolment.invalid-link}, 409 {@code enrolment.already-cancelled}
     */
    @Transactional
    public void cancelByLink(String token) {
        EnrolmentRow found = (Tokens.wellFormed(token) ? store.byManageToken(Tokens.hash(token)) : Optional.<EnrolmentRow>empty())
                .orElseThrow(() -> new RuleViolation(HttpStatus.NOT_FOUND, EnrolmentRules.INVALID_LINK));
        store.lockPool(found.poolId());
        EnrolmentRow enrolment = store.lock(found.id()).orElseThrow();
        EnrolmentRules.stillActive(enrolment).ifPresent(Enrolments::refuse);
        end(enrolment, CancelledBy.PERSON, null);
    }

    /** A person's sign-ups, newest first, cancelled ones included. */
    @Transactional(readOnly = true)
    public List<MyEnrolment> enrolmentsOf(long accountId) {
        return store.ofAccount(accountId).stream().map(this::mine).toList();
    }

    /** The person's current sign-up covering this session (its own, or the whole course's), if any. */
    @Transactional(readOnly = true)
    public Optional<EnrolmentOutcome> enrolmentFor(long sessionId, long accountId) {
        return catalogue.session(sessionId).flatMap(this::existingPool)
                .flatMap(pool -> store.activeInPool(pool.id(), accountId))
                .map(row -> outcome(row, true));
    }

    /** Places free for a session (for a course: for the course); empty when there is no limit. */
    @Transactional
    public OptionalInt placesLeft(long sessionId) {
        Integer left = places(sessionId).left();
        return left == null ? OptionalInt.empty() : OptionalInt.of(left);
    }

    /** The places of a session (for a course: of the course), as sign-ups have taken them. */
    @Transactional(readOnly = true)
    public Places places(long sessionId) {
        SessionFacts session = catalogue.session(sessionId).orElseThrow(RuleViolation::notFound);
        Optional<PoolRow> pool = existingPool(session);
        int confirmed = pool.map(PoolRow::confirmed).orElse(0);
        Integer capacity = session.capacity() == null ? null : Math.max(session.capacity(), confirmed);
        return new Places(sessionId, capacity, confirmed, pool.map(p -> store.waiting(p.id())).orElse(0),
                session.wholeActivityRegistration());
    }

    /**
     * Who signed up for a session (for a course: for the course), places first, then the waitlist in
     * order, then cancelled sign-ups. Only for staff of the organisation.
     *
     * @throws RuleViolation 404 for an unknown session, 403 for anyone else
     */
    @Transactional(readOnly = true)
    public List<SessionEnrolment> enrolmentsOfSession(long sessionId, long staffAccountId) {
        SessionFacts session = catalogue.session(sessionId).orElseThrow(RuleViolation::notFound);
        requireStaff(staffAccountId, session.organisationId());
        return view(existingPool(session).map(pool -> List.of(pool.id())).orElse(List.of()));
    }

    /**
     * Every sign-up of an activity, pool by pool (sessions in time order), for its organisation's staff.
     *
     * @throws RuleViolation 404 for an unknown activity, 403 for anyone else
     */
    @Transactional(readOnly = true)
    public List<SessionEnrolment> enrolmentsOfActivity(long activityId, long staffAccountId) {
        List<SessionFacts> sessions = catalogue.sessionsOf(activityId);
        if (sessions.isEmpty()) {
            throw RuleViolation.notFound();
        }
        requireStaff(staffAccountId, sessions.getFirst().organisationId());
        Map<Long, PoolRow> pools = new HashMap<>();
        store.poolsOfActivity(activityId).forEach(pool -> pools.put(pool.sessionId() == null ? 0L : pool.sessionId(), pool));
        List<Long> ordered = new ArrayList<>();
        if (pools.containsKey(0L)) {
            ordered.add(pools.get(0L).id());
        }
        sessions.forEach(s -> {
            if (pools.containsKey(s.sessionId())) {
                ordered.add(pools.get(s.sessionId()).id());
            }
        });
        return view(ordered);
    }

    /**
     * What the signed-in viewer (or a visitor) can do about a session on its activity page. For a
     * course or camp the answer is about the whole course.
     */
    @Transactional(readOnly = true)
    public SignUpChoice signUpChoice(long sessionId) {
        SessionFacts session = catalogue.session(sessionId).orElseThrow(RuleViolation::notFound);
        Optional<String> closed = EnrolmentRules.maySignUp(session, firstStart(session), clock.instant());
        Places places = places(sessionId);
        EnrolmentOutcome mine = CurrentAccount.get().flatMap(account -> enrolmentFor(sessionId, account.id())).orElse(null);
        Instant first = firstStart(session);
        return new SignUpChoice(sessionId, first == null ? session.startsAt() : first, session.wholeActivityRegistration(), closed.isEmpty(), closed.orElse(null),
                places.left(), places.full(), places.waitlisted(), mine);
    }

    /**
     * For a course or camp: the sign-up choice for the whole course, through its first session that
     * still takes place; empty for other kinds of activity or when no session is planned.
     */
    @Transactional(readOnly = true)
    public Optional<SignUpChoice> courseSignUpChoice(long activityId) {
        List<SessionFacts> sessions = catalogue.sessionsOf(activityId);
        if (sessions.isEmpty() || !sessions.getFirst().wholeActivityRegistration()) {
            return Optional.empty();
        }
        SessionFacts first = sessions.stream().filter(s -> !s.cancelled()).findFirst().orElse(sessions.getFirst());
        return Optional.of(signUpChoice(first.sessionId()));
    }

    /** The session's facts as the catalogue tells them; empty for an unknown session. */
    @Transactional(readOnly = true)
    public Optional<SessionFacts> session(long sessionId) {
        return catalogue.session(sessionId);
    }

    /** Every session of an activity as the catalogue tells them, in time order. */
    @Transactional(readOnly = true)
    public List<SessionFacts> sessionsOf(long activityId) {
        return catalogue.sessionsOf(activityId);
    }

    /** How many sessions of the activity the person was recorded present at. */
    @Transactional(readOnly = true)
    public int sessionsAttended(long activityId, long accountId) {
        return store.sessionsAttended(activityId, accountId);
    }

    /** One of the person's own sign-ups; empty when there is none with this id or it is someone else's. */
    @Transactional(readOnly = true)
    public Optional<MyEnrolment> mine(long enrolmentId, long accountId) {
        return store.find(enrolmentId).filter(row -> row.accountId() != null && row.accountId() == accountId).map(this::mine);
    }

    /**
     * The people with an account marked present at a session (walk-ins known only by name are left
     * out), by name. Only for staff of the organisation.
     *
     * @throws RuleViolation 404 for an unknown session, 403 for anyone else
     */
    @Transactional(readOnly = true)
    public List<SessionAttendee> attendeesOf(long sessionId, long staffAccountId) {
        SessionFacts session = catalogue.session(sessionId).orElseThrow(RuleViolation::notFound);
        requireStaff(staffAccountId, session.organisationId());
        List<SessionAttendee> attendees = new ArrayList<>();
        for (long accountId : store.presentAt(sessionId)) {
            accounts.byId(accountId).ifPresent(person ->
                    attendees.add(new SessionAttendee(person.id(), person.displayName(), person.email())));
        }
        attendees.sort(java.util.Comparator.comparing(a -> a.displayName() == null ? "" : a.displayName()));
        return attendees;
    }

    /** Whether this account is staff (any role) of the organisation. */
    boolean isStaff(long accountId, long organisationId) {
        return organisations.roleOf(accountId, organisationId).isPresent();
    }

    // --- used by this module's listeners and jobs

    /** Ends every sign-up of a pool because the session or activity will not take place, and tells each person. */
    void cancelPool(PoolRow pool) {
        Instant now = clock.instant();
        store.lockPool(pool.id());
        for (EnrolmentRow enrolment : store.activeOfPoolForUpdate(pool.id())) {
            store.cancel(enrolment.id(), CancelledBy.SESSION_CANCELLED, null, now);
            events.publishEvent(new EnrolmentCancelled(enrolment.id(), enrolment.siteId(), enrolment.organisationId(),
                    enrolment.activityId(), enrolment.sessionId(), enrolment.accountId(), CancelledBy.SESSION_CANCELLED,
                    enrolment.status() == EnrolmentStatus.CONFIRMED, now));
            mail.sessionCancelled(enrolment);
        }
        store.emptyPool(pool.id());
    }

    /** Releases a confirmed place because the person said they will not come; the next in line moves up. */
    void release(EnrolmentRow found) {
        store.lockPool(found.poolId());
        EnrolmentRow enrolment = store.lock(found.id()).orElseThrow();
        EnrolmentRules.stillActive(enrolment).ifPresent(Enrolments::refuse);
        end(enrolment, CancelledBy.RELEASED, null);
    }

    // --- inside

    private void end(EnrolmentRow enrolment, CancelledBy by, String reason) {
        Instant now = clock.instant();
        store.cancel(enrolment.id(), by, reason, now);
        boolean hadPlace = enrolment.status() == EnrolmentStatus.CONFIRMED;
        events.publishEvent(new EnrolmentCancelled(enrolment.id(), enrolment.siteId(), enrolment.organisationId(),
                enrolment.activityId(), enrolment.sessionId(), enrolment.accountId(), by, hadPlace, now));
        if (hadPlace) {
            store.freePlace(enrolment.poolId());
            promoteWhileFree(enrolment.poolId(), now);
        }
    }

    /** Gives free places to the people waiting, first come first served. The pool must be held. */
    private void promoteWhileFree(long poolId, Instant now) {
        while (true) {
            Optional<Long> next = store.firstWaiting(poolId);
            if (next.isEmpty() || !store.takePlace(poolId)) {
                return;
            }
            if (!store.promote(next.get(), now)) {
                store.freePlace(poolId);
                continue;
            }
            EnrolmentRow promoted = store.find(next.get()).orElseThrow();
            events.publishEvent(new WaitlistPromoted(promoted.id(), promoted.siteId(), promoted.organisationId(),
                    promoted.activityId(), promoted.sessionId(), promoted.accountId(), now));
            mail.promoted(promoted);
        }
    }

    private PoolRow poolFor(SessionFacts session, Instant now) {
        return poolFor(session, existingPool(session), now);
    }

    /** {@code existing}: the pool as just read, if it exists. */
    private PoolRow poolFor(SessionFacts session, Optional<PoolRow> existing, Instant now) {
        Long sessionId = session.wholeActivityRegistration() ? null : session.sessionId();
        PoolRow pool = existing.orElseGet(() -> store.createPool(session.siteId(), session.organisationId(),
                session.activityId(), sessionId, session.capacity()));
        if (!java.util.Objects.equals(pool.capacity(), session.capacity()) && store.syncCapacity(pool.id(), session.capacity())) {
            promoteWhileFree(pool.id(), now);
            pool = store.pool(pool.id()).orElseThrow();
        }
        return pool;
    }

    private Optional<PoolRow> existingPool(SessionFacts session) {
        return session.wholeActivityRegistration() ? store.activityPool(session.activityId()) : store.sessionPool(session.sessionId());
    }

    private Instant firstStart(SessionFacts session) {
        if (!session.wholeActivityRegistration()) {
            return null;
        }
        return catalogue.sessionsOf(session.activityId()).stream().filter(s -> !s.cancelled())
                .map(SessionFacts::startsAt).findFirst().orElse(session.startsAt());
    }

    private EnrolmentOutcome outcome(EnrolmentRow row, boolean already) {
        Integer position = row.status() == EnrolmentStatus.WAITLISTED ? store.position(row.poolId(), row.id()) : null;
        return new EnrolmentOutcome(row.id(), row.status(), position, already);
    }

    private void requireStaff(long accountId, long organisationId) {
        if (!isStaff(accountId, organisationId)) {
            throw RuleViolation.forbidden();
        }
    }

    private List<SessionEnrolment> view(List<Long> poolIds) {
        Map<Long, Integer> waiting = new HashMap<>();
        Map<Long, Optional<AccountSummary>> people = new HashMap<>();
        List<SessionEnrolment> list = new ArrayList<>();
        for (EnrolmentRow row : store.ofPools(poolIds)) {
            Integer position = row.status() == EnrolmentStatus.WAITLISTED ? waiting.merge(row.poolId(), 1, Integer::sum) : null;
            Optional<AccountSummary> person = row.accountId() == null ? Optional.empty()
                    : people.computeIfAbsent(row.accountId(), accounts::byId);
            list.add(new SessionEnrolment(row.id(), row.accountId(), person.map(AccountSummary::displayName).orElse(null),
                    person.map(AccountSummary::email).orElse(null), row.sessionId(), row.status(), position, row.source(),
                    answers(row.answers()), row.createdAt(), row.cancelledBy(), row.cancelReason()));
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> answers(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        Map<String, Object> raw = Json.read(json, Map.class);
        Map<String, String> answers = new LinkedHashMap<>();
        raw.forEach((k, v) -> answers.put(k, v == null ? "" : v.toString()));
        return answers;
    }

    private MyEnrolment mine(EnrolmentRow row) {
        Optional<SessionFacts> facts = row.sessionId() != null ? catalogue.session(row.sessionId())
                : catalogue.sessionsOf(row.activityId()).stream().filter(s -> !s.cancelled()).findFirst()
                        .or(() -> catalogue.sessionsOf(row.activityId()).stream().findFirst());
        Integer position = row.status() == EnrolmentStatus.WAITLISTED ? store.position(row.poolId(), row.id()) : null;
        return new MyEnrolment(row.id(), row.siteId(), row.activityId(), row.sessionId(),
                facts.map(SessionFacts::activityTitle).orElse(LocalizedText.EMPTY),
                facts.map(SessionFacts::startsAt).orElse(null), facts.map(SessionFacts::endsAt).orElse(null),
                facts.map(SessionFacts::venueName).orElse(LocalizedText.EMPTY), facts.map(SessionFacts::address).orElse(null),
                facts.map(f -> f.venueId() == null).orElse(false), row.status(), position, row.cancelledBy(),
                row.cancelReason(), row.createdAt());
    }

    private static void refuse(String reason) {
        HttpStatus status = switch (reason) {
            case EnrolmentRules.NOT_YOURS -> HttpStatus.FORBIDDEN;
            case EnrolmentRules.REASON_REQUIRED -> HttpStatus.BAD_REQUEST;
            default -> HttpStatus.CONFLICT;
        };
        throw new RuleViolation(status, reason);
    }
}
