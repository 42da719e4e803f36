package org.learningmap.accounts;

import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /coordinator/privacy}: the site's coordinator sets how long personal data is kept. */
@Controller
class RetentionController {

    static final String KEEP = "keep";

    private final Retention retention;
    private final org.springframework.context.MessageSource messages;

    RetentionController(Retention retention, org.springframework.context.MessageSource messages) {
        this.retention = retention;
        this.messages = messages;
    }

    @GetMapping("/coordinator/privacy")
    String show(Model model, java.util.Locale locale) {
        Site site = coordinatedSite();
        RetentionRules rules = retention.of(site.id());
        String keep = messages.getMessage("privacy.retention.keep", null, KEEP, locale);
        model.addAttribute("inactive", text(rules.inactiveMonths(), keep));
        model.addAttribute("unclaimed", text(rules.unclaimedMonths(), keep));
        model.addAttribute("answers", Integer.toString(rules.answersMonths()));
        model.addAttribute("evidence", text(rules.evidenceMonths(), keep));
        return "accounts/retention";
    }

    @PostMapping("/coordinator/privacy")
    String save(@RequestParam(defaultValue = "") String inactive, @RequestParam(defaultValue = "") String unclaimed,
                @RequestParam(defaultValue = "") String answers, @RequestParam(defaultValue = "") String evidence,
                Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response, java.util.Locale locale) {
        Site site = coordinatedSite();
        String keep = messages.getMessage("privacy.retention.keep", null, KEEP, locale);
        try {
            Integer answersMonths = months(answers, keep);
            if (answersMonths == null) {
                throw RuleViolation.badRequest(Retention.INVALID);
            }
            retention.save(new RetentionRules(site.id(), months(inactive, keep), months(unclaimed, keep), answersMonths, months(evidence, keep)),
                    CurrentAccount.get().orElseThrow().id());
        } catch (RuleViolation invalid) {
            model.addAttribute("inactive", inactive);
            model.addAttribute("unclaimed", unclaimed);
            model.addAttribute("answers", answers);
            model.addAttribute("evidence", evidence);
            model.addAttribute("problem", Retention.INVALID);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "accounts/retention";
        }
        redirect.addFlashAttribute("done", "privacy.retention.saved");
        return "redirect:/coordinator/privacy";
    }

    private static Integer months(String typed, String keep) {
        String value = typed == null ? "" : typed.strip();
        if (value.isEmpty() || value.equalsIgnoreCase(KEEP) || value.equalsIgnoreCase(keep)) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw RuleViolation.badRequest(Retention.INVALID);
        }
    }

    private static String text(Integer months, String keep) {
        return months == null ? keep : Integer.toString(months);
    }

    private static Site coordinatedSite() {
        Site site = Sites.current();
        if (!CurrentAccount.get().map(me -> me.coordinates(site.id())).orElse(false)) {
            throw RuleViolation.forbidden();
        }
        return site;
    }
}
