package org.learningmap.demo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.learningmap.demo.CatalogueTemplates.ActivityTemplate;
import org.learningmap.demo.CatalogueTemplates.TopicTemplate;
import org.learningmap.shared.LocalizedText;

/**
 * The catalogue of one demo site, decided in memory before anything is written. Rows refer to each
 * other by their position in these lists; the writer turns positions into database ids.
 *
 * @param staffOrganisation position of the library whose staff are the demo's owner, editor and educator
 */
record DemoPlan(String country, List<TopicTemplate> topics, List<Organisation> organisations, List<Venue> venues,
                List<Activity> activities, int staffOrganisation) {

    record Organisation(String slug, String kind, LocalizedText name, LocalizedText description, String email,
                        String phone, String website, String colour, boolean verified, String status,
                        Instant createdAt, Instant decidedAt, Places.Place place) {

        boolean approved() {
            return status.equals("APPROVED");
        }
    }

    /** @param openingHours day ("mon" … "sun") → "HH:mm-HH:mm"; a day left out is closed */
    record Venue(int organisation, String kind, LocalizedText name, String address, Places.Place place, double lat,
                 double lon, Map<String, String> openingHours, List<String> accessibility, Instant createdAt) {
    }

    record Activity(int organisation, ActivityTemplate template, String status, int priceCents, String currency,
                    boolean voucherEligible, String onlineUrl, Integer durationMinutes, String level,
                    Instant createdAt, Instant publishedAt, List<Session> sessions) {
    }

    /** @param venue position of the venue, or null for an online session at {@code onlineUrl} */
    record Session(Integer venue, String onlineUrl, Instant startsAt, Instant endsAt, int capacity, String status,
                   String seriesRule) {
    }

    int sessionCount() {
        return activities.stream().mapToInt(activity -> activity.sessions().size()).sum();
    }
}
