package org.learningmap.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.VenueSummary;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * Public calendar feeds to subscribe to: a site's, an organisation's, a venue's or a topic's coming
 * sessions (the next {@link #MONTHS} months, at most {@link #MAX_EVENTS}), cancelled ones marked
 * {@code STATUS:CANCELLED} so subscribed calendars take them out. Calendar apps poll feeds, so each
 * answer has an ETag (the catalogue's version, the day and the language) and a Last-Modified date, and
 * a poll that finds nothing new gets "304 Not Modified" without any query of the sessions.
 */
@Controller
class CalendarFeedController {

    static final int MONTHS = 3;
    static final int MAX_EVENTS = 500;

    /** When this node first saw the catalogue's current version. */
    private record SeenVersion(long version, Instant seenAt) {
    }

    private final CalendarFiles files;
    private final CatalogueVersion version;
    private final Topics topics;
    private final Organisations organisations;
    private final MessageSource messages;
    private final Clock clock;
    private final AtomicReference<SeenVersion> seen = new AtomicReference<>(new SeenVersion(-1, Instant.EPOCH));

    CalendarFeedController(CalendarFiles files, CatalogueVersion version, Topics topics, Organisations organisations,
                           MessageSource messages, Clock clock) {
        this.files = files;
        this.version = version;
        this.topics = topics;
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/calendar.ics")
    ResponseEntity<String> site(Locale locale, WebRequest request) {
        Site site = Sites.current();
        return feed(site, "site", null, null, null, locale, request);
    }

    @GetMapping("/organisations/{id}/calendar.ics")
    ResponseEntity<String> organisation(@PathVariable long id, Locale locale, WebRequest request) {
        Site site = Sites.current();
        if (organisations.siteOf(id).filter(siteId -> siteId == site.id()).isEmpty() || !organisations.isApproved(id)) {
            throw RuleViolation.notFound();
        }
        String name = organisations.nameOf(id).map(text -> text.in(locale.getLanguage())).orElse("");
        return feed(site, "organisation-" + id, name, "a.organisation_id = :scope", id, locale, request);
    }

    @GetMapping("/venues/{id}/calendar.ics")
    ResponseEntity<String> venue(@PathVariable long id, Locale locale, WebRequest request) {
        Site site = Sites.current();
        VenueSummary venue = organisations.venue(id)
                .filter(v -> v.siteId() == site.id() && organisations.isApproved(v.organisationId()))
                .orElseThrow(RuleViolation::notFound);
        return feed(site, "venue-" + id, venue.name().in(locale.getLanguage()), "s.venue_id = :scope", id, locale, request);
    }

    @GetMapping("/topics/{slug}/calendar.ics")
    ResponseEntity<String> topic(@PathVariable String slug, Locale locale, WebRequest request) {
        Site site = Sites.current();
        Topic topic = topics.of(site.id()).stream().filter(t -> t.slug().equals(slug)).findFirst()
                .orElseThrow(RuleViolation::notFound);
        return feed(site, "topic-" + topic.slug(), topic.name().in(locale.getLanguage()), ":scope = ANY(a.topic_ids)",
                topic.id(), locale, request);
    }

    private ResponseEntity<String> feed(Site site, String scope, String scopeName, String condition, Object parameter,
                                        Locale locale, WebRequest request) {
        String language = site.speaks(locale.getLanguage()) ? locale.getLanguage() : site.defaultLanguage();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long current = version.current();
        Instant lastModified = lastModified(current, now, today);
        String etag = "\"" + site.slug() + "-" + scope + "-" + language + "-" + current + "-" + today + "\"";
        if (request.checkNotModified(etag, lastModified.toEpochMilli())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).build();
        }
        List<CalendarEntry> entries = files.published(site.id(), condition, parameter, now,
                now.atZone(site.zone()).plusMonths(MONTHS).toInstant(), MAX_EVENTS);
        Locale in = Locale.forLanguageTag(language);
        String siteFeed = messages.getMessage("calendar-feed.name", new Object[] {site.name().in(language)}, in);
        String name = scopeName == null || scopeName.isBlank() ? siteFeed : scopeName + " · " + siteFeed;
        String body = files.write(entries, language, CalendarFiles.Method.PUBLISH, name);
        return ResponseEntity.ok()
                .contentType(CalendarController.CALENDAR)
                .cacheControl(CacheControl.maxAge(15, TimeUnit.MINUTES).cachePublic())
                .eTag(etag)
                .lastModified(lastModified)
                .header("Content-Disposition", "inline; filename=\"" + scope + ".ics\"")
                .body(body);
    }

    /** When the catalogue last changed as far as this node knows, but no earlier than today (the window moves daily). */
    private Instant lastModified(long current, Instant now, LocalDate today) {
        SeenVersion known = seen.updateAndGet(s -> s.version() == current ? s : new SeenVersion(current, now));
        Instant startOfDay = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant changed = known.seenAt().isAfter(startOfDay) ? known.seenAt() : startOfDay;
        return changed.truncatedTo(ChronoUnit.SECONDS);
    }
}
