package org.learningmap.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue as open data: search with the same parameters as the search page, activities,
 * their sessions and the topic vocabulary, of the site the request is addressed to. Texts written
 * by organisations come in every language they were written in, as {"lt": "…", "en": "…"}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Activities", description = "Published activities, their sessions and the site's topics")
class ActivityApi {

    private final CachedSearch search;
    private final ActivityReader activities;
    private final Topics topics;
    private final Sites sites;
    private final Clock clock;

    ActivityApi(CachedSearch search, ActivityReader activities, Topics topics, Sites sites, Clock clock) {
        this.search = search;
        this.activities = activities;
        this.topics = topics;
        this.sites = sites;
        this.clock = clock;
    }

    @GetMapping("/activities")
    @Operation(summary = "Search published activities",
            description = "The same search as the search page, with the same parameters. Repeatable parameters "
                    + "(topic, audience, language, kind, access) may be given several times or comma-separated. "
                    + "Facet counts leave out their own facet's filter. A parameter that cannot be understood "
                    + "answers 400 with a message per parameter in `errors`.")
    @ApiResponse(responseCode = "200", description = "One page of results, the total and facet counts")
    @ApiResponse(responseCode = "400", description = "A parameter could not be understood (problem details)")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "Words, in any of the site's languages; typos allowed")
    @Parameter(name = "topic", in = ParameterIn.QUERY, description = "Topic slugs (see /api/v1/topics); any of them",
            array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "audience", in = ParameterIn.QUERY, description = "Audiences; any of them",
            array = @ArraySchema(schema = @Schema(implementation = Audience.class)))
    @Parameter(name = "age", in = ParameterIn.QUERY, description = "The learner's age (0–120), within the activity's age range",
            schema = @Schema(type = "integer", minimum = "0", maximum = "120"))
    @Parameter(name = "language", in = ParameterIn.QUERY, description = "Languages of instruction (ISO 639 codes such as lt, uk, en); any of them",
            array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "kind", in = ParameterIn.QUERY, description = "Kinds of activity; any of them",
            array = @ArraySchema(schema = @Schema(implementation = ActivityKind.class)))
    @Parameter(name = "mode", in = ParameterIn.QUERY, description = "online, in-person, or any",
            schema = @Schema(type = "string", allowableValues = {"any", "online", "in-person"}))
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day (YYYY-MM-DD) in the site's time zone",
            schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day (YYYY-MM-DD) in the site's time zone",
            schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "free", in = ParameterIn.QUERY, description = "true: only activities without a price",
            schema = @Schema(type = "boolean"))
    @Parameter(name = "access", in = ParameterIn.QUERY, description = "Accessibility facts the venue must all have",
            array = @ArraySchema(schema = @Schema(implementation = org.learningmap.organisations.AccessibilityFact.class)))
    @Parameter(name = "organisation", in = ParameterIn.QUERY, description = "One organisation's activities",
            schema = @Schema(type = "integer", format = "int64"))
    @Parameter(name = "venue", in = ParameterIn.QUERY, description = "Activities at one venue",
            schema = @Schema(type = "integer", format = "int64"))
    @Parameter(name = "area", in = ParameterIn.QUERY, description = "Activities at venues of one area",
            schema = @Schema(type = "integer", format = "int64"))
    @Parameter(name = "lat", in = ParameterIn.QUERY, description = "Latitude to measure distance from (with lon)",
            schema = @Schema(type = "number"))
    @Parameter(name = "lon", in = ParameterIn.QUERY, description = "Longitude to measure distance from (with lat)",
            schema = @Schema(type = "number"))
    @Parameter(name = "place", in = ParameterIn.QUERY, description = "A town of the site to measure distance from, instead of lat and lon")
    @Parameter(name = "radius", in = ParameterIn.QUERY, description = "Only venues within this many kilometres (0.1–1000) of the point",
            schema = @Schema(type = "number"))
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = "relevance (with q), soonest, or nearest (with a point)",
            schema = @Schema(type = "string", allowableValues = {"relevance", "soonest", "nearest"}))
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "Page number, from 1; 20 results a page",
            schema = @Schema(type = "integer", minimum = "1", maximum = "500"))
    SearchResponse search(@Parameter(hidden = true) HttpServletRequest request) throws BindException {
        Site site = Sites.current();
        SearchQuery query = SearchQuery.read(request.getParameterMap(), site, sites);
        if (!query.errors().isEmpty()) {
            MapBindingResult invalid = new MapBindingResult(new LinkedHashMap<>(), "search");
            query.errors().forEach((field, key) -> invalid.addError(
                    new FieldError("search", field, request.getParameter(field), false, new String[] {key}, null, key)));
            throw new BindException(invalid);
        }
        SearchResult result = search.search(site, query.filters(), query.page());
        AnonymousAnswers.keepUntil(request, result.changesAt());
        Map<String, List<FacetValueResponse>> facets = new LinkedHashMap<>();
        result.facets().forEach((facet, values) -> facets.put(facet, values.stream()
                .map(value -> new FacetValueResponse(value.value(), value.count(), value.selected())).toList()));
        return new SearchResponse(result.items().stream().map(card -> ActivityItemResponse.of(card, site.zone())).toList(),
                result.total(), result.page(), result.size(), facets);
    }

    @GetMapping("/activities/{id}")
    @Operation(summary = "A published activity", description = "404 when there is no published activity with this id on the site.")
    ActivityResponse activity(@PathVariable @Parameter(description = "Activity id") long id) {
        Site site = Sites.current();
        return activities.published(site.id(), id).map(ActivityResponse::of).orElseThrow(RuleViolation::notFound);
    }

    @GetMapping("/activities/{id}/sessions")
    @Operation(summary = "The coming sessions of a published activity",
            description = "Sessions that have not ended, in start order, cancelled ones included with status CANCELLED.")
    List<SessionResponse> sessions(@PathVariable @Parameter(description = "Activity id") long id) {
        Site site = Sites.current();
        activities.published(site.id(), id).orElseThrow(RuleViolation::notFound);
        return activities.upcomingSessions(id, clock.instant()).stream().map(s -> SessionResponse.of(s, site.zone())).toList();
    }

    @GetMapping("/sessions/{id}")
    @Operation(summary = "A session of a published activity")
    SessionResponse session(@PathVariable @Parameter(description = "Session id") long id) {
        Site site = Sites.current();
        return activities.publishedSession(site.id(), id).map(s -> SessionResponse.of(s, site.zone()))
                .orElseThrow(RuleViolation::notFound);
    }

    @GetMapping("/topics")
    @Operation(summary = "The site's topics", description = "The vocabulary the topic parameter of the search takes.")
    List<TopicResponse> topics() {
        return topics.of(Sites.current().id()).stream().map(TopicResponse::of).toList();
    }

    static Map<String, String> text(LocalizedText text) {
        return text.values();
    }

    @Schema(description = "One page of search results")
    record SearchResponse(List<ActivityItemResponse> items, long total, int page, int size,
                          @Schema(description = "Per facet (topic, audience, language, kind, mode, free): values and counts")
                          Map<String, List<FacetValueResponse>> facets) {
    }

    record FacetValueResponse(String value, long count, boolean selected) {
    }

    @Schema(description = "An activity as a search result")
    record ActivityItemResponse(long id, Map<String, String> title, Map<String, String> summary,
                                Map<String, String> easyRead, ActivityKind kind, OrganisationResponse organisation,
                                NextSessionResponse nextSession, int upcomingSessions, PriceResponse price,
                                List<Audience> audiences, Integer minAge, Integer maxAge, List<String> languages,
                                List<String> topics,
                                @Schema(description = "Kilometres to the nearest venue with a matching session, when a point was given")
                                Double distanceKm) {

        static ActivityItemResponse of(ActivityCard card, ZoneId zone) {
            var next = card.next() == null ? null : new NextSessionResponse(card.next().id(),
                    OffsetDateTime.ofInstant(card.next().startsAt(), zone), OffsetDateTime.ofInstant(card.next().endsAt(), zone),
                    card.next().online(), card.next().venueId(), card.next().online() ? null : text(card.next().venueName()),
                    card.next().town());
            return new ActivityItemResponse(card.id(), text(card.title()), text(card.summary()), text(card.easyRead()),
                    card.kind(), new OrganisationResponse(card.organisationId(), text(card.organisationName())), next,
                    card.upcomingSessions(), new PriceResponse(card.free(), card.price(), card.currency(), card.voucherEligible()),
                    card.audiences(), card.minAge(), card.maxAge(), card.languages(),
                    card.topics().stream().map(Topic::slug).toList(), card.distanceKm());
        }
    }

    record OrganisationResponse(long id, Map<String, String> name) {
    }

    record NextSessionResponse(long id, OffsetDateTime startsAt, OffsetDateTime endsAt, boolean online, Long venueId,
                               Map<String, String> venueName, String town) {
    }

    record PriceResponse(boolean free, java.math.BigDecimal amount, String currency, boolean voucherEligible) {
    }

    @Schema(description = "A published activity")
    record ActivityResponse(long id, ActivityKind kind, Map<String, String> title, Map<String, String> summary,
                            Map<String, String> description, Map<String, String> easyRead,
                            OrganisationResponse organisation, List<Audience> audiences, Integer minAge, Integer maxAge,
                            List<String> languages, @Schema(description = "DigComp 2.2 competence codes") List<String> digcomp,
                            PriceResponse price, String onlineUrl, Integer durationMinutes, String level, List<String> topics) {

        static ActivityResponse of(ActivityDetails a) {
            return new ActivityResponse(a.id(), a.kind(), text(a.title()), text(a.summary()), text(a.description()),
                    text(a.easyRead()), new OrganisationResponse(a.organisationId(), text(a.organisationName())), a.audiences(),
                    a.minAge(), a.maxAge(), a.languages(), a.digcomp(),
                    new PriceResponse(a.free(), java.math.BigDecimal.valueOf(a.priceCents(), 2), a.currency(), a.voucherEligible()),
                    a.onlineUrl(), a.durationMinutes(), a.level(), a.topics().stream().map(Topic::slug).toList());
        }
    }

    @Schema(description = "A session: at a venue or online (the meeting link is for those enrolled), "
            + "scheduled or cancelled; times in the site's zone")
    record SessionResponse(long id, long activityId, OffsetDateTime startsAt, OffsetDateTime endsAt,
                           @Schema(allowableValues = {"SCHEDULED", "CANCELLED"}) String status, boolean online,
                           VenueResponse venue, Integer capacity) {

        static SessionResponse of(SessionView s, ZoneId zone) {
            return new SessionResponse(s.id(), s.activityId(), OffsetDateTime.ofInstant(s.startsAt(), zone),
                    OffsetDateTime.ofInstant(s.endsAt(), zone), s.cancelled() ? "CANCELLED" : "SCHEDULED", s.online(),
                    s.online() ? null : new VenueResponse(s.venueId(), text(s.venueName()), s.address(), s.town()),
                    s.capacity());
        }
    }

    record VenueResponse(long id, Map<String, String> name, String address, String town) {
    }

    record TopicResponse(String slug, Map<String, String> name, String pictogram) {

        static TopicResponse of(Topic topic) {
            return new TopicResponse(topic.slug(), text(topic.name()), topic.pictogram());
        }
    }
}
