package org.learningmap.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.learningmap.catalogue.ActivityFacts;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.VenueSummary;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.Recognition;
import org.springframework.stereotype.Component;

/**
 * The organisation a request acts on: named by a path variable or parameter ({@code orgId},
 * {@code organisationId}, {@code organisation}, or the id after {@code /organisations/}), else the
 * owner of the activity, session, venue, badge or award the route names, asked of the owning module.
 * Null when the route is about no organisation's thing.
 */
@Component
class OrganisationOfRequest {

    private static final List<String> ORGANISATION_NAMES = List.of("orgId", "organisationId", "organisation", "org");

    private final Organisations organisations;
    private final Catalogue catalogue;
    private final Recognition recognition;

    OrganisationOfRequest(Organisations organisations, Catalogue catalogue, Recognition recognition) {
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.recognition = recognition;
    }

    Long resolve(String pattern, Map<String, String> variables, Function<String, String> parameters) {
        try {
            return find(pattern == null ? "" : pattern, variables == null ? Map.of() : variables, parameters);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Long find(String pattern, Map<String, String> variables, Function<String, String> parameters) {
        for (String name : ORGANISATION_NAMES) {
            Long id = number(variables.get(name));
            if (id != null) {
                return id;
            }
        }
        Long named = number(variables.get(variableAfter(pattern, "organisations")));
        if (named != null) {
            return named;
        }
        if (parameters != null) {
            for (String name : ORGANISATION_NAMES) {
                Long id = number(parameters.apply(name));
                if (id != null) {
                    return id;
                }
            }
        }
        Long activity = first(variables, pattern, "activities", "activityId");
        if (activity != null) {
            return catalogue.activityFacts(activity).map(ActivityFacts::organisationId).orElse(null);
        }
        Long session = first(variables, pattern, "sessions", "sessionId");
        if (session != null) {
            return catalogue.session(session).map(SessionFacts::organisationId).orElse(null);
        }
        Long venue = first(variables, pattern, "venues", "venueId");
        if (venue != null) {
            return organisations.venue(venue).map(VenueSummary::organisationId).orElse(null);
        }
        Long badge = first(variables, pattern, "badges", "badgeId");
        if (badge != null) {
            return recognition.badge(badge).map(Badge::organisationId).orElse(null);
        }
        Long award = first(variables, pattern, "awards", "awardId");
        if (award != null) {
            return recognition.award(award).map(Award::organisationId).orElse(null);
        }
        return null;
    }

    /** The variable right after {@code /segment/}, or the one with the given name. */
    private static Long first(Map<String, String> variables, String pattern, String segment, String name) {
        Long byName = number(variables.get(name));
        return byName != null ? byName : number(variables.get(variableAfter(pattern, segment)));
    }

    private static String variableAfter(String pattern, String segment) {
        String marker = "/" + segment + "/{";
        int at = pattern.indexOf(marker);
        if (at < 0) {
            return "";
        }
        int start = at + marker.length();
        int end = pattern.indexOf('}', start);
        if (end < 0) {
            return "";
        }
        String name = pattern.substring(start, end);
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    private static Long number(String text) {
        if (text == null || text.isEmpty() || text.length() > 18) {
            return null;
        }
        return Optional.of(text).filter(t -> t.chars().allMatch(Character::isDigit)).map(Long::valueOf).orElse(null);
    }
}
