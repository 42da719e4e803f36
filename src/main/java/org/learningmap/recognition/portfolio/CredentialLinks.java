package org.learningmap.recognition.portfolio;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.learningmap.sites.Site;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Addresses a portfolio hands out: an award's credential (stable, absolute, under the configured base
 * URL), the public portfolio's share link, and LinkedIn's "add a certification" form filled in.
 * Never built from the request's Host header, which a stranger could set.
 */
@Component("portfolioLinks")
public class CredentialLinks {

    private final String baseUrl;

    CredentialLinks(@Value("${learningmap.base-url}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The award's credential: its verification page, JSON-LD or JWT by content negotiation. */
    public String credential(UUID publicId) {
        return baseUrl + "/credentials/" + publicId;
    }

    public String badge(long badgeId) {
        return baseUrl + "/badges/" + badgeId;
    }

    public String image(long badgeId) {
        return baseUrl + "/badges/" + badgeId + "/image.png";
    }

    /** The public portfolio's address on the site the person is on. */
    public String share(HttpServletRequest request, Site site, String handle) {
        var uri = UriComponentsBuilder.fromUriString(baseUrl);
        if (site != null && site.host() != null && !site.host().isBlank()) {
            uri.host(site.host());
        }
        String base = uri.build().toUriString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + request.getContextPath() + "/portfolios/" + handle;
    }

    public String apiUrl(String handle) {
        return baseUrl + "/api/v1/portfolios/" + handle;
    }

    /** LinkedIn's form for adding a certification to a profile, filled in with the award. */
    public String linkedIn(Portfolio.Entry entry, String language) {
        ZonedDateTime issued = entry.award().issuedAt().atZone(ZoneOffset.UTC);
        StringBuilder url = new StringBuilder("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME")
                .append("&name=").append(encode(entry.badge().name().in(language)))
                .append("&organizationName=").append(encode(entry.issuer().in(language)))
                .append("&issueYear=").append(issued.getYear())
                .append("&issueMonth=").append(issued.getMonthValue());
        if (entry.award().expiresAt() != null) {
            ZonedDateTime expires = entry.award().expiresAt().atZone(ZoneOffset.UTC);
            url.append("&expirationYear=").append(expires.getYear()).append("&expirationMonth=").append(expires.getMonthValue());
        }
        url.append("&certUrl=").append(encode(credential(entry.award().publicId())))
                .append("&certId=").append(entry.award().publicId());
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
