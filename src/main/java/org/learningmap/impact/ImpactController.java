package org.learningmap.impact;

import java.util.Locale;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public impact dashboard of a site and of each area, its CSV and JSON downloads, and an
 * organisation's own view for its staff.
 */
@Controller
class ImpactController {

    private final Dashboards dashboards;
    private final Organisations organisations;

    ImpactController(Dashboards dashboards, Organisations organisations) {
        this.dashboards = dashboards;
        this.organisations = organisations;
    }

    static Dashboards.Params params(String from, String to, Long area, Long topic, String audience, Long organisation) {
        return new Dashboards.Params(from, to, area, topic, audience, organisation);
    }

    @GetMapping("/impact")
    String site(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) Long area, @RequestParam(required = false) Long topic,
                @RequestParam(required = false) String audience, @RequestParam(required = false) Long organisation,
                Locale locale, Model model) {
        if (area != null) {
            // The form's area choice leads to the area's own page.
            StringBuilder query = new StringBuilder();
            append(query, "from", from);
            append(query, "to", to);
            append(query, "topic", topic);
            append(query, "audience", audience);
            append(query, "organisation", organisation);
            return "redirect:/impact/areas/" + area + (query.isEmpty() ? "" : "?" + query.substring(1));
        }
        return page(params(from, to, null, topic, audience, organisation), null, null, locale, model);
    }

    private static void append(StringBuilder query, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            query.append('&').append(name).append('=')
                    .append(java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @GetMapping("/impact/areas/{areaId}")
    String area(@PathVariable long areaId, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) Long topic, @RequestParam(required = false) String audience,
                @RequestParam(required = false) Long organisation, Locale locale, Model model) {
        return page(params(from, to, null, topic, audience, organisation), areaId, null, locale, model);
    }

    @GetMapping("/staff/organisations/{id}/impact")
    String organisation(@PathVariable long id, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(required = false) Long area, @RequestParam(required = false) Long topic,
                        @RequestParam(required = false) String audience, Locale locale, Model model) {
        requireStaff(id);
        model.addAttribute("organisationName", organisations.nameOf(id).map(n -> n.in(locale)).orElse(""));
        model.addAttribute("organisationId", id);
        return page(params(from, to, area, topic, audience, null), null, id, locale, model);
    }

    private void requireStaff(long organisationId) {
        long me = CurrentAccount.get().orElseThrow(RuleViolation::forbidden).id();
        Site site = Sites.current();
        if (!organisations.hasRole(me, organisationId, StaffRole.EDUCATOR)
                || organisations.siteOf(organisationId).filter(s -> s == site.id()).isEmpty()) {
            throw RuleViolation.forbidden();
        }
    }

    private String page(Dashboards.Params p, Long areaId, Long organisationId, Locale locale, Model model) {
        Site site = Sites.current();
        ImpactFilter filter = dashboards.filter(site, p, areaId, organisationId);
        Figures figures = dashboards.figures(filter);
        model.addAllAttributes(dashboards.page(site, filter, figures, locale));
        model.addAttribute("areaName", areaId == null ? null : dashboards.areaName(site.id(), areaId, locale));
        model.addAttribute("downloadQuery", downloadQuery(filter));
        return "impact/dashboard";
    }

    static String downloadQuery(ImpactFilter f) {
        StringBuilder query = new StringBuilder();
        append(query, "from", f.from());
        append(query, "to", f.to());
        append(query, "area", f.areaId());
        append(query, "topic", f.topicId());
        append(query, "audience", f.audience());
        append(query, "organisation", f.organisationId());
        return query.substring(1);
    }

    @GetMapping(value = "/impact.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) Long area, @RequestParam(required = false) Long topic,
                               @RequestParam(required = false) String audience, @RequestParam(required = false) Long organisation,
                               Locale locale) {
        Site site = Sites.current();
        Figures figures = dashboards.figures(dashboards.filter(site, params(from, to, area, topic, audience, organisation), null, null));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"impact-" + site.slug() + "-" + figures.filter().from()
                        + "-" + figures.filter().to() + ".csv\"")
                .body(dashboards.csv(site, figures, locale));
    }

    @GetMapping(value = "/impact.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> json(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                             @RequestParam(required = false) Long area, @RequestParam(required = false) Long topic,
                                             @RequestParam(required = false) String audience,
                                             @RequestParam(required = false) Long organisation, Locale locale) {
        Site site = Sites.current();
        Figures figures = dashboards.figures(dashboards.filter(site, params(from, to, area, topic, audience, organisation), null, null));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"impact-" + site.slug() + "-" + figures.filter().from()
                        + "-" + figures.filter().to() + ".json\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(dashboards.jsonText(site, figures, locale));
    }
}
