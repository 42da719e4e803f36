package org.learningmap.network.cascades;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.platform.FieldErrors;
import org.learningmap.platform.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording cohorts and reading cascades. Authorisation is the caller's (the pages check
 * {@link CascadeAccess} first); here are the rules of the data: dates in order, known e-mail
 * addresses, and no one training themselves further up the cascade.
 */
@Service
public class Cascades {

    static final int MAX_PEOPLE = 500;
    static final int MAX_CITIZENS = 1_000_000;
    private static final Pattern EMAIL = Pattern.compile("^(?:(.*?)\\s*<)?\\s*([^\\s<>@]+@[^\\s<>@]+\\.[^\\s<>@]+)\\s*>?$");

    private static final Pattern KEPT_BY_NUMBER = Pattern.compile("#(\\d{1,18})");

    private final CascadeStore store;
    private final Accounts accounts;

    Cascades(CascadeStore store, Accounts accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    /** Records a new cohort of the organisation; fails with the problems per field, or a rule. */
    @Transactional
    public long record(long siteId, long organisationId, CohortInput input, long byAccountId) {
        Cohort cohort = check(0, siteId, organisationId, input);
        refuseCycles(cohort);
        return store.insert(cohort, byAccountId);
    }

    /** Changes a cohort of the organisation: details and, replacing them, its trainers and participants. */
    @Transactional
    public void change(long cohortId, long siteId, long organisationId, CohortInput input) {
        cohortOf(cohortId, organisationId);
        Cohort cohort = check(cohortId, siteId, organisationId, input);
        refuseCycles(cohort);
        store.update(cohort);
    }

    @Transactional
    public void delete(long cohortId, long organisationId) {
        cohortOf(cohortId, organisationId);
        store.delete(cohortId);
    }

    /** The cohort if it belongs to the organisation, else 404. */
    public Cohort cohortOf(long cohortId, long organisationId) {
        return store.find(cohortId).filter(c -> c.organisationId() == organisationId).orElseThrow(RuleViolation::notFound);
    }

    public List<Cohort> cohortsOfOrganisation(long organisationId) {
        return store.ofOrganisation(organisationId);
    }

    public List<Cohort> cohortsOfSite(long siteId) {
        return store.ofSite(siteId);
    }

    public Map<Long, CascadePerson> people(long siteId) {
        return store.people(siteId);
    }

    /** The form's text for an existing cohort: one person a line, accounts by name and e-mail address. */
    public CohortInput inputOf(Cohort cohort) {
        Map<Long, CascadePerson> people = store.people(cohort.siteId());
        return new CohortInput(cohort.name(), cohort.level().name(), cohort.topic() == null ? "" : cohort.topic(),
                cohort.startsOn().toString(), cohort.endsOn().toString(), lines(cohort.trainers(), people),
                lines(cohort.participants(), people), Integer.toString(cohort.citizensReached()));
    }

    private String lines(List<Long> ids, Map<Long, CascadePerson> people) {
        List<String> lines = new ArrayList<>();
        for (long id : ids) {
            CascadePerson person = people.get(id);
            if (person == null) {
                continue;
            }
            Optional<AccountSummary> account = person.accountId() == null ? Optional.empty() : accounts.byId(person.accountId());
            // Someone whose account was deleted has no name left: kept by number, so saving the cohort keeps them counted.
            String unnamed = person.name().chars().anyMatch(Character::isLetter) ? person.name() : "#" + person.id();
            lines.add(account.map(a -> a.displayName() + " <" + a.email() + ">").orElse(unnamed));
        }
        return String.join("\n", lines);
    }

    private void refuseCycles(Cohort cohort) {
        Optional<Long> looping = CascadeGraph.cycleIn(store.ofSite(cohort.siteId()), cohort);
        if (looping.isPresent()) {
            String name = Optional.ofNullable(store.people(cohort.siteId()).get(looping.get())).map(CascadePerson::name).orElse("");
            throw new RuleViolation("network-library.cascade.cycle", name);
        }
    }

    private Cohort check(long id, long siteId, long organisationId, CohortInput input) {
        FieldErrors errors = new FieldErrors();
        String name = strip(input.name());
        if (name.isEmpty()) {
            errors.reject("name", "network-library.cohort.name.required");
        } else if (name.length() > 200) {
            errors.reject("name", "network-library.field.too-long", 200);
        }
        CascadeLevel level = null;
        try {
            level = CascadeLevel.valueOf(strip(input.level()));
        } catch (IllegalArgumentException e) {
            errors.reject("level", "network-library.cohort.level.required");
        }
        String topic = strip(input.topic());
        if (topic.length() > 200) {
            errors.reject("topic", "network-library.field.too-long", 200);
        }
        LocalDate startsOn = date(input.startsOn(), "startsOn", errors);
        LocalDate endsOn = strip(input.endsOn()).isEmpty() ? startsOn : date(input.endsOn(), "endsOn", errors);
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            errors.reject("endsOn", "network-library.cohort.dates.order");
        }
        int citizens = 0;
        String typed = strip(input.citizensReached());
        if (!typed.isEmpty()) {
            try {
                citizens = Integer.parseInt(typed);
                if (citizens < 0 || citizens > MAX_CITIZENS) {
                    errors.reject("citizensReached", "network-library.cohort.citizens.range", MAX_CITIZENS);
                }
            } catch (NumberFormatException e) {
                errors.reject("citizensReached", "network-library.cohort.citizens.range", MAX_CITIZENS);
            }
        }
        List<Long> trainers = people(siteId, input.trainers(), "trainers", errors);
        List<Long> participants = people(siteId, input.participants(), "participants", errors);
        if (!errors.has("trainers") && trainers.isEmpty()) {
            errors.reject("trainers", "network-library.cohort.trainers.required");
        }
        if (!errors.has("participants") && participants.isEmpty() && citizens == 0) {
            errors.reject("participants", "network-library.cohort.participants.required");
        }
        errors.throwIfAny();
        return new Cohort(id, siteId, organisationId, name, level, topic.isEmpty() ? null : topic, startsOn, endsOn, citizens,
                trainers, participants);
    }

    /** The people of the lines, found or added; an unknown e-mail address is a problem of the field. */
    private List<Long> people(long siteId, String text, String field, FieldErrors errors) {
        Set<Long> ids = new LinkedHashSet<>();
        List<String> lines = text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.size() > MAX_PEOPLE) {
            errors.reject(field, "network-library.cohort.people.too-many", MAX_PEOPLE);
            return List.of();
        }
        for (String line : lines) {
            if (line.length() > 200) {
                errors.reject(field, "network-library.field.too-long", 200);
                continue;
            }
            Matcher byNumber = KEPT_BY_NUMBER.matcher(line);
            if (byNumber.matches()) {
                long id = Long.parseLong(byNumber.group(1));
                if (store.people(siteId).containsKey(id)) {
                    ids.add(id);
                } else {
                    errors.reject(field, "network-library.cohort.people.not-a-name", line);
                }
            } else if (line.contains("@")) {
                Matcher matcher = EMAIL.matcher(line);
                Optional<AccountSummary> account = matcher.matches() ? accounts.byEmail(matcher.group(2)) : Optional.empty();
                if (account.isEmpty()) {
                    errors.reject(field, "network-library.cohort.people.unknown-email", line);
                    continue;
                }
                ids.add(store.personOfAccount(siteId, account.get().id(), account.get().displayName()));
            } else if (line.chars().anyMatch(Character::isLetter)) {
                ids.add(store.personNamed(siteId, line));
            } else {
                errors.reject(field, "network-library.cohort.people.not-a-name", line);
            }
        }
        return List.copyOf(ids);
    }

    private static LocalDate date(String text, String field, FieldErrors errors) {
        String typed = strip(text);
        if (typed.isEmpty()) {
            errors.reject(field, "network-library.cohort.date.required");
            return null;
        }
        try {
            return LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            errors.reject(field, "network-library.cohort.date.invalid");
            return null;
        }
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
