package org.learningmap.recognition;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.assessment.Framework;
import org.learningmap.catalogue.ActivityFacts;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.organisations.Membership;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.platform.FieldErrors;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of badges: the badges of the organisations the signed-in person edits for (for a platform
 * administrator also those of the site's own issuer), a badge's
 * form (texts in each language, tags, DigComp and ESCO alignments, validity, attendance share,
 * picture) and its awards with "revoke". Each use case checks the person's role in the badge's
 * organisation; a badge of another site is not found.
 */
@Controller
class StaffBadgesController {

    private static final int AWARDS_SHOWN = 200;

    private final Recognition recognition;
    private final BadgeEditing editing;
    private final Organisations organisations;
    private final Catalogue catalogue;
    private final MessageSource messages;
    private final BadgeStore badges;

    StaffBadgesController(Recognition recognition, BadgeEditing editing, Organisations organisations, Catalogue catalogue,
                          MessageSource messages, BadgeStore badges) {
        this.badges = badges;
        this.recognition = recognition;
        this.editing = editing;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    /** The badges of one organisation, for the list. */
    record OrganisationBadges(long organisationId, LocalizedText name, List<Badge> badges) {
    }

    /** One ESCO row of the form. */
    record EscoRow(String uri, String label) {
    }

    /** What the form shows: the saved badge, or what was sent when it had problems. */
    record Form(Map<String, String> name, Map<String, String> description, Map<String, String> criteria, String tags,
                Set<String> digcomp, List<EscoRow> esco, String validityDays, String attendancePercent) {

        static Form of(Badge badge) {
            List<EscoRow> esco = new ArrayList<>(badge.alignments().stream().filter(a -> "esco".equals(a.framework()))
                    .map(a -> new EscoRow(a.code(), a.name())).toList());
            Set<String> digcomp = new LinkedHashSet<>(badge.alignments().stream().filter(a -> a.framework().startsWith("digcomp-"))
                    .map(Alignment::code).toList());
            return new Form(badge.name().values(), badge.description().values(), badge.criteria().values(), String.join(", ", badge.tags()),
                    digcomp, esco, badge.validityDays() == null ? "" : badge.validityDays().toString(),
                    badge.attendancePercent() == null ? "" : badge.attendancePercent().toString());
        }

        static Form of(BadgeEditing.Input input) {
            List<EscoRow> esco = new ArrayList<>();
            for (int i = 0; i < input.escoUris().size(); i++) {
                String label = i < input.escoLabels().size() ? input.escoLabels().get(i) : "";
                if (!input.escoUris().get(i).isBlank() || !label.isBlank()) {
                    esco.add(new EscoRow(input.escoUris().get(i), label));
                }
            }
            return new Form(input.name(), input.description(), input.criteria(), input.tags(), new LinkedHashSet<>(input.digcomp()),
                    esco, input.validityDays(), input.attendancePercent());
        }

        /** The ESCO rows with two empty ones to add more without scripts. */
        public List<EscoRow> escoRows() {
            List<EscoRow> rows = new ArrayList<>(esco);
            rows.add(new EscoRow("", ""));
            rows.add(new EscoRow("", ""));
            return rows;
        }
    }

    @GetMapping("/staff/badges")
    String list(Model model) {
        CurrentAccount me = me();
        long site = Sites.current().id();
        List<OrganisationBadges> groups = new ArrayList<>();
        for (Membership membership : organisations.membershipsOf(me.id())) {
            if (membership.siteId() == site && membership.role().atLeast(StaffRole.EDITOR)) {
                groups.add(new OrganisationBadges(membership.organisationId(), membership.organisationName(),
                        recognition.badgesOfOrganisation(membership.organisationId())));
            }
        }
        if (me.platformAdmin()) {
            for (long issuer : badges.siteBadgeIssuers(site)) {
                if (groups.stream().noneMatch(g -> g.organisationId() == issuer)) {
                    groups.add(new OrganisationBadges(issuer, organisations.nameOf(issuer).orElse(LocalizedText.EMPTY),
                            recognition.badgesOfOrganisation(issuer)));
                }
            }
        }
        model.addAttribute("groups", groups);
        return "recognition/staff-badges";
    }

    /** From an activity's staff page: its badge (made now if it has none yet). */
    @GetMapping("/staff/activities/{activityId}/badge")
    String activityBadge(@PathVariable long activityId) {
        CurrentAccount me = me();
        ActivityFacts activity = catalogue.activityFacts(activityId).filter(a -> a.siteId() == Sites.current().id())
                .orElseThrow(RuleViolation::notFound);
        if (!recognition.mayManage(me.id(), activity.organisationId())) {
            throw new RuleViolation(HttpStatus.FORBIDDEN, Recognition.FORBIDDEN);
        }
        return "redirect:/staff/badges/" + recognition.ensureActivityBadge(activityId).id();
    }

    @GetMapping("/staff/badges/{id}")
    String edit(@PathVariable long id, Model model) {
        Badge badge = manageable(id);
        return page(model, badge, Form.of(badge), Map.of());
    }

    @PostMapping("/staff/badges/{id}")
    String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
                jakarta.servlet.http.HttpServletResponse response) {
        Badge badge = manageable(id);
        BadgeEditing.Input input = new BadgeEditing.Input(texts(params, "name"), texts(params, "description"), texts(params, "criteria"),
                params.getFirst("tags"), list(params, "digcomp"), list(params, "escoUri"), list(params, "escoLabel"),
                params.getFirst("validityDays"), params.getFirst("attendancePercent"));
        try {
            editing.update(badge.id(), me().id(), input);
        } catch (FieldErrors.Invalid invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, badge, Form.of(input), invalid.errors().messages(messages, LocaleContextHolder.getLocale()));
        }
        redirect.addFlashAttribute("notice", "recognition.staff.saved");
        return "redirect:/staff/badges/" + badge.id();
    }

    @PostMapping("/staff/badges/{id}/image")
    String upload(@PathVariable long id, @RequestParam(name = "image", required = false) MultipartFile file, Model model,
                  RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        Badge badge = manageable(id);
        try {
            if (file != null && file.getSize() > BadgeEditing.MAX_IMAGE_BYTES) {
                FieldErrors errors = new FieldErrors();
                errors.reject("image", "recognition.error.image-too-large", BadgeEditing.MAX_IMAGE_BYTES / (1024 * 1024));
                throw new FieldErrors.Invalid(errors);
            }
            editing.uploadImage(badge.id(), me().id(), file == null ? new byte[0] : file.getBytes());
        } catch (FieldErrors.Invalid invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, badge, Form.of(badge), invalid.errors().messages(messages, LocaleContextHolder.getLocale()));
        }
        redirect.addFlashAttribute("notice", "recognition.staff.image-saved");
        return "redirect:/staff/badges/" + badge.id();
    }

    @PostMapping("/staff/badges/{id}/image/reset")
    String resetImage(@PathVariable long id, RedirectAttributes redirect) {
        Badge badge = manageable(id);
        editing.resetImage(badge.id(), me().id());
        redirect.addFlashAttribute("notice", "recognition.staff.image-reset");
        return "redirect:/staff/badges/" + badge.id();
    }

    @PostMapping("/staff/badges/{id}/awards/{awardId}/revoke")
    String revoke(@PathVariable long id, @PathVariable long awardId, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        Badge badge = manageable(id);
        Award award = recognition.award(awardId).filter(a -> a.badgeId() == badge.id()).orElseThrow(RuleViolation::notFound);
        try {
            recognition.revoke(award.id(), reason, me().id());
            redirect.addFlashAttribute("notice", "recognition.staff.revoked");
        } catch (RuleViolation violation) {
            if (violation.status() != HttpStatus.BAD_REQUEST) {
                throw violation;
            }
            redirect.addFlashAttribute("problem", violation.reason());
        }
        return "redirect:/staff/badges/" + badge.id() + "#awards";
    }

    private String page(Model model, Badge badge, Form form, Map<String, String> errors) {
        Site site = Sites.current();
        Framework framework = editing.digcompFramework(badge);
        List<Award> awards = recognition.awardsOfBadge(badge.id());
        model.addAttribute("badge", badge);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("framework", framework);
        model.addAttribute("languages", Recognition.LANGUAGES);
        model.addAttribute("issuer", organisations.nameOf(badge.organisationId()).orElse(LocalizedText.EMPTY));
        model.addAttribute("uploaded", editing.hasUploadedImage(badge.id()));
        model.addAttribute("imageVersion", badge.updatedAt().toEpochMilli());
        model.addAttribute("awards", awards.size() > AWARDS_SHOWN ? awards.subList(0, AWARDS_SHOWN) : awards);
        model.addAttribute("awardCount", awards.size());
        model.addAttribute("mayAward", organisations.hasRole(me().id(), badge.organisationId(), StaffRole.EDUCATOR));
        model.addAttribute("zone", site.zone() == null ? ZoneId.of("UTC") : site.zone());
        return "recognition/staff-badge";
    }

    private Badge manageable(long id) {
        Badge badge = editing.manageable(id, me().id());
        if (badge.siteId() != Sites.current().id()) {
            throw RuleViolation.notFound();
        }
        return badge;
    }

    private static CurrentAccount me() {
        return CurrentAccount.get().orElseThrow(() -> new RuleViolation(HttpStatus.FORBIDDEN, Recognition.FORBIDDEN));
    }

    private static Map<String, String> texts(MultiValueMap<String, String> params, String field) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String language : Recognition.LANGUAGES) {
            String value = params.getFirst(field + "." + language);
            if (value != null) {
                texts.put(language, value);
            }
        }
        return texts;
    }

    private static List<String> list(MultiValueMap<String, String> params, String field) {
        List<String> values = params.get(field);
        return values == null ? List.of() : values.stream().map(v -> v == null ? "" : v).toList();
    }
}
