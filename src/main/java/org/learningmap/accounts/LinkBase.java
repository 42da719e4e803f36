package org.learningmap.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.learningmap.sites.Site;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address of a site for links in e-mail: the configured base URL (with the site's own host, if
 * it has one), never the request's Host header, which a stranger could set.
 */
@Component
class LinkBase {

    private final String baseUrl;

    LinkBase(@Value("${learningmap.base-url}") String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String of(HttpServletRequest request, Site site) {
        var uri = UriComponentsBuilder.fromUriString(baseUrl);
        if (site.host() != null && !site.host().isBlank()) {
            uri.host(site.host());
        }
        String base = uri.build().toUriString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + request.getContextPath();
    }
}
