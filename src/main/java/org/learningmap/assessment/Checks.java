package org.learningmap.assessment;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.learningmap.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Taking the check: start (alone or in a supervised sitting), answer one question at a time, finish with a result. */
@Service
class Checks {

    static final String UNKNOWN_SITTING = "assessment.sitting.unknown";
    static final String UNKNOWN_RESUME_CODE = "assessment.resume.unknown";
    static final String NO_ANSWER = "assessment.answer.missing";

    private final Attempts attempts;
    private final Sittings sittings;
    private final ItemBank bank;
    private final Frameworks frameworks;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ItemVersions itemVersions;
    private volatile Map<String, Routing> routings = Map.of();
    private volatile int routingsRevision = -1;

    private final org.learningmap.accounts.Accounts accounts;

    Checks(Attempts attempts, Sittings sittings, ItemBank bank, Frameworks frameworks, ApplicationEventPublisher events, Clock clock,
           ItemVersions itemVersions, org.learningmap.accounts.Accounts accounts) {
        this.accounts = accounts;
        this.itemVersions = itemVersions;
        this.attempts = attempts;
        this.sittings = sittings;
        this.bank = bank;
        this.frameworks = frameworks;
        this.events = events;
        this.clock = clock;
    }

    /** The routing of every framework over the items asked now, derived again after the items change. */
    private Map<String, Routing> routings() {
        int revision = bank.revision();
        if (revision != routingsRevision) {
            synchronized (this) {
                if (revision != routingsRevision) {
                    Map<String, Routing> derived = new HashMap<>();
                    frameworks.all().forEach(f -> derived.put(f.id(), new Routing(bank, f)));
                    routings = derived;
                    routingsRevision = revision;
                }
            }
        }
        return routings;
    }

    /** Starts a check; with a sitting code it joins that open sitting of the site and takes its kind. */
    @Transactional
    Attempt start(long siteId, Long accountId, CheckKind kind, String framework, String language, String sittingCode) {
        Long sittingId = null;
        CheckKind chosen = kind == null ? CheckKind.QUICK : kind;
        if (sittingCode != null && !sittingCode.isBlank()) {
            Sittings.Sitting sitting = sittings.openByCode(siteId, Attempts.normaliseCode(sittingCode))
                    .orElseThrow(() -> RuleViolation.badRequest(UNKNOWN_SITTING));
            sittingId = sitting.id();
            chosen = sitting.kind();
        }
        // a minor without a guardian's consent takes the check anonymously: nothing is kept against them
        Long keptFor = accountId != null && accounts.mayKeepPersonalData(accountId) ? accountId : null;
        return attempts.create(siteId, keptFor, chosen, frameworks.byIdOrDefault(framework).id(), bank.version(), language,
                sittingId, clock.instant());
    }

    /** The attempt, if this person may see it: anyone with the link for a check taken without signing in, else only its owner. */
    Attempt open(UUID id, long siteId, Long accountId) {
        Attempt attempt = attempts.find(id).orElseThrow(RuleViolation::notFound);
        if (attempt.siteId() != siteId || (attempt.accountId() != null && !attempt.accountId().equals(accountId))) {
            throw RuleViolation.notFound();
        }
        return attempt;
    }

    Attempt resume(long siteId, String code) {
        return attempts.byResumeCode(Attempts.normaliseCode(code)).filter(a -> a.siteId() == siteId && a.accountId() == null)
                .orElseThrow(() -> RuleViolation.badRequest(UNKNOWN_RESUME_CODE));
    }

    List<Attempt> ofAccount(long siteId, long accountId) {
        return attempts.ofAccount(siteId, accountId);
    }

    List<Attempt> ofSitting(long sittingId) {
        return attempts.ofSitting(sittingId);
    }

    Routing routing(Attempt attempt) {
        Map<String, Routing> all = routings();
        return all.getOrDefault(attempt.framework(), all.get(Frameworks.DEFAULT));
    }

    Optional<Item> next(Attempt attempt) {
        return attempt.finished() ? Optional.empty() : routingAsAsked(attempt).next(attempt.kind(), attempt.answers());
    }

    /**
     * The routing over the items as this attempt was asked them: an answered item edited since (a new
     * correct answer, say) still counts in the version the person saw, for the route and the result.
     */
    private Routing routingAsAsked(Attempt attempt) {
        Routing current = routing(attempt);
        Map<String, Item> asked = new HashMap<>();
        attempts.itemVersions(attempt.id()).forEach((itemId, version) -> {
            if (bank.item(itemId).isPresent() && version != bank.versionOf(itemId)) {
                itemVersions.version(itemId, version).ifPresent(v -> asked.put(itemId, v.item()));
            }
        });
        return asked.isEmpty() ? current : new Routing(new ItemBank(bank, asked), current.framework());
    }

    /** How many questions are answered, and how many the check asks in all. */
    int[] progress(Attempt attempt) {
        return new int[] {attempt.answers().size(), routing(attempt).length(attempt.kind())};
    }

    /**
     * Records the answer to the question being asked and finishes the check after the last one. An
     * answer to a question already answered (a page sent twice) changes nothing.
     */
    @Transactional
    Attempt answer(UUID id, long siteId, Long accountId, String itemId, List<String> response) {
        open(id, siteId, accountId);
        Attempt attempt = attempts.lock(id).orElseThrow(RuleViolation::notFound);
        Optional<Item> next = next(attempt);
        if (next.isEmpty() || !next.get().id().equals(itemId)) {
            return attempt;
        }
        List<String> accepted = next.get().accept(response).orElseThrow(() -> RuleViolation.badRequest(NO_ANSWER));
        Map<String, List<String>> answers = new LinkedHashMap<>(attempt.answers());
        answers.put(itemId, accepted);
        var now = clock.instant();
        attempts.saveAnswers(id, answers, itemId, bank.versionOf(itemId), now);
        Routing routing = routingAsAsked(attempt);
        if (routing.next(attempt.kind(), answers).isEmpty()) {
            Scoring.Result result = new Scoring(routing, routing.bank()).score(attempt.kind(), answers);
            attempts.finish(id, result, now);
            result.areas().forEach((area, standing) -> events.publishEvent(
                    new SkillsBandReached(attempt.siteId(), attempt.accountId(), attempt.framework(), area, standing.band(), now)));
        }
        return attempts.find(id).orElseThrow();
    }

    /** One answered question: the item as it was asked (its version then) and the answer given. */
    record Asked(Item item, int version, List<String> response) {

        /** The options the answer chose, in the order given (empty for a self-rating or true/false). */
        public List<Item.Option> chosen() {
            return response.stream().map(item::option).flatMap(Optional::stream).toList();
        }
    }

    /** The questions an attempt answered, each in the version asked, in the order of the item bank. */
    List<Asked> asked(Attempt attempt) {
        Map<String, Integer> pinned = attempts.itemVersions(attempt.id());
        Map<String, Integer> position = new HashMap<>();
        itemVersions.entries().forEach(e -> position.put(e.item().id(), e.position()));
        return attempt.answers().entrySet().stream()
                .sorted(java.util.Comparator.comparing((Map.Entry<String, List<String>> e) -> position.getOrDefault(e.getKey(), Integer.MAX_VALUE))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> itemVersions.version(e.getKey(), pinned.getOrDefault(e.getKey(), 1))
                        .map(v -> new Asked(v.item(), v.version(), e.getValue())))
                .flatMap(Optional::stream).toList();
    }

    /** The competences with the lowest levels of a result (at most {@code count}), weakest first. */
    static List<String> weakest(Scoring.Result result, int count) {
        return result.competences().entrySet().stream()
                .sorted(Map.Entry.<String, Standing>comparingByValue(java.util.Comparator.comparingInt(Standing::percent))
                        .thenComparing(Map.Entry.comparingByKey()))
                .filter(e -> e.getValue().level() < 6)
                .limit(count).map(Map.Entry::getKey).filter(Objects::nonNull).toList();
    }
}
