package org.learningmap.catalogue.editing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.learningmap.catalogue.ActivityStatus;
import org.learningmap.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff writes through the API with a personal token: create and change activities, add sessions
 * (or a weekly or daily series), publish, and cancel a session. The caller must be an editor of the
 * activity's organisation (403 otherwise); wrong input is a 400 problem detail naming each field.
 */
@RestController
@RequestMapping("/api/v1")
class ActivityWriteApi {

    /** An activity to create or the full new content of one; texts are objects of language → text. */
    record ActivityRequest(
            @NotNull(message = "{validation.required}") Long organisationId,
            @NotBlank(message = "{validation.required}") String kind,
            @NotEmpty(message = "{validation.required}") Map<String, @Size(max = 200, message = "{editing.api.size}") String> title,
            Map<String, @Size(max = 500, message = "{editing.api.size}") String> summary,
            Map<String, @Size(max = 10000, message = "{editing.api.size}") String> description,
            Map<String, @Size(max = 1000, message = "{editing.api.size}") String> easyRead,
            @Size(max = 10, message = "{editing.api.size}") List<String> topics,
            @Size(max = 21, message = "{editing.api.size}") List<String> digcomp,
            @Size(max = 8, message = "{editing.api.size}") List<String> audiences,
            @Min(value = 0, message = "{editing.api.min}") @Max(value = 120, message = "{editing.api.max}") Integer minAge,
            @Min(value = 0, message = "{editing.api.min}") @Max(value = 120, message = "{editing.api.max}") Integer maxAge,
            @Size(max = 20, message = "{editing.api.size}") List<String> languages,
            @DecimalMin(value = "0", message = "{editing.api.min}") @DecimalMax(value = "100000", message = "{editing.api.max}") BigDecimal price,
            Boolean voucherEligible,
            @Size(max = 500, message = "{editing.api.size}") String onlineUrl,
            @Min(value = 1, message = "{editing.api.min}") @Max(value = 100000, message = "{editing.api.max}") Integer durationMinutes,
            String level) {

        ActivityInput toInput() {
            return new ActivityInput(kind, title, summary, description, easyRead, topics, digcomp, audiences, number(minAge),
                    number(maxAge), languages, price == null || price.signum() == 0 ? null : price.toPlainString(),
                    Boolean.TRUE.equals(voucherEligible), onlineUrl, number(durationMinutes), level);
        }

        private static String number(Integer value) {
            return value == null ? null : value.toString();
        }
    }

    /** How sessions repeat, from the first session's start: weekly on days, or every N days, for a count or until a day. */
    record RepeatRequest(
            @NotBlank(message = "{validation.required}") String frequency,
            @Min(value = 1, message = "{editing.api.min}") @Max(value = 52, message = "{editing.api.max}") Integer interval,
            List<String> days,
            @Min(value = 1, message = "{editing.api.min}") @Max(value = 100, message = "{editing.api.max}") Integer count,
            LocalDate until) {
    }

    /** A session, or the first of a series; times with their offset, e.g. {@code 2026-12-01T18:00:00+02:00}. */
    record SessionRequest(
            @NotNull(message = "{validation.required}") OffsetDateTime startsAt,
            @NotNull(message = "{validation.required}") OffsetDateTime endsAt,
            Long venueId,
            @Size(max = 500, message = "{editing.api.size}") String onlineUrl,
            @Min(value = 1, message = "{editing.api.min}") @Max(value = 10000, message = "{editing.api.max}") Integer capacity,
            @Valid RepeatRequest repeat) {
    }

    record ActivityResponse(long id, long organisationId, ActivityStatus status, String kind, Map<String, String> title,
                            Instant publishedAt) {
        static ActivityResponse of(StoredActivity activity) {
            return new ActivityResponse(activity.id(), activity.organisationId(), activity.status(), activity.kind().name(),
                    activity.title().values(), activity.publishedAt());
        }
    }

    record SessionResponse(long id, long activityId, Instant startsAt, Instant endsAt, Long venueId, String onlineUrl,
                           Integer capacity, String status, String seriesRule) {
        static SessionResponse of(StoredSession session) {
            return new SessionResponse(session.id(), session.activityId(), session.startsAt(), session.endsAt(), session.venueId(),
                    session.onlineUrl(), session.capacity(), session.cancelled() ? "CANCELLED" : "SCHEDULED", session.seriesRule());
        }
    }

    private final ActivityEditing editing;
    private final ActivityStore store;

    ActivityWriteApi(ActivityEditing editing, ActivityStore store) {
        this.editing = editing;
        this.store = store;
    }

    @PostMapping("/activities")
    ResponseEntity<ActivityResponse> create(@Valid @RequestBody ActivityRequest request) throws InvalidInput {
        long id = editing.create(StaffAccess.account().id(), request.organisationId(), request.toInput());
        return ResponseEntity.created(URI.create("/api/v1/activities/" + id)).body(ActivityResponse.of(store.find(id).orElseThrow()));
    }

    @PutMapping("/activities/{id}")
    ActivityResponse update(@PathVariable long id, @Valid @RequestBody ActivityRequest request) throws InvalidInput {
        long account = StaffAccess.account().id();
        StoredActivity activity = store.find(id).orElseThrow(RuleViolation::notFound);
        if (request.organisationId() != activity.organisationId()) {
            editing.view(account, id);
            throw new InvalidInput(FieldProblem.of("organisationId", "editing.error.organisation-fixed"));
        }
        editing.update(account, id, request.toInput());
        return ActivityResponse.of(store.find(id).orElseThrow());
    }

    @PostMapping("/activities/{id}/sessions")
    ResponseEntity<List<SessionResponse>> addSessions(@PathVariable long id, @Valid @RequestBody SessionRequest request)
            throws InvalidInput {
        long account = StaffAccess.account().id();
        SessionPlan plan = new SessionPlan(request.venueId(), request.onlineUrl(), request.capacity());
        List<Long> ids;
        if (request.repeat() == null) {
            ids = List.of(editing.addSession(account, id, request.startsAt().toInstant(), request.endsAt().toInstant(), plan));
        } else {
            StoredActivity activity = editing.view(account, id);
            ids = editing.addSeries(account, id, rule(request, editing.site(activity).zone()), plan);
        }
        List<SessionResponse> sessions = ids.stream().map(s -> SessionResponse.of(store.session(s).orElseThrow())).toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(sessions);
    }

    @PostMapping("/activities/{id}/publish")
    ActivityResponse publish(@PathVariable long id) {
        editing.publish(StaffAccess.account().id(), id);
        return ActivityResponse.of(store.find(id).orElseThrow());
    }

    /** Cancels the session; it stays listed as cancelled. */
    @DeleteMapping("/sessions/{id}")
    SessionResponse cancelSession(@PathVariable long id) {
        return SessionResponse.of(editing.cancelSession(StaffAccess.account().id(), id));
    }

    private static SeriesRule rule(SessionRequest request, ZoneId zone) throws InvalidInput {
        RepeatRequest repeat = request.repeat();
        var start = request.startsAt().atZoneSameInstant(zone);
        SeriesRule.Frequency frequency = StaffActivitiesController.parse(SeriesRule.Frequency.class, repeat.frequency());
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (repeat.days() == null || repeat.days().isEmpty()) {
            days.add(start.getDayOfWeek());
        } else {
            for (String day : repeat.days()) {
                DayOfWeek weekday = weekday(day);
                if (weekday == null) {
                    throw new InvalidInput(FieldProblem.of("repeat.days", "validation.choose"));
                }
                days.add(weekday);
            }
        }
        long minutes = ChronoUnit.MINUTES.between(request.startsAt(), request.endsAt());
        SeriesRule rule = new SeriesRule(frequency, repeat.interval() == null ? 1 : repeat.interval(), days, start.toLocalDate(),
                repeat.until(), repeat.count(), start.toLocalTime(), (int) Math.max(0, Math.min(minutes, Integer.MAX_VALUE)));
        List<FieldProblem> problems = rule.problems().stream()
                .map(p -> new FieldProblem(p.field().equals("durationMinutes") ? "endsAt" : "repeat." + p.field(), p.key(), p.args()))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return rule;
    }

    /** MO, TU… (as in RRULE) or MONDAY, TUESDAY…; null when neither. */
    private static DayOfWeek weekday(String value) {
        String upper = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(upper) || (upper.length() == 2 && day.name().startsWith(upper))) {
                return day;
            }
        }
        return null;
    }
}
