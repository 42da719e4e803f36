package org.learningmap.impact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures as open data; counts under 5 are {@code null} with {@code suppressed: true}. */
@RestController
@RequestMapping("/api/v1/impact")
@Tag(name = "Impact", description = "Open data of the public impact dashboard")
class ImpactApi {

    private final Dashboards dashboards;

    ImpactApi(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The site's figures for a period (months from/to as YYYY-MM), optionally by area, topic, audience and organisation")
    String site(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) Long area, @RequestParam(required = false) Long topic,
                             @RequestParam(required = false) String audience, @RequestParam(required = false) Long organisation,
                             Locale locale) {
        Site site = Sites.current();
        return dashboards.jsonText(site, dashboards.figures(dashboards.filter(site,
                ImpactController.params(from, to, area, topic, audience, organisation), null, null)), locale);
    }

    @GetMapping(value = "/areas/{areaId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One area's figures, the same as its row of the site's figures")
    String area(@PathVariable long areaId, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) Long topic, @RequestParam(required = false) String audience,
                             @RequestParam(required = false) Long organisation, Locale locale) {
        Site site = Sites.current();
        return dashboards.jsonText(site, dashboards.figures(dashboards.filter(site,
                ImpactController.params(from, to, null, topic, audience, organisation), areaId, null)), locale);
    }
}
