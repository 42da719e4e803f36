package org.learningmap.recognition.earning;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.learningmap.catalogue.Formats;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.Badge;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Evidence pages. Learners: {@code /account/badges/evidence} (their submissions, badges that accept
 * evidence, and submissions waiting for them as peer or self reviewers), a badge's form to submit
 * text, a link or a file, and each submission with its status and history. Staff:
 * {@code /staff/badges/{id}/award/evidence} sets whether and how the badge accepts evidence and
 * lists what waits for review; reviewing happens on the submission's page.
 */
@Controller
class EvidenceController {

    /** A line of a list: the submission with its badge's name and when it last changed. */
    record Line(EvidenceReviews.Submission submission, String badgeName, String when) {
    }

    private final EvidenceReviews evidence;
    private final EarningAccess access;

    EvidenceController(EvidenceReviews evidence, EarningAccess access) {
        this.evidence = evidence;
        this.access = access;
    }

    // --- learners and peer reviewers

    @GetMapping("/account/badges/evidence")
    String overview(Model model) {
        long me = EarningAccess.me().id();
        Site site = Sites.current();
        List<EvidenceReviews.Submission> mine = evidence.mine(me).stream().filter(s -> s.siteId() == site.id()).toList();
        model.addAttribute("mine", lines(mine));
        model.addAttribute("accepting", evidence.badgesAccepting(site.id()).stream()
                .filter(b -> mine.stream().noneMatch(s -> s.badgeId() == b.id()))
                .map(b -> Map.entry(b.id(), b.name().in(LocaleContextHolder.getLocale()))).toList());
        model.addAttribute("toReview", lines(evidence.waitingForPeer(me, site.id())));
        return "recognition/earning/evidence-overview";
    }

    @GetMapping("/account/badges/evidence/badges/{badgeId}")
    String badgeForm(@PathVariable long badgeId, Model model) {
        long me = EarningAccess.me().id();
        Badge badge = access.badge(badgeId);
        Optional<EvidenceReviews.Submission> existing = evidence.ofLearner(badgeId, me);
        if (existing.isPresent() && !model.containsAttribute("problem")) {
            return "redirect:/account/badges/evidence/" + existing.get().id();
        }
        if (!evidence.setting(badgeId).accepts()) {
            throw new RuleViolation(EvidenceReviews.NOT_ACCEPTED);
        }
        model.addAttribute("badge", badge);
        model.addAttribute("badgeName", badge.name().in(LocaleContextHolder.getLocale()));
        model.addAttribute("criteria", badge.criteria().in(LocaleContextHolder.getLocale()));
        model.addAttribute("maxMegabytes", EvidenceReviews.MAX_FILE_BYTES / (1024 * 1024));
        return "recognition/earning/evidence-submit";
    }

    @PostMapping("/account/badges/evidence/badges/{badgeId}")
    String submit(@PathVariable long badgeId, @RequestParam(required = false) String body, @RequestParam(required = false) String link,
                  @RequestParam(required = false) String comment, @RequestParam(name = "file", required = false) MultipartFile file,
                  RedirectAttributes redirect) throws IOException {
        long me = EarningAccess.me().id();
        EvidenceReviews.Upload upload = file == null || file.isEmpty() ? null : new EvidenceReviews.Upload(file.getOriginalFilename(),
                file.getSize() > EvidenceReviews.MAX_FILE_BYTES ? new byte[EvidenceReviews.MAX_FILE_BYTES + 1] : file.getBytes());
        try {
            EvidenceReviews.Submission submission = evidence.submit(badgeId, me, body, link, upload, comment);
            redirect.addFlashAttribute("done", "recognition-earning.evidence.done.submitted");
            return "redirect:/account/badges/evidence/" + submission.id();
        } catch (RuleViolation rule) {
            AwardController.keepOrRethrow(rule, redirect);
            redirect.addFlashAttribute("body", body);
            redirect.addFlashAttribute("link", link);
            redirect.addFlashAttribute("comment", comment);
            Optional<EvidenceReviews.Submission> existing = evidence.ofLearner(badgeId, me);
            return existing.isPresent() ? "redirect:/account/badges/evidence/" + existing.get().id()
                    : "redirect:/account/badges/evidence/badges/" + badgeId;
        }
    }

    @GetMapping("/account/badges/evidence/{submissionId}")
    String submission(@PathVariable long submissionId, Model model) {
        long me = EarningAccess.me().id();
        EvidenceReviews.Submission submission = evidence.find(submissionId).orElseThrow(RuleViolation::notFound);
        if (!evidence.maySee(submission, me)) {
            throw RuleViolation.forbidden();
        }
        Badge badge = access.badge(submission.badgeId());
        Site site = Sites.current();
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("badge", badge);
        model.addAttribute("badgeName", badge.name().in(locale));
        model.addAttribute("s", submission);
        model.addAttribute("mine", submission.accountId() == me);
        model.addAttribute("mayReview", submission.waiting() && evidence.mayReview(submission, me));
        model.addAttribute("history", evidence.history(submissionId).stream()
                .map(e -> Map.entry(e, Formats.date(e.createdAt(), site.zone(), locale) + ", " + Formats.time(e.createdAt(), site.zone(), locale)))
                .toList());
        model.addAttribute("maxMegabytes", EvidenceReviews.MAX_FILE_BYTES / (1024 * 1024));
        return "recognition/earning/evidence";
    }

    @PostMapping("/account/badges/evidence/{submissionId}/review")
    String review(@PathVariable long submissionId, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        long me = EarningAccess.me().id();
        try {
            evidence.review(submissionId, me, "approve".equals(decision), comment);
            redirect.addFlashAttribute("done", "approve".equals(decision) ? "recognition-earning.evidence.done.approved"
                    : "recognition-earning.evidence.done.improve");
        } catch (RuleViolation rule) {
            AwardController.keepOrRethrow(rule, redirect);
            redirect.addFlashAttribute("reviewComment", comment);
        }
        return "redirect:/account/badges/evidence/" + submissionId;
    }

    @PostMapping("/account/badges/evidence/{submissionId}/comments")
    String comment(@PathVariable long submissionId, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            evidence.comment(submissionId, EarningAccess.me().id(), comment);
        } catch (RuleViolation rule) {
            AwardController.keepOrRethrow(rule, redirect);
        }
        return "redirect:/account/badges/evidence/" + submissionId + "#history";
    }

    @GetMapping("/account/badges/evidence/{submissionId}/file")
    ResponseEntity<byte[]> file(@PathVariable long submissionId) {
        EvidenceReviews.Submission submission = evidence.find(submissionId).orElseThrow(RuleViolation::notFound);
        EvidenceReviews.Upload file = evidence.file(submissionId, EarningAccess.me().id()).orElseThrow(RuleViolation::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(submission.fileType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.bytes());
    }

    // --- staff

    @GetMapping("/staff/badges/{badgeId}/award/evidence")
    String staff(@PathVariable long badgeId, Model model) {
        long me = EarningAccess.me().id();
        Badge badge = access.badgeToAward(badgeId, me);
        model.addAttribute("badge", badge);
        model.addAttribute("badgeName", badge.name().in(LocaleContextHolder.getLocale()));
        model.addAttribute("setting", evidence.setting(badgeId));
        model.addAttribute("reviews", EvidenceReviews.Review.values());
        model.addAttribute("submissions", lines(evidence.ofBadge(badgeId, me)));
        return "recognition/earning/evidence-staff";
    }

    @PostMapping("/staff/badges/{badgeId}/award/evidence")
    String settings(@PathVariable long badgeId, @RequestParam(defaultValue = "false") boolean accepts,
                    @RequestParam(required = false) String review, RedirectAttributes redirect) {
        EvidenceReviews.Review mode;
        try {
            mode = review == null ? EvidenceReviews.Review.ORGANISER : EvidenceReviews.Review.valueOf(review);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("error.invalid-input");
        }
        evidence.saveSetting(badgeId, EarningAccess.me().id(), accepts, mode);
        redirect.addFlashAttribute("done", "recognition-earning.evidence.done.settings");
        return "redirect:/staff/badges/" + badgeId + "/award/evidence";
    }

    private List<Line> lines(List<EvidenceReviews.Submission> submissions) {
        Site site = Sites.current();
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> names = new LinkedHashMap<>();
        return submissions.stream().map(s -> new Line(s,
                names.computeIfAbsent(s.badgeId(), id -> access.badge(id).name().in(locale)),
                Formats.date(s.updatedAt(), site.zone(), locale))).toList();
    }
}
