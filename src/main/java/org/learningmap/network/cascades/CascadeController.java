package org.learningmap.network.cascades;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.organisations.Organisations;
import org.learningmap.platform.FieldErrors;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Sites;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The cascade pages: an organisation's cascade for its staff, the whole site's for its coordinators, cohorts, CSV. */
@Controller
class CascadeController {

    /** The organisation a page is about. */
    record OrganisationRef(long id, LocalizedText name) {
    }

    /** A cohort in the list, with the names of its organisation. */
    record CohortRow(Cohort cohort, LocalizedText organisation, int trainers, int participants) {
    }

    private final Cascades cascades;
    private final CascadeAccess access;
    private final Organisations organisations;
    private final MessageSource messages;

    CascadeController(Cascades cascades, CascadeAccess access, Organisations organisations, MessageSource messages) {
        this.cascades = cascades;
        this.access = access;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping("/staff/organisations/{id}/cascades")
    String ofOrganisation(@PathVariable long id, Model model) {
        CurrentAccount me = CascadeAccess.me();
        long site = access.siteOf(id);
        access.requireViewer(me, id, site);
        List<Cohort> cohorts = cascades.cohortsOfOrganisation(id);
        tree(model, site, cohorts);
        model.addAttribute("organisation", organisation(id));
        model.addAttribute("mayRecord", access.mayRecord(me, id, site));
        return "network/cascades/organisation";
    }

    @GetMapping(value = "/staff/organisations/{id}/cascades.csv")
    ResponseEntity<byte[]> organisationCsv(@PathVariable long id) {
        CurrentAccount me = CascadeAccess.me();
        long site = access.siteOf(id);
        access.requireViewer(me, id, site);
        return csv(site, cascades.cohortsOfOrganisation(id), "cascade-organisation-" + id + ".csv");
    }

    @GetMapping("/coordinator/cascades")
    String ofSite(Model model) {
        long site = Sites.current().id();
        access.requireCoordinator(CascadeAccess.me(), site);
        tree(model, site, cascades.cohortsOfSite(site));
        model.addAttribute("organisations", organisations.approvedOn(site, LocaleContextHolder.getLocale().getLanguage()));
        return "network/cascades/site";
    }

    @GetMapping("/coordinator/cascades.csv")
    ResponseEntity<byte[]> siteCsv() {
        long site = Sites.current().id();
        access.requireCoordinator(CascadeAccess.me(), site);
        return csv(site, cascades.cohortsOfSite(site), "cascade-site-" + Sites.current().slug() + ".csv");
    }

    /** The coordinator's "record a cohort for…" form, without JavaScript: on to that organisation's form. */
    @GetMapping("/coordinator/cascades/new")
    String chooseOrganisation(@RequestParam(required = false) Long organisation) {
        long site = Sites.current().id();
        access.requireCoordinator(CascadeAccess.me(), site);
        if (organisation == null) {
            return "redirect:/coordinator/cascades";
        }
        access.siteOf(organisation);
        return "redirect:/staff/organisations/" + organisation + "/cascades/new";
    }

    @GetMapping("/staff/organisations/{id}/cascades/new")
    String newCohort(@PathVariable long id, Model model) {
        long site = access.siteOf(id);
        access.requireRecorder(CascadeAccess.me(), id, site);
        return form(model, id, null, CohortInput.empty(), Map.of());
    }

    @PostMapping("/staff/organisations/{id}/cascades")
    String create(@PathVariable long id, @ModelAttribute CohortInput input, Model model) {
        CurrentAccount me = CascadeAccess.me();
        long site = access.siteOf(id);
        access.requireRecorder(me, id, site);
        try {
            cascades.record(site, id, input, me.id());
        } catch (FieldErrors.Invalid invalid) {
            return form(model, id, null, input, invalid.errors().messages(messages, LocaleContextHolder.getLocale()));
        } catch (RuleViolation refused) {
            if (refused.status().is4xxClientError() && refused.reason().startsWith("network-library.")) {
                return form(model, id, null, input, Map.of("participants", message(refused)));
            }
            throw refused;
        }
        return "redirect:/staff/organisations/" + id + "/cascades?recorded";
    }

    @GetMapping("/staff/organisations/{id}/cascades/{cohortId}")
    String edit(@PathVariable long id, @PathVariable long cohortId, Model model) {
        long site = access.siteOf(id);
        access.requireRecorder(CascadeAccess.me(), id, site);
        Cohort cohort = cascades.cohortOf(cohortId, id);
        return form(model, id, cohort, cascades.inputOf(cohort), Map.of());
    }

    @PostMapping("/staff/organisations/{id}/cascades/{cohortId}")
    String update(@PathVariable long id, @PathVariable long cohortId, @ModelAttribute CohortInput input, Model model) {
        long site = access.siteOf(id);
        access.requireRecorder(CascadeAccess.me(), id, site);
        Cohort cohort = cascades.cohortOf(cohortId, id);
        try {
            cascades.change(cohortId, site, id, input);
        } catch (FieldErrors.Invalid invalid) {
            return form(model, id, cohort, input, invalid.errors().messages(messages, LocaleContextHolder.getLocale()));
        } catch (RuleViolation refused) {
            if (refused.status().is4xxClientError() && refused.reason().startsWith("network-library.")) {
                return form(model, id, cohort, input, Map.of("participants", message(refused)));
            }
            throw refused;
        }
        return "redirect:/staff/organisations/" + id + "/cascades?saved";
    }

    @PostMapping("/staff/organisations/{id}/cascades/{cohortId}/deletion")
    String delete(@PathVariable long id, @PathVariable long cohortId) {
        long site = access.siteOf(id);
        access.requireRecorder(CascadeAccess.me(), id, site);
        cascades.delete(cohortId, id);
        return "redirect:/staff/organisations/" + id + "/cascades?deleted";
    }

    private String form(Model model, long organisationId, Cohort cohort, CohortInput input, Map<String, String> errors) {
        model.addAttribute("organisation", organisation(organisationId));
        model.addAttribute("cohort", cohort);
        model.addAttribute("form", input);
        model.addAttribute("errors", errors);
        model.addAttribute("levels", CascadeLevel.values());
        return "network/cascades/cohort-form";
    }

    private void tree(Model model, long site, List<Cohort> cohorts) {
        CascadeGraph graph = new CascadeGraph(cohorts);
        model.addAttribute("roots", graph.tree(cascades.people(site)));
        model.addAttribute("total", graph.total());
        String language = LocaleContextHolder.getLocale().getLanguage();
        List<CohortRow> rows = new ArrayList<>();
        for (Cohort cohort : cohorts) {
            rows.add(new CohortRow(cohort, organisations.nameOf(cohort.organisationId()).orElse(LocalizedText.EMPTY),
                    cohort.trainers().size(), cohort.participants().size()));
        }
        model.addAttribute("cohorts", rows);
        model.addAttribute("language", language);
    }

    private ResponseEntity<byte[]> csv(long site, List<Cohort> cohorts, String fileName) {
        String csv = CascadeCsv.of(new CascadeGraph(cohorts).tree(cascades.people(site)));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
    }

    private OrganisationRef organisation(long id) {
        return new OrganisationRef(id, organisations.nameOf(id).orElse(LocalizedText.EMPTY));
    }

    private String message(RuleViolation refused) {
        return messages.getMessage(refused.reason(), refused.arguments(), refused.reason(), LocaleContextHolder.getLocale());
    }
}
