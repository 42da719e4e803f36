package org.learningmap.catalogue.editing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** CSV import of activities: the upload form with the documented columns, the template, and each job's progress and report. */
@Controller
@RequestMapping("/staff/organisations/{orgId}/activities/import")
class ImportController {

    /** Report lines shown on the page; the counts always cover all rows. */
    static final int REPORT_SHOWN = 500;

    private final ActivityImport imports;
    private final ImportJobStore jobs;
    private final StaffPages pages;
    private final VenueChoices venues;
    private final MessageSource messages;
    private final Clock clock;

    ImportController(ActivityImport imports, ImportJobStore jobs, StaffPages pages, VenueChoices venues, MessageSource messages,
                     Clock clock) {
        this.imports = imports;
        this.jobs = jobs;
        this.pages = pages;
        this.venues = venues;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String form(@PathVariable long orgId, Model model) {
        pages.editor(orgId, model);
        return page(model, orgId, null);
    }

    @PostMapping
    String upload(@PathVariable long orgId, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean publish, Model model) throws IOException {
        CurrentAccount account = pages.editor(orgId, model);
        try {
            if (file == null || file.isEmpty()) {
                throw new CsvFile.Malformed("import.error.empty");
            }
            if (file.getSize() > ActivityImport.MAX_BYTES) {
                throw new CsvFile.Malformed("import.error.too-large", ActivityImport.MAX_BYTES / (1024 * 1024));
            }
            long job = imports.start(account.id(), orgId, Sites.current(), file.getOriginalFilename(), file.getBytes(), publish);
            return "redirect:/staff/organisations/" + orgId + "/activities/import/" + job;
        } catch (CsvFile.Malformed malformed) {
            model.addAttribute("publish", publish);
            return page(model, orgId, messages.getMessage(malformed.key(), malformed.args(), malformed.key(),
                    LocaleContextHolder.getLocale()));
        }
    }

    @GetMapping(value = "/template.csv")
    ResponseEntity<byte[]> template(@PathVariable long orgId, Model model) {
        pages.editor(orgId, model);
        Long venue = venues.of(orgId).stream().findFirst().map(VenueChoices.Venue::id).orElse(null);
        LocalDate firstDay = LocalDate.now(clock.withZone(Sites.current().zone())).plusDays(14);
        // A byte-order mark makes spreadsheet programs open the file as UTF-8 rather than guess.
        byte[] body = ("\uFEFF" + CsvColumns.template(venue, firstDay)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("activities-template.csv").build().toString())
                .body(body);
    }

    @GetMapping("/{jobId}")
    String job(@PathVariable long orgId, @PathVariable long jobId, Model model) {
        pages.editor(orgId, model);
        model.addAttribute("job", job(orgId, jobId));
        model.addAttribute("reportShown", REPORT_SHOWN);
        return "catalogue/editing/import-job";
    }

    /** The progress fragment that htmx polls while the job runs. */
    @GetMapping("/{jobId}/status")
    String status(@PathVariable long orgId, @PathVariable long jobId, Model model) {
        pages.editor(orgId, model);
        model.addAttribute("job", job(orgId, jobId));
        model.addAttribute("reportShown", REPORT_SHOWN);
        return "catalogue/editing/import-job :: status";
    }

    private ImportJobStore.Job job(long orgId, long jobId) {
        ImportJobStore.Job job = jobs.find(jobId).orElseThrow(RuleViolation::notFound);
        if (job.organisationId() != orgId) {
            throw RuleViolation.notFound();
        }
        return job;
    }

    private String page(Model model, long orgId, String fileError) {
        Site site = Sites.current();
        model.addAttribute("columns", columnDocs(site));
        model.addAttribute("fileError", fileError);
        model.addAttribute("recent", jobs.recent(orgId, 5));
        model.addAttribute("maxRows", ActivityImport.MAX_ROWS);
        model.addAttribute("defaultTitleColumn", "title_" + site.defaultLanguage());
        if (!model.containsAttribute("publish")) {
            model.addAttribute("publish", false);
        }
        model.addAttribute("errors", Map.of());
        return "catalogue/editing/import";
    }

    /** A documented column: texts per language share one explanation, the others have their own. */
    record ColumnDoc(String name, String key, String language) {
    }

    /** The columns this site's files may use; text columns only in the site's languages. */
    static List<ColumnDoc> columnDocs(Site site) {
        List<ColumnDoc> docs = new java.util.ArrayList<>();
        for (CsvColumns.Column column : CsvColumns.COLUMNS) {
            String text = CsvColumns.TEXT_COLUMNS.stream().filter(t -> column.name().startsWith(t + "_")).findFirst().orElse(null);
            if (text == null) {
                docs.add(new ColumnDoc(column.name(), "editing.import.column." + column.name(), null));
            } else {
                String language = column.name().substring(text.length() + 1);
                if (site.speaks(language)) {
                    docs.add(new ColumnDoc(column.name(), "editing.import.column." + text, language));
                }
            }
        }
        return docs;
    }
}
