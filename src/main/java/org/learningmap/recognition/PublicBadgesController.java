package org.learningmap.recognition;

import java.time.Duration;
import java.util.List;
import org.learningmap.organisations.OrganisationFacts;
import org.learningmap.organisations.Organisations;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Sites;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Public pages of recognition: a badge (what it stands for, who issues it, the competences it is
 * aligned to), its picture as PNG and SVG, and an issuer's profile with the badges it issues. The
 * issuer profile answers HTML here; other representations of the same address are negotiated by
 * their own handlers. A badge or issuer of another site is not found.
 */
@Controller
class PublicBadgesController {

    private final Recognition recognition;
    private final Organisations organisations;

    PublicBadgesController(Recognition recognition, Organisations organisations) {
        this.recognition = recognition;
        this.organisations = organisations;
    }

    @GetMapping(path = "/badges/{id}", produces = MediaType.TEXT_HTML_VALUE)
    String badge(@PathVariable long id, Model model) {
        Badge badge = onThisSite(id);
        OrganisationFacts issuer = organisations.facts(badge.organisationId()).orElseThrow(RuleViolation::notFound);
        model.addAttribute("badge", badge);
        model.addAttribute("issuer", issuer);
        model.addAttribute("imageVersion", badge.updatedAt().toEpochMilli());
        return "recognition/badge";
    }

    @GetMapping("/badges/{id}/image.png")
    ResponseEntity<byte[]> png(@PathVariable long id) {
        Badge badge = onThisSite(id);
        BadgeImage image = recognition.imagePng(badge.id());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic())
                .contentType(MediaType.IMAGE_PNG)
                .header("X-Content-Type-Options", "nosniff")
                .body(image.bytes());
    }

    @GetMapping("/badges/{id}/image.svg")
    ResponseEntity<String> svg(@PathVariable long id) {
        Badge badge = onThisSite(id);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic())
                .contentType(MediaType.parseMediaType("image/svg+xml;charset=UTF-8"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
                .body(recognition.imageSvg(badge.id()));
    }

    @GetMapping(path = "/issuers/{organisationId}", produces = MediaType.TEXT_HTML_VALUE)
    String issuer(@PathVariable long organisationId, Model model) {
        OrganisationFacts issuer = organisations.facts(organisationId)
                .filter(o -> o.approved() && o.siteId() == Sites.current().id())
                .orElseThrow(RuleViolation::notFound);
        List<Badge> badges = recognition.badgesOfOrganisation(organisationId);
        model.addAttribute("issuer", issuer);
        model.addAttribute("badges", badges);
        return "recognition/issuer";
    }

    private Badge onThisSite(long id) {
        return recognition.badge(id).filter(b -> b.siteId() == Sites.current().id()).orElseThrow(RuleViolation::notFound);
    }
}
