package org.learningmap.recognition.verification;

import java.util.Map;
import java.util.UUID;
import org.learningmap.platform.Json;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.BadgeImage;
import org.learningmap.recognition.Recognition;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open Badges 2.0 hosted documents: Assertion, BadgeClass and issuer Profile as JSON-LD, the badge
 * picture, and the award baked into PNG and SVG. A revoked assertion answers 410 Gone with
 * {@code {"revoked": true, "revocationReason": ...}}, as the hosted verification of 2.0 expects.
 */
@RestController
class Ob2Controller {

    static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");
    static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    private final Ob2Hosting hosting;
    private final Recognition recognition;

    Ob2Controller(Ob2Hosting hosting, Recognition recognition) {
        this.hosting = hosting;
        this.recognition = recognition;
    }

    @GetMapping("/ob2/assertions/{publicId}")
    ResponseEntity<String> assertion(@PathVariable UUID publicId) {
        Ob2Hosting.Hosted hosted = hosting.assertion(publicId).orElseThrow(RuleViolation::notFound);
        return ResponseEntity.status(hosted.revoked() ? HttpStatus.GONE : HttpStatus.OK)
                .contentType(JSON_LD)
                .cacheControl(CacheControl.noCache())
                .header("Access-Control-Allow-Origin", "*")
                .body(Json.write(hosted.document()));
    }

    @GetMapping("/ob2/assertions/{publicId}.png")
    ResponseEntity<byte[]> bakedPng(@PathVariable UUID publicId) {
        Ob2Hosting.Hosted hosted = live(publicId);
        byte[] png = BakedBadges.bakePng(recognition.imagePng(hosted.award().badgeId()).bytes(), BakedBadges.Version.OB2,
                hosting.assertionJson(hosted));
        return download(png, MediaType.IMAGE_PNG, "badge-" + publicId + "-ob2.png");
    }

    @GetMapping("/ob2/assertions/{publicId}.svg")
    ResponseEntity<byte[]> bakedSvg(@PathVariable UUID publicId) {
        Ob2Hosting.Hosted hosted = live(publicId);
        String svg = BakedBadges.bakeSvg(recognition.imageSvg(hosted.award().badgeId()), BakedBadges.Version.OB2,
                hosting.assertionJson(hosted), hosting.documents().assertionUrl(publicId));
        return download(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8), SVG, "badge-" + publicId + "-ob2.svg");
    }

    @GetMapping("/ob2/badges/{badgeId}")
    ResponseEntity<String> badge(@PathVariable long badgeId, @RequestParam(required = false) String lang) {
        Map<String, Object> doc = hosting.badgeClass(badgeId, language(lang)).orElseThrow(RuleViolation::notFound);
        return json(doc);
    }

    @GetMapping("/ob2/badges/{badgeId}/image.png")
    ResponseEntity<byte[]> image(@PathVariable long badgeId) {
        hosting.badge(badgeId).orElseThrow(RuleViolation::notFound);
        BadgeImage image = recognition.imagePng(badgeId);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache())
                .header("Access-Control-Allow-Origin", "*").body(image.bytes());
    }

    @GetMapping("/ob2/issuers/{organisationId}")
    ResponseEntity<String> issuer(@PathVariable long organisationId, @RequestParam(required = false) String lang) {
        return json(hosting.issuer(organisationId, language(lang)).orElseThrow(RuleViolation::notFound));
    }

    private Ob2Hosting.Hosted live(UUID publicId) {
        Ob2Hosting.Hosted hosted = hosting.assertion(publicId).orElseThrow(RuleViolation::notFound);
        if (hosted.revoked()) {
            throw new RuleViolation(HttpStatus.GONE, "recognition-verification.revoked-no-download");
        }
        return hosted;
    }

    private static ResponseEntity<String> json(Map<String, Object> doc) {
        return ResponseEntity.ok().contentType(JSON_LD).cacheControl(CacheControl.noCache())
                .header("Access-Control-Allow-Origin", "*").body(Json.write(doc));
    }

    static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache())
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"")
                .header("Access-Control-Allow-Origin", "*").body(bytes);
    }

    static String language(String requested) {
        if (org.learningmap.shared.Languages.isInterfaceLanguage(requested)) {
            return requested;
        }
        return LocaleContextHolder.getLocale().getLanguage();
    }
}
