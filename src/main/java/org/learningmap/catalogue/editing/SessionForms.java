package org.learningmap.catalogue.editing;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The session forms of the staff pages: one session, or a repeating series. Times are local to the site. */
final class SessionForms {

    private SessionForms() {
    }

    /** Where: a venue of the organisation, or online with a link. Shared by both forms. */
    abstract static class PlaceForm {
        private String venueId;
        private String onlineUrl;
        private String capacity;

        SessionPlan plan(List<FieldProblem> problems) {
            Long venue = null;
            if (venueId != null && !venueId.isBlank()) {
                try {
                    venue = Long.parseLong(venueId.strip());
                } catch (NumberFormatException e) {
                    problems.add(FieldProblem.of("venueId", "session.venue-unknown"));
                }
            }
            Integer seats = ActivityValidator.whole("capacity", capacity, 1, ActivityEditing.MAX_CAPACITY, problems);
            String link = onlineUrl == null || onlineUrl.isBlank() ? null : onlineUrl.strip();
            return new SessionPlan(venue, link, seats);
        }

        public String getVenueId() { return venueId; }
        public void setVenueId(String venueId) { this.venueId = venueId; }
        public String getOnlineUrl() { return onlineUrl; }
        public void setOnlineUrl(String onlineUrl) { this.onlineUrl = onlineUrl; }
        public String getCapacity() { return capacity; }
        public void setCapacity(String capacity) { this.capacity = capacity; }
    }

    /** One session: a day, a start and an end time. */
    static class SingleForm extends PlaceForm {
        private String date;
        private String startTime;
        private String endTime;

        static SingleForm blank(ZoneId zone, Clock clock) {
            SingleForm form = new SingleForm();
            form.date = LocalDate.now(clock.withZone(zone)).plusDays(7).toString();
            form.startTime = "18:00";
            form.endTime = "19:30";
            return form;
        }

        static SingleForm of(StoredSession session, ZoneId zone) {
            SingleForm form = new SingleForm();
            ZonedDateTime start = session.startsAt().atZone(zone);
            ZonedDateTime end = session.endsAt().atZone(zone);
            form.date = start.toLocalDate().toString();
            form.startTime = start.toLocalTime().toString();
            form.endTime = end.toLocalTime().toString();
            form.setVenueId(session.venueId() == null ? null : session.venueId().toString());
            form.setOnlineUrl(session.onlineUrl());
            form.setCapacity(session.capacity() == null ? null : session.capacity().toString());
            return form;
        }

        /** Start and end in the zone; an end time before the start on the same day is an error, not the next day. */
        Instant[] times(ZoneId zone, List<FieldProblem> problems) {
            LocalDate day = date(date, "date", problems);
            LocalTime start = time(startTime, "startTime", problems);
            LocalTime end = time(endTime, "endTime", problems);
            if (day == null || start == null || end == null) {
                return new Instant[] {null, null};
            }
            return new Instant[] {ZonedDateTime.of(day, start, zone).toInstant(), ZonedDateTime.of(day, end, zone).toInstant()};
        }

        public String getDate() { return date; }
        public void setDate(String date) { this.date = date; }
        public String getStartTime() { return startTime; }
        public void setStartTime(String startTime) { this.startTime = startTime; }
        public String getEndTime() { return endTime; }
        public void setEndTime(String endTime) { this.endTime = endTime; }
    }

    /** A repeating series: weekly on some weekdays or every N days, until a day or for a number of sessions. */
    static class SeriesForm extends PlaceForm {
        private String frequency = "WEEKLY";
        private String interval = "1";
        private List<String> days = new ArrayList<>();
        private String from;
        private String until;
        private String count;
        private String startTime;
        private String durationMinutes;

        static SeriesForm blank(ZoneId zone, Clock clock) {
            SeriesForm form = new SeriesForm();
            LocalDate start = LocalDate.now(clock.withZone(zone)).plusDays(7);
            form.from = start.toString();
            form.days = new ArrayList<>(List.of(start.getDayOfWeek().name()));
            form.count = "8";
            form.startTime = "18:00";
            form.durationMinutes = "90";
            return form;
        }

        SeriesRule rule(List<FieldProblem> problems) {
            SeriesRule.Frequency freq = StaffActivitiesController.parse(SeriesRule.Frequency.class, frequency);
            if (freq == null) {
                problems.add(FieldProblem.of("frequency", "validation.choose"));
            }
            Integer every = ActivityValidator.whole("interval", blankToOne(interval), 1, SeriesRule.MAX_INTERVAL, problems);
            Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
            for (String day : days) {
                try {
                    weekdays.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problems.add(FieldProblem.of("days", "validation.choose"));
                }
            }
            LocalDate first = date(from, "from", problems);
            LocalDate last = until == null || until.isBlank() ? null : date(until, "until", problems);
            Integer sessions = ActivityValidator.whole("count", count, 1, SeriesRule.MAX_SESSIONS, problems);
            LocalTime start = time(startTime, "startTime", problems);
            Integer minutes = ActivityValidator.whole("durationMinutes", durationMinutes, SeriesRule.MIN_DURATION,
                    SeriesRule.MAX_DURATION, problems);
            if (durationMinutes == null || durationMinutes.isBlank()) {
                problems.add(FieldProblem.of("durationMinutes", "validation.required"));
            }
            return new SeriesRule(freq, every == null ? 1 : every, weekdays, first, last, sessions, start,
                    minutes == null ? SeriesRule.MIN_DURATION : minutes);
        }

        private static String blankToOne(String value) {
            return value == null || value.isBlank() ? "1" : value;
        }

        public String getFrequency() { return frequency; }
        public void setFrequency(String frequency) { this.frequency = frequency; }
        public String getInterval() { return interval; }
        public void setInterval(String interval) { this.interval = interval; }
        public List<String> getDays() { return days; }
        public void setDays(List<String> days) { this.days = days; }
        public String getFrom() { return from; }
        public void setFrom(String from) { this.from = from; }
        public String getUntil() { return until; }
        public void setUntil(String until) { this.until = until; }
        public String getCount() { return count; }
        public void setCount(String count) { this.count = count; }
        public String getStartTime() { return startTime; }
        public void setStartTime(String startTime) { this.startTime = startTime; }
        public String getDurationMinutes() { return durationMinutes; }
        public void setDurationMinutes(String durationMinutes) { this.durationMinutes = durationMinutes; }
    }

    static LocalDate date(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "validation.required"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "editing.error.date"));
            return null;
        }
    }

    static LocalTime time(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "validation.required"));
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "editing.error.time"));
            return null;
        }
    }
}
