package org.learningmap.recognition.verification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.Recognition;
import org.learningmap.recognition.verification.Verdict.Status;
import org.learningmap.shared.Languages;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public face of an award: its verification page (who issued what to whom, when, aligned to
 * which competences, and whether it is valid, expired or revoked, as found by verifying its signed
 * credential), its baked pictures, its printable certificate; and "Verify a badge" for any badge.
 */
@Controller
class VerificationController {

    /** One check as the page lists it. */
    record Line(boolean passed, String text) {
    }

    private final AwardVerification verification;
    private final BadgeVerifier verifier;
    private final Ob3Credentials ob3;
    private final Recognition recognition;
    private final Ob2Hosting hosting;
    private final MessageSource messages;

    VerificationController(AwardVerification verification, BadgeVerifier verifier, Ob3Credentials ob3, Recognition recognition,
                           Ob2Hosting hosting, MessageSource messages) {
        this.verification = verification;
        this.verifier = verifier;
        this.ob3 = ob3;
        this.recognition = recognition;
        this.hosting = hosting;
        this.messages = messages;
    }

    // ------------------------------------------------------------ the verification page

    @GetMapping(value = "/credentials/{publicId}", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable UUID publicId, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        String language = locale.getLanguage();
        AwardVerification.Checked checked = verification.check(publicId, language).orElseThrow(RuleViolation::notFound);
        Award award = checked.award();
        model.addAttribute("checked", checked);
        model.addAttribute("status", checked.status().name());
        model.addAttribute("badgeName", checked.badge().name().in(language));
        model.addAttribute("badgeNameLanguage", checked.badge().name().languageShown(language));
        model.addAttribute("badgeDescription", checked.badge().description().in(language));
        model.addAttribute("badgeCriteria", checked.badge().criteria().in(language));
        model.addAttribute("issuerName", checked.issuerName());
        model.addAttribute("recipientName", checked.recipientName());
        model.addAttribute("issuedOn", date(award.issuedAt(), locale));
        model.addAttribute("expiresOn", award.expiresAt() == null ? null : date(award.expiresAt(), locale));
        model.addAttribute("revocationReason", checked.status() == Status.REVOKED ? award.revocationReason() : null);
        model.addAttribute("competences", checked.competences(language));
        model.addAttribute("lines", lines(checked.verdict(), locale));
        model.addAttribute("publicId", publicId);
        model.addAttribute("badgeId", award.badgeId());
        model.addAttribute("organisationId", award.organisationId());
        model.addAttribute("downloadable", checked.status() != Status.REVOKED);
        return "recognition/verification/credential";
    }

    // ------------------------------------------------------------ baked pictures and the certificate

    @GetMapping("/credentials/{publicId}.png")
    ResponseEntity<byte[]> png(@PathVariable UUID publicId) {
        Award award = live(publicId);
        String credential = ob3.signedJson(publicId).orElseThrow(RuleViolation::notFound);
        byte[] baked = BakedBadges.bakePng(recognition.imagePng(award.badgeId()).bytes(), BakedBadges.Version.OB3, credential);
        return Ob2Controller.download(baked, MediaType.IMAGE_PNG, "badge-" + publicId + ".png");
    }

    @GetMapping(value = "/credentials/{publicId}", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> pngNegotiated(@PathVariable UUID publicId) {
        return png(publicId);
    }

    @GetMapping("/credentials/{publicId}.svg")
    ResponseEntity<byte[]> svg(@PathVariable UUID publicId) {
        Award award = live(publicId);
        String credential = ob3.signedJson(publicId).orElseThrow(RuleViolation::notFound);
        String baked = BakedBadges.bakeSvg(recognition.imageSvg(award.badgeId()), BakedBadges.Version.OB3, credential, null);
        return Ob2Controller.download(baked.getBytes(StandardCharsets.UTF_8), Ob2Controller.SVG, "badge-" + publicId + ".svg");
    }

    @GetMapping(value = "/credentials/{publicId}", produces = "image/svg+xml")
    ResponseEntity<byte[]> svgNegotiated(@PathVariable UUID publicId) {
        return svg(publicId);
    }

    @GetMapping("/credentials/{publicId}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable UUID publicId, @RequestParam(required = false) String lang) {
        Award award = verification.award(publicId).orElseThrow(RuleViolation::notFound);
        String language = Languages.isInterfaceLanguage(lang) ? lang
                : Languages.isInterfaceLanguage(award.language()) ? award.language() : "en";
        AwardVerification.Checked checked = verification.check(publicId, language).orElseThrow(RuleViolation::notFound);
        if (checked.status() == Status.REVOKED) {
            throw new RuleViolation(HttpStatus.GONE, "recognition-verification.revoked-no-download");
        }
        Locale locale = Locale.forLanguageTag(language);
        String badgeName = checked.badge().name().in(language);
        String recipient = checked.recipientName() == null ? text("recognition-verification.recipient-unnamed", locale)
                : checked.recipientName();
        String issued = text("recognition-verification.certificate.issued", locale, checked.issuerName(), date(award.issuedAt(), locale));
        String expires = award.expiresAt() == null ? null
                : text("recognition-verification.certificate.expires", locale, date(award.expiresAt(), locale));
        byte[] picture;
        try {
            picture = recognition.imagePng(award.badgeId()).bytes();
        } catch (RuntimeException missing) {
            picture = null;
        }
        byte[] pdf = CertificatePdf.render(new CertificatePdf.Certificate(language,
                text("recognition-verification.certificate.title", locale) + ": " + badgeName + " · " + recipient,
                text("recognition-verification.certificate.heading", locale),
                text("recognition-verification.certificate.certifies", locale), recipient,
                text("recognition-verification.certificate.earned", locale), badgeName,
                checked.badge().description().in(language), issued, expires,
                text("recognition-verification.competences", locale), checked.competences(language),
                text("recognition-verification.certificate.check", locale),
                hosting.documents().verificationPageUrl(publicId), picture));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"certificate-" + publicId + ".pdf\"")
                .header("Content-Language", language)
                .body(pdf);
    }

    private Award live(UUID publicId) {
        Award award = verification.award(publicId).orElseThrow(RuleViolation::notFound);
        if (award.revoked()) {
            throw new RuleViolation(HttpStatus.GONE, "recognition-verification.revoked-no-download");
        }
        return award;
    }

    // ------------------------------------------------------------ verify a badge

    @GetMapping("/verify")
    String verifyForm(Model model) {
        model.addAttribute("maxMegabytes", BadgeVerifier.MAX_BYTES / (1024 * 1024));
        return "recognition/verification/verify";
    }

    @PostMapping("/verify")
    String verifyUpload(@RequestParam(name = "badge", required = false) MultipartFile file, Model model) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("maxMegabytes", BadgeVerifier.MAX_BYTES / (1024 * 1024));
        Verdict verdict;
        if (file == null || file.isEmpty()) {
            verdict = Verdict.unreadable("recognition-verification.file.empty");
        } else if (file.getSize() > BadgeVerifier.MAX_BYTES) {
            verdict = Verdict.unreadable("recognition-verification.file.too-large", String.valueOf(BadgeVerifier.MAX_BYTES / (1024 * 1024)));
        } else {
            verdict = verifier.verify(file.getBytes(), file.getOriginalFilename());
        }
        model.addAttribute("verdict", verdict);
        model.addAttribute("status", verdict.status().name());
        model.addAttribute("lines", lines(verdict, locale));
        model.addAttribute("filename", file == null ? null : file.getOriginalFilename());
        Verdict.Summary summary = verdict.summary();
        model.addAttribute("summary", summary);
        model.addAttribute("issuedOn", summary.issuedAt() == null ? null : date(summary.issuedAt(), locale));
        model.addAttribute("expiresOn", summary.expiresAt() == null ? null : date(summary.expiresAt(), locale));
        return "recognition/verification/verify";
    }

    // ------------------------------------------------------------ helpers

    private List<Line> lines(Verdict verdict, Locale locale) {
        return verdict.checks().stream()
                .map(check -> new Line(check.passed(), messages.getMessage(check.messageKey(), check.arguments().toArray(),
                        check.messageKey(), locale)))
                .toList();
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    static String date(Instant instant, Locale locale) {
        ZoneId zone = zone();
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(zone).format(instant);
    }

    private static ZoneId zone() {
        try {
            Site site = Sites.current();
            return site.zone();
        } catch (RuleViolation noSite) {
            return ZoneId.of("Europe/Vilnius");
        }
    }
}
