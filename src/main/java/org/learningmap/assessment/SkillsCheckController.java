package org.learningmap.assessment;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.AlignedActivity;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.GeoPoint;
import org.learningmap.sites.PlaceName;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The skills check as pages: start or resume, one question per page, and the result with what to learn next. */
@Controller
class SkillsCheckController {

    static final double NEARBY_KM = 30;

    private final Checks checks;
    private final Frameworks frameworks;
    private final Catalogue catalogue;
    private final Sites sites;
    private final Sittings sittings;
    private final ResultPdf pdf;
    private final org.springframework.context.MessageSource messages;

    SkillsCheckController(Checks checks, Frameworks frameworks, Catalogue catalogue, Sites sites, Sittings sittings, ResultPdf pdf,
                          org.springframework.context.MessageSource messages) {
        this.pdf = pdf;
        this.messages = messages;
        this.checks = checks;
        this.frameworks = frameworks;
        this.catalogue = catalogue;
        this.sites = sites;
        this.sittings = sittings;
    }

    static Long me() {
        return CurrentAccount.get().map(CurrentAccount::id).orElse(null);
    }

    @GetMapping("/skills-check")
    String start(@RequestParam(required = false) String sitting, Model model) {
        Long me = me();
        model.addAttribute("attempts", me == null ? List.of() : checks.ofAccount(Sites.current().id(), me));
        model.addAttribute("sittingCode", sitting == null ? "" : sitting);
        model.addAttribute("quickLength", 25);
        model.addAttribute("editsItems", ItemEditing.mayEdit());
        return "assessment/start";
    }

    @PostMapping("/skills-check/start")
    String begin(@RequestParam(required = false) String kind, @RequestParam(required = false) String sitting, Model model) {
        CheckKind chosen = "FULL".equals(kind) ? CheckKind.FULL : CheckKind.QUICK;
        try {
            Attempt attempt = checks.start(Sites.current().id(), me(), chosen, Frameworks.DEFAULT,
                    LocaleContextHolder.getLocale().getLanguage(), sitting);
            return "redirect:/skills-check/" + attempt.id();
        } catch (RuleViolation violation) {
            model.addAttribute("sittingError", violation.reason());
            return start(sitting, model);
        }
    }

    @GetMapping("/skills-check/resume")
    String resume(@RequestParam(required = false) String code, Model model) {
        try {
            return "redirect:/skills-check/" + checks.resume(Sites.current().id(), code).id();
        } catch (RuleViolation violation) {
            model.addAttribute("resumeError", violation.reason());
            model.addAttribute("resumeCode", code);
            return start(null, model);
        }
    }

    @GetMapping("/skills-check/{id}")
    String question(@PathVariable UUID id, Model model) {
        Attempt attempt = checks.open(id, Sites.current().id(), me());
        Optional<Item> next = checks.next(attempt);
        if (next.isEmpty()) {
            return "redirect:/skills-check/" + id + "/result";
        }
        return showQuestion(attempt, next.get(), null, model);
    }

    @PostMapping("/skills-check/{id}")
    String answer(@PathVariable UUID id, @RequestParam(required = false) String item, HttpServletRequest request, Model model) {
        long siteId = Sites.current().id();
        Attempt attempt = checks.open(id, siteId, me());
        Optional<Item> asked = checks.next(attempt).filter(i -> i.id().equals(item));
        if (asked.isEmpty()) {
            return "redirect:/skills-check/" + id;
        }
        List<String> response = response(asked.get(), request.getParameterMap());
        try {
            Attempt after = checks.answer(id, siteId, me(), item, response);
            return after.finished() ? "redirect:/skills-check/" + id + "/result" : "redirect:/skills-check/" + id;
        } catch (RuleViolation violation) {
            return showQuestion(attempt, asked.get(), asked.get().kind() == Item.Kind.ORDER ? "assessment.answer.order" : violation.reason(), model);
        }
    }

    /** The answer as sent: one value, or for "order the steps" the step ids sorted by the position chosen for each. */
    static List<String> response(Item item, Map<String, String[]> parameters) {
        if (item.kind() != Item.Kind.ORDER) {
            String[] values = parameters.get("answer");
            return values == null ? List.of() : List.of(values);
        }
        List<String[]> positions = new ArrayList<>();
        for (Item.Option option : item.options()) {
            String[] value = parameters.get("position." + option.id());
            if (value == null || !value[0].matches("[1-9]")) {
                return List.of();
            }
            positions.add(new String[] {value[0], option.id()});
        }
        if (positions.stream().map(p -> p[0]).distinct().count() != positions.size()) {
            return List.of();
        }
        return positions.stream().sorted(Comparator.comparing((String[] p) -> p[0])).map(p -> p[1]).toList();
    }

    private String showQuestion(Attempt attempt, Item item, String error, Model model) {
        int[] progress = checks.progress(attempt);
        model.addAttribute("attempt", attempt);
        model.addAttribute("item", item);
        model.addAttribute("number", progress[0] + 1);
        model.addAttribute("total", progress[1]);
        model.addAttribute("error", error);
        model.addAttribute("labels", QuestionLabels.of(messages, LocaleContextHolder.getLocale().getLanguage()));
        model.addAttribute("competence", frameworks.byIdOrDefault(attempt.framework()).competence(item.competence()).orElseThrow());
        return "assessment/question";
    }

    /** The finished result as a PDF to print or keep; the check's page for one not yet finished. */
    @GetMapping("/skills-check/{id}/result.pdf")
    org.springframework.http.ResponseEntity<byte[]> resultPdf(@PathVariable UUID id) {
        Site site = Sites.current();
        Attempt attempt = checks.open(id, site.id(), me());
        if (!attempt.finished()) {
            return org.springframework.http.ResponseEntity.status(303)
                    .header("Location", org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path("/skills-check/" + id).toUriString()).build();
        }
        String sittingCode = attempt.sittingId() == null ? null : sittings.find(attempt.sittingId()).map(Sittings.Sitting::code).orElse(null);
        java.util.Locale locale = LocaleContextHolder.getLocale();
        byte[] bytes = pdf.render(attempt, frameworks.byIdOrDefault(attempt.framework()), site.name().in(locale.getLanguage()),
                site.zone(), sittingCode, locale);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"digital-skills.pdf\"")
                .body(bytes);
    }

    /** The questions of a finished check as they were asked, whatever was edited or retired since, with the answers given. */
    @GetMapping("/skills-check/{id}/answers")
    String answers(@PathVariable UUID id, Model model) {
        Attempt attempt = checks.open(id, Sites.current().id(), me());
        if (!attempt.finished()) {
            return "redirect:/skills-check/" + id;
        }
        String language = LocaleContextHolder.getLocale().getLanguage();
        model.addAttribute("attempt", attempt);
        model.addAttribute("asked", checks.asked(attempt));
        model.addAttribute("labels", QuestionLabels.of(messages, language));
        model.addAttribute("framework", frameworks.byIdOrDefault(attempt.framework()));
        return "assessment/answers";
    }

    @GetMapping("/skills-check/{id}/result")
    String result(@PathVariable UUID id, @RequestParam(required = false) String town,
                  @RequestParam(required = false) String taught, Model model) {
        Site site = Sites.current();
        Attempt attempt = checks.open(id, site.id(), me());
        if (!attempt.finished()) {
            return "redirect:/skills-check/" + id;
        }
        Framework framework = frameworks.byIdOrDefault(attempt.framework());
        String language = LocaleContextHolder.getLocale().getLanguage();
        String teaching = taught == null ? (site.speaks(language) ? language : site.defaultLanguage())
                : "any".equals(taught) || !site.speaks(taught) ? null : taught;
        List<String> weakest = Checks.weakest(attempt.result(), 3);
        Optional<PlaceName> place = town == null || town.isBlank() ? Optional.empty()
                : sites.findPlaces(site.id(), town, 1).stream().findFirst();
        GeoPoint near = place.map(PlaceName::point).orElse(null);
        List<AlignedActivity> recommended = catalogue.alignedActivities(site.id(), weakest, near, NEARBY_KM, teaching, 6);
        model.addAttribute("attempt", attempt);
        model.addAttribute("result", attempt.result());
        model.addAttribute("framework", framework);
        model.addAttribute("chart", ResultChart.of(framework, attempt.result(), language));
        model.addAttribute("weakest", weakest.stream().map(code -> framework.competence(code).orElseThrow()).toList());
        model.addAttribute("recommended", recommended);
        model.addAttribute("town", town == null ? "" : town);
        model.addAttribute("taught", teaching == null ? "any" : teaching);
        java.util.Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("teachingLanguages", site.languages().stream().map(code -> {
            String name = java.util.Locale.forLanguageTag(code).getDisplayLanguage(locale);
            return new String[] {code, name.isEmpty() ? code : name.substring(0, 1).toUpperCase(locale) + name.substring(1)};
        }).toList());
        model.addAttribute("place", place.orElse(null));
        model.addAttribute("townUnknown", town != null && !town.isBlank() && place.isEmpty());
        model.addAttribute("sitting", attempt.sittingId() == null ? null : sittings.find(attempt.sittingId()).orElse(null));
        model.addAttribute("zone", site.zone());
        return "assessment/result";
    }
}
