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
    private final Map<String, Routing> routings = new HashMap<>();

    Checks(Attempts attempts, Sittings sittings, ItemBank bank, Frameworks frameworks, ApplicationEventPublisher events, Clock clock) {
        this.attempts = attempts;
        this.sittings = sittings;
        this.bank = bank;
        this.frameworks = frameworks;
        this.events = events;
        this.clock = clock;
        frameworks.all().forEach(f -> routings.put(f.id(), new Routing(bank, f)));
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
        return attempts.create(siteId, accountId, chosen, frameworks.byIdOrDefault(framework).id(), bank.version(), language,
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
        return routings.getOrDefault(attempt.framework(), routings.get(Frameworks.DEFAULT));
    }

    Optional<Item> next(Attempt attempt) {
        return attempt.finished() ? Optional.empty() : routing(attempt).next(attempt.kind(), attempt.answers());
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
        attempts.saveAnswers(id, answers, now);
        Routing routing = routing(attempt);
        if (routing.next(attempt.kind(), answers).isEmpty()) {
            Scoring.Result result = new Scoring(routing, bank).score(attempt.kind(), answers);
            attempts.finish(id, result, now);
            result.areas().forEach((area, standing) -> events.publishEvent(
                    new SkillsBandReached(attempt.siteId(), attempt.accountId(), attempt.framework(), area, standing.band(), now)));
        }
        return attempts.find(id).orElseThrow();
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
