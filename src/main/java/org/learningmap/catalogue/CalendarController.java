package org.learningmap.catalogue;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * "Add to calendar": iCalendar files (RFC 5545) for one session or for all coming sessions of an
 * activity, written by {@link CalendarFiles}. A cancelled session is sent as cancelled, so importing
 * the file again removes it from the calendar.
 */
@Controller
class CalendarController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final ActivityReader activities;
    private final CalendarFiles files;
    private final Clock clock;

    CalendarController(ActivityReader activities, CalendarFiles files, Clock clock) {
        this.activities = activities;
        this.files = files;
        this.clock = clock;
    }

    @GetMapping("/sessions/{id}.ics")
    ResponseEntity<String> session(@PathVariable long id, Locale locale) {
        Site site = Sites.current();
        SessionView session = activities.publishedSession(site.id(), id).orElseThrow(RuleViolation::notFound);
        List<CalendarEntry> entries = files.entries(List.of(session.id()));
        return file("session-" + id + ".ics", files.write(entries, locale.getLanguage(), CalendarFiles.Method.PUBLISH, null));
    }

    @GetMapping("/activities/{id}.ics")
    ResponseEntity<String> activity(@PathVariable long id, Locale locale) {
        Site site = Sites.current();
        activities.published(site.id(), id).orElseThrow(RuleViolation::notFound);
        List<Long> sessions = activities.upcomingSessions(id, clock.instant()).stream().map(SessionView::id).toList();
        return file("activity-" + id + ".ics", files.write(files.entries(sessions), locale.getLanguage(), CalendarFiles.Method.PUBLISH, null));
    }

    private static ResponseEntity<String> file(String name, String body) {
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
