package org.learningmap.catalogue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.learningmap.platform.Json;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Writes sessions as iCalendar (RFC 5545) for "add to calendar" files, e-mail attachments, public
 * feeds and personal feeds alike. Each event has the same UID everywhere ({@code session-<id>@<host>}),
 * so a calendar that gets the same session from a file and a feed keeps one event; times carry the
 * site's time zone; a cancelled session is {@code STATUS:CANCELLED} with a higher {@code SEQUENCE},
 * so calendars take it out.
 */
@Component
class CalendarFiles {

    enum Method {
        PUBLISH, CANCEL
    }

    private static final String COLUMNS = """
            SELECT s.id, s.activity_id, a.site_id, a.title, a.summary, s.starts_at, s.ends_at, s.venue_id,
                   v.name AS venue_name, v.address, v.town,
                   (s.status = 'CANCELLED' OR a.status = 'CANCELLED') AS cancelled
              FROM session s JOIN activity a ON a.id = s.activity_id LEFT JOIN venue v ON v.id = s.venue_id
            """;

    private final JdbcClient jdbc;
    private final Sites sites;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;
    private final String uidHost;
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    CalendarFiles(JdbcClient jdbc, Sites sites, MessageSource messages, Clock clock,
                  @Value("${learningmap.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.sites = sites;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String host = URI.create(this.baseUrl).getHost();
        this.uidHost = host == null ? "learningmap" : host;
    }

    /** One session, whatever the status of its activity; empty for an unknown session. */
    Optional<CalendarEntry> entry(long sessionId) {
        return jdbc.sql(COLUMNS + " WHERE s.id = ?").param(sessionId).query(CalendarFiles::entry).optional();
    }

    /** The given sessions in time order, whatever their activity's status (unknown ids are left out). */
    List<CalendarEntry> entries(Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE s.id = ANY(?) ORDER BY s.starts_at, s.id")
                .param(sessionIds.toArray(Long[]::new))
                .query(CalendarFiles::entry)
                .list();
    }

    /**
     * Sessions of a site's published (or since cancelled) activities between the two instants, that
     * match an extra condition on {@code s} (session) and {@code a} (activity), in time order, at most {@code limit}.
     */
    List<CalendarEntry> published(long siteId, String condition, Object parameter, Instant from, Instant to, int limit) {
        var statement = jdbc.sql(COLUMNS + """
                         WHERE a.site_id = :site AND a.status IN ('PUBLISHED', 'CANCELLED') AND s.ends_at > :from AND s.starts_at < :to
                        """ + (condition == null ? "" : " AND " + condition) + " ORDER BY s.starts_at, s.id LIMIT :limit")
                .param("site", siteId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit);
        if (condition != null) {
            statement = statement.param("scope", parameter);
        }
        return statement.query(CalendarFiles::entry).list();
    }

    private static CalendarEntry entry(ResultSet rs, int row) throws SQLException {
        Long venueId = (Long) rs.getObject("venue_id");
        return new CalendarEntry(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("site_id"),
                Json.text(rs.getString("title")), Json.text(rs.getString("summary")),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), venueId,
                venueId == null ? LocalizedText.EMPTY : Json.text(rs.getString("venue_name")), rs.getString("address"),
                rs.getString("town"), rs.getBoolean("cancelled"), false);
    }

    /** The calendar text of the entries in the language; {@code name} titles a feed in calendar apps (may be null). */
    String write(List<CalendarEntry> entries, String language, Method method, String name) {
        Instant now = clock.instant();
        if (entries.size() != 1 || name != null) {
            return render(entries, language, method, name, now);
        }
        // One session's file (the one each sign-up's message carries) is rendered once for what it shows
        // and kept; only its time stamp differs from one message to the next.
        CalendarEntry entry = entries.getFirst();
        Optional<Site> site = sites.byId(entry.siteId());
        OneSession key = new OneSession(entry, site, siteUrl(site), language, method);
        String text = rendered.get(key);
        if (text == null) {
            text = render(entries, language, method, null, STAMP_PLACEHOLDER);
            rendered.put(key, text);
        }
        return text.replace(PLACEHOLDER_LINE, "DTSTAMP:" + new DtStamp(now).getValue() + "\r\n");
    }

    /** What a one-session file is rendered from: the session, its site and the site's address, the language and method. */
    private record OneSession(CalendarEntry entry, Optional<Site> site, String siteUrl, String language, Method method) {
    }

    private static final int RENDERED_KEPT = 2_000;
    private static final Instant STAMP_PLACEHOLDER = Instant.EPOCH;
    private static final String PLACEHOLDER_LINE = "DTSTAMP:" + new DtStamp(STAMP_PLACEHOLDER).getValue() + "\r\n";

    private final Map<OneSession, String> rendered = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<OneSession, String> eldest) {
                    return size() > RENDERED_KEPT;
                }
            });

    private String render(List<CalendarEntry> entries, String language, Method method, String name, Instant now) {
        Locale locale = Locale.forLanguageTag(language);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Learning Map//Catalogue//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method == Method.CANCEL ? ImmutableMethod.CANCEL : ImmutableMethod.PUBLISH);
        if (name != null) {
            calendar.add(new XProperty("X-WR-CALNAME", name));
            calendar.add(new XProperty("X-PUBLISHED-TTL", "PT6H"));
        }
        Map<Long, Optional<Site>> sitesById = new HashMap<>();
        Map<String, TimeZone> usedZones = new LinkedHashMap<>();
        for (CalendarEntry entry : entries) {
            Optional<Site> site = sitesById.computeIfAbsent(entry.siteId(), sites::byId);
            TimeZone zone = site.map(Site::zone).map(this::zone).orElse(null);
            Temporal start = entry.startsAt();
            Temporal end = entry.endsAt();
            if (zone != null) {
                usedZones.putIfAbsent(zone.getID(), zone);
                ZoneId zoneId = site.get().zone();
                start = entry.startsAt().atZone(zoneId);
                end = entry.endsAt().atZone(zoneId);
            }
            URI page = URI.create(siteUrl(site) + "/activities/" + entry.activityId());
            String title = entry.title().in(language, site.map(Site::defaultLanguage).orElse("en"), "en");
            VEvent event = new VEvent(start, end, title);
            event.replace(new DtStamp(now));
            event.add(new Uid("session-" + entry.sessionId() + "@" + uidHost));
            boolean cancelled = entry.cancelled() || method == Method.CANCEL;
            event.add(new Sequence(cancelled ? 1 : 0));
            event.add(new Location(where(entry, language, locale)));
            String summary = entry.summary().in(language, site.map(Site::defaultLanguage).orElse("en"), "en");
            event.add(new Description(summary == null || summary.isEmpty() ? page.toString() : summary + "\n\n" + page));
            event.add(new Url(page));
            event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED
                    : entry.tentative() ? ImmutableStatus.VEVENT_TENTATIVE : ImmutableStatus.VEVENT_CONFIRMED);
            calendar.add(event);
        }
        usedZones.values().forEach(zone -> calendar.add(zone.getVTimeZone()));
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The iCalendar definition of a zone, or null when the bundled zone data does not know it (times are then UTC). */
    private TimeZone zone(ZoneId zone) {
        try {
            return zones.getTimeZone(zone.getId());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The address of a site's pages: the current request's when it is for that site, else from the configured base URL. */
    String siteUrl(Optional<Site> site) {
        if (site.isEmpty()) {
            return baseUrl;
        }
        var request = RequestContextHolder.getRequestAttributes();
        if (request instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
            Site current = Sites.current(attributes.getRequest());
            if (current != null && current.id() == site.get().id()) {
                return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
            }
        }
        String host = site.get().host();
        return host != null && !host.isBlank() ? "https://" + host : baseUrl + "/" + site.get().slug();
    }

    private String where(CalendarEntry entry, String language, Locale locale) {
        if (entry.online()) {
            // The meeting link is for those enrolled; a calendar file only says that it is online.
            return messages.getMessage("activity-page.online", null, "Online", locale);
        }
        return String.join(", ", java.util.stream.Stream.of(entry.venueName().in(language), entry.address(), entry.town())
                .filter(part -> part != null && !part.isBlank()).toList());
    }
}
