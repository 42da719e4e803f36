package org.learningmap.catalogue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * "Add to calendar": iCalendar files (RFC 5545) for one session or for all coming sessions of an
 * activity. Times are written in UTC, which every calendar shows in its owner's zone; a cancelled
 * session is sent as cancelled, so importing the file again removes it from the calendar.
 */
@Controller
class CalendarController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final ActivityReader activities;
    private final MessageSource messages;
    private final Clock clock;

    CalendarController(ActivityReader activities, MessageSource messages, Clock clock) {
        this.activities = activities;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/sessions/{id}.ics")
    ResponseEntity<String> session(@PathVariable long id, Locale locale) {
        Site site = Sites.current();
        SessionView session = activities.publishedSession(site.id(), id).orElseThrow(RuleViolation::notFound);
        ActivityDetails activity = activities.published(site.id(), session.activityId()).orElseThrow(RuleViolation::notFound);
        return file("session-" + id + ".ics", calendar(activity, List.of(session), locale));
    }

    @GetMapping("/activities/{id}.ics")
    ResponseEntity<String> activity(@PathVariable long id, Locale locale) {
        Site site = Sites.current();
        ActivityDetails activity = activities.published(site.id(), id).orElseThrow(RuleViolation::notFound);
        return file("activity-" + id + ".ics", calendar(activity, activities.upcomingSessions(id, clock.instant()), locale));
    }

    private String calendar(ActivityDetails activity, List<SessionView> sessions, Locale locale) {
        String language = locale.getLanguage();
        URI page = ServletUriComponentsBuilder.fromCurrentContextPath().path("/activities/{id}").buildAndExpand(activity.id()).toUri();
        String host = page.getHost() == null ? "learningmap" : page.getHost();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Learning Map//Catalogue//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        for (SessionView session : sessions) {
            VEvent event = new VEvent(session.startsAt(), session.endsAt(), activity.title().in(language));
            event.replace(new DtStamp(clock.instant()));
            event.add(new Uid("session-" + session.id() + "@" + host));
            event.add(new Location(where(session, language, locale)));
            String summary = activity.summary().in(language);
            event.add(new Description(summary.isEmpty() ? page.toString() : summary + "\n\n" + page));
            event.add(new Url(page));
            event.add(session.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private String where(SessionView session, String language, Locale locale) {
        if (session.online()) {
            // The meeting link is for those enrolled; a public file only says that it is online.
            return messages.getMessage("activity-page.online", null, "Online", locale);
        }
        return String.join(", ", List.of(session.venueName().in(language), session.address(), session.town()).stream()
                .filter(part -> part != null && !part.isBlank()).toList());
    }

    private static ResponseEntity<String> file(String name, String body) {
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
