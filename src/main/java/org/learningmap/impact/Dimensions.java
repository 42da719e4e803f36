package org.learningmap.impact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.learningmap.catalogue.ActivityFacets;
import org.learningmap.catalogue.Audience;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.VenueSummary;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dimensions of a fact, asked of the owning modules' facades when it happens: the area of the
 * venue (Organisations), the activity's topics and audiences (Catalogue), the day in the site's zone (Sites).
 */
@Component
class Dimensions {

    private final Catalogue catalogue;
    private final Organisations organisations;
    private final Sites sites;
    private final JdbcClient jdbc;

    Dimensions(Catalogue catalogue, Organisations organisations, Sites sites, JdbcClient jdbc) {
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.sites = sites;
        this.jdbc = jdbc;
    }

    LocalDate day(long siteId, Instant at) {
        ZoneId zone = sites.byId(siteId).map(Site::zone).orElse(ZoneId.of("UTC"));
        return at.atZone(zone).toLocalDate();
    }

    long areaOfVenue(Long venueId) {
        if (venueId == null) {
            return 0;
        }
        return organisations.venue(venueId).map(VenueSummary::areaId).map(a -> a == null ? 0L : a).orElse(0L);
    }

    /** A session's cell: its venue's area, its activity's topics and audiences, the day it started. */
    Optional<Facts.Cell> ofSession(long sessionId) {
        return catalogue.session(sessionId).map(this::ofSession);
    }

    Facts.Cell ofSession(SessionFacts session) {
        Optional<ActivityFacets> facets = catalogue.activityFacets(session.activityId());
        int profile = facets.map(f -> profile(f.siteId(), f.topicIds(), f.audiences())).orElse(0);
        long area = session.venueId() != null ? areaOfVenue(session.venueId()) : facets.map(f -> areaOfVenue(f.venueId())).orElse(0L);
        return new Facts.Cell(session.siteId(), session.organisationId(), area, profile, day(session.siteId(), session.startsAt()));
    }

    /** An activity's cell on a given moment: the area of its first venue, its topics and audiences. */
    Facts.Cell ofActivity(long siteId, long organisationId, long activityId, Instant at) {
        Optional<ActivityFacets> facets = catalogue.activityFacets(activityId);
        int profile = facets.map(f -> profile(f.siteId(), f.topicIds(), f.audiences())).orElse(0);
        long area = facets.map(f -> areaOfVenue(f.venueId())).orElse(0L);
        return new Facts.Cell(siteId, organisationId, area, profile, day(siteId, at));
    }

    int profile(long siteId, List<Long> topicIds, List<Audience> audiences) {
        Long[] topics = topicIds.stream().sorted().toArray(Long[]::new);
        String[] groups = audiences.stream().map(Enum::name).sorted().toArray(String[]::new);
        // one statement: the new profile's id, or the existing one's
        return jdbc.sql("""
                        WITH inserted AS (INSERT INTO impact_profile (site_id, topic_ids, audiences)
                                          VALUES (?, ?::bigint[], ?::text[]) ON CONFLICT DO NOTHING RETURNING id)
                        SELECT id FROM inserted
                        UNION ALL
                        SELECT id FROM impact_profile WHERE site_id = ? AND topic_ids = ?::bigint[] AND audiences = ?::text[]
                        LIMIT 1
                        """)
                .params(siteId, topics, groups, siteId, topics, groups).query(Integer.class).optional()
                // another transaction inserted it meanwhile: it is committed now, and this statement sees it
                .orElseGet(() -> jdbc.sql("SELECT id FROM impact_profile WHERE site_id = ? AND topic_ids = ?::bigint[] AND audiences = ?::text[]")
                        .params(siteId, topics, groups).query(Integer.class).single());
    }
}
