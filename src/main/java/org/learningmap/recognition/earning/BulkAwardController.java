package org.learningmap.recognition.earning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.Badge;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /staff/badges/{id}/award/bulk}: upload a CSV file of people to award, follow the job's
 * progress (htmx polls the status fragment; without JavaScript the page refreshes itself by a link),
 * read the report and download it as CSV.
 */
@Controller
@RequestMapping("/staff/badges/{badgeId}/award/bulk")
class BulkAwardController {

    /** Report lines shown on the page; the downloadable report has every row. */
    static final int SHOWN = 200;

    private final BulkAwards bulk;
    private final BulkJobs jobs;
    private final EarningAccess access;
    private final MessageSource messages;

    BulkAwardController(BulkAwards bulk, BulkJobs jobs, EarningAccess access, MessageSource messages) {
        this.bulk = bulk;
        this.jobs = jobs;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping
    String form(@PathVariable long badgeId, Model model) {
        Badge badge = access.badgeToAward(badgeId, EarningAccess.me().id());
        return page(model, badge, null);
    }

    @PostMapping
    String upload(@PathVariable long badgeId, @RequestParam(name = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        long me = EarningAccess.me().id();
        Badge badge = access.badgeToAward(badgeId, me);
        try {
            if (file == null || file.isEmpty()) {
                throw new AwardCsv.Malformed("recognition-earning.bulk.file.empty");
            }
            long job = bulk.start(badgeId, me, file.getOriginalFilename(), file.getBytes());
            return "redirect:/staff/badges/" + badgeId + "/award/bulk/" + job;
        } catch (AwardCsv.Malformed malformed) {
            return page(model, badge, messages.getMessage(malformed.key(), malformed.args(), malformed.key(), LocaleContextHolder.getLocale()));
        }
    }

    @GetMapping("/template.csv")
    ResponseEntity<byte[]> template(@PathVariable long badgeId) {
        access.badgeToAward(badgeId, EarningAccess.me().id());
        String body = "\uFEFFemail,name,narrative,evidence_url\r\nona@example.org,Ona Petraitienė,Made a video call to her grandson,https://example.org/ona\r\n";
        return csv("awards-template.csv", body);
    }

    @GetMapping("/{jobId}")
    String job(@PathVariable long badgeId, @PathVariable long jobId, Model model,
               @RequestHeader(value = "HX-Request", required = false) String htmx) {
        Badge badge = access.badgeToAward(badgeId, EarningAccess.me().id());
        BulkJobs.Job job = job(badge, jobId);
        model.addAttribute("badge", badge);
        model.addAttribute("badgeName", badge.name().in(LocaleContextHolder.getLocale()));
        model.addAttribute("job", job);
        model.addAttribute("lines", job.running() ? java.util.List.of() : jobs.lines(jobId, SHOWN, true));
        model.addAttribute("shown", SHOWN);
        return htmx != null ? "recognition/earning/bulk-job :: status" : "recognition/earning/bulk-job";
    }

    @GetMapping("/{jobId}/report.csv")
    ResponseEntity<byte[]> report(@PathVariable long badgeId, @PathVariable long jobId) {
        Badge badge = access.badgeToAward(badgeId, EarningAccess.me().id());
        BulkJobs.Job job = job(badge, jobId);
        Locale locale = LocaleContextHolder.getLocale();
        StringBuilder out = new StringBuilder("\uFEFFrow,email,outcome,reason\r\n");
        for (BulkJobs.Line line : jobs.lines(job.id(), Integer.MAX_VALUE, false)) {
            String reason = line.reason() == null ? "" : messages.getMessage(line.reason(), line.args().toArray(), line.reason(), locale);
            out.append(line.row()).append(',').append(cell(line.email())).append(',')
                    .append(cell(messages.getMessage("recognition-earning.bulk.outcome." + line.outcome(), null, line.outcome(), locale)))
                    .append(',').append(cell(reason)).append("\r\n");
        }
        return csv("awards-report-" + job.id() + ".csv", out.toString());
    }

    private BulkJobs.Job job(Badge badge, long jobId) {
        return jobs.find(jobId).filter(j -> j.badgeId() == badge.id()).orElseThrow(RuleViolation::notFound);
    }

    private String page(Model model, Badge badge, String fileError) {
        model.addAttribute("badge", badge);
        model.addAttribute("badgeName", badge.name().in(LocaleContextHolder.getLocale()));
        model.addAttribute("fileError", fileError);
        model.addAttribute("recent", jobs.recent(badge.id(), 5));
        model.addAttribute("maxRows", BulkAwards.MAX_ROWS);
        return "recognition/earning/bulk";
    }

    /** A CSV cell, quoted when needed; a leading formula character is neutralised for spreadsheets. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static ResponseEntity<byte[]> csv(String name, String body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }
}
