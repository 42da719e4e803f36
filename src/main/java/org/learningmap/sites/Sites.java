package org.learningmap.sites;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.learningmap.platform.RuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Questions about sites. Sites change rarely, so the list is held in memory and re-read every
 * half minute: a change made on one node reaches every node within that time.
 */
@Service
public class Sites {

    static final String REQUEST_ATTRIBUTE = Sites.class.getName() + ".current";
    static final int DEFAULT_DIGITAL_CONSENT_AGE = 16;
    private static final Duration REFRESH = Duration.ofSeconds(30);

    private final SiteRepository repository;
    private final String defaultSlug;
    private volatile List<Site> cached;
    private volatile Instant cachedAt = Instant.EPOCH;

    Sites(SiteRepository repository, @Value("${learningmap.default-site}") String defaultSlug) {
        this.repository = repository;
        this.defaultSlug = defaultSlug;
    }

    public List<Site> all() {
        List<Site> current = cached;
        if (current == null || Instant.now().isAfter(cachedAt.plus(REFRESH))) {
            current = List.copyOf(repository.findAll());
            // An empty list is not kept: the first site must show up as soon as it is created.
            cached = current.isEmpty() ? null : current;
            cachedAt = Instant.now();
        }
        return current;
    }

    /** Forget the cached list, after a site was changed on this node. */
    public void refresh() {
        cached = null;
    }

    public Optional<Site> bySlug(String slug) {
        return all().stream().filter(site -> site.slug().equals(slug)).findFirst();
    }

    public Optional<Site> byId(long id) {
        return all().stream().filter(site -> site.id() == id).findFirst();
    }

    Optional<Site> byHost(String host) {
        return all().stream().filter(site -> host != null && host.equalsIgnoreCase(site.host())).findFirst();
    }

    /** The site shown when neither host nor path names one; empty only before any site exists. */
    public Optional<Site> defaultSite() {
        return bySlug(defaultSlug).or(() -> all().stream().findFirst());
    }

    /** The site of the request being handled. */
    public static Site current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object site = attributes == null ? null : attributes.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (site == null) {
            throw new RuleViolation(HttpStatus.SERVICE_UNAVAILABLE, "site.none");
        }
        return (Site) site;
    }

    public static Site current(HttpServletRequest request) {
        return (Site) request.getAttribute(REQUEST_ATTRIBUTE);
    }

    /**
     * The age below which a guardian must consent before a learner's personal data is kept on
     * this site (GDPR art. 8); 16 unless the site says otherwise.
     */
    public int digitalConsentAge(long siteId) {
        return repository.digitalConsentAge(siteId).orElse(DEFAULT_DIGITAL_CONSENT_AGE);
    }

    public List<Area> areas(long siteId) {
        return repository.areas(siteId);
    }

    public Optional<Area> area(long siteId, long areaId) {
        return repository.area(siteId, areaId);
    }

    /** Towns of the site's gazetteer matching what a person typed, allowing for typos and missing accents. */
    public List<PlaceName> findPlaces(long siteId, String typed, int limit) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        String trimmed = typed.strip();
        return repository.findPlaces(siteId, trimmed.length() > 100 ? trimmed.substring(0, 100) : trimmed, limit);
    }
}
