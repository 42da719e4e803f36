package org.learningmap.sites;

import java.time.Duration;
import org.learningmap.platform.RuleViolation;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A site's uploaded logo. Pages link to it with the logo's version ({@code ?v=}), so a new upload
 * gets a new address and browsers may keep each version for a year.
 */
@Controller
class SiteLogoController {

    private final SiteStore store;

    SiteLogoController(SiteStore store) {
        this.store = store;
    }

    @GetMapping("/site/logo/{siteId}")
    ResponseEntity<byte[]> logo(@PathVariable long siteId, @RequestParam(name = "v", required = false) Long version) {
        SiteStore.Logo logo = store.logo(siteId).orElseThrow(RuleViolation::notFound);
        CacheControl cache = version != null && version == logo.version()
                ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
                : CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
        return ResponseEntity.ok()
                .cacheControl(cache)
                .eTag("\"logo-" + siteId + "-" + logo.version() + "\"")
                .contentType(MediaType.parseMediaType(logo.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .body(logo.bytes());
    }
}
