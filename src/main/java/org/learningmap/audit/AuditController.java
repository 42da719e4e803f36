package org.learningmap.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.LocalizedText;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log pages: everything for platform administrators, a site's entries for its coordinators,
 * an organisation's for its owners; each filtered by dates, actor and action, paged, and as CSV.
 */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;
    static final int CSV_LIMIT = 10_000;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The filter as typed, kept for the form, the pager and the CSV link. */
    record Filter(String from, String to, String actor, String action, int page) {

        String query(int toPage, boolean withPage) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("from", from);
            values.put("to", to);
            values.put("actor", actor);
            values.put("action", action);
            if (withPage && toPage > 1) {
                values.put("page", Integer.toString(toPage));
            }
            String query = values.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return query.isEmpty() ? "" : "?" + query;
        }
    }

    /** One entry as a row of the list. */
    record Row(String at, String actor, Long actorAccountId, String role, String channel, String event, String action,
               String variables, String organisation, int status, boolean refused, String clientIp, String requestId) {
    }

    private final AuditLog log;
    private final Organisations organisations;

    AuditController(AuditLog log, Organisations organisations) {
        this.log = log;
        this.organisations = organisations;
    }

    @GetMapping("/admin/audit")
    String everything(@RequestParam Map<String, String> params, Model model) {
        requireAdmin();
        return page(model, null, null, filter(params), "/admin/audit", "audit.title.admin", null);
    }

    @GetMapping("/admin/audit.csv")
    ResponseEntity<byte[]> everythingCsv(@RequestParam Map<String, String> params) {
        requireAdmin();
        return csv(null, null, filter(params), "audit.csv");
    }

    @GetMapping("/coordinator/audit")
    String ofSite(@RequestParam Map<String, String> params, Model model) {
        Site site = requireCoordinator();
        return page(model, site.id(), null, filter(params), "/coordinator/audit", "audit.title.site",
                site.name().in(LocaleContextHolder.getLocale().getLanguage()));
    }

    @GetMapping("/coordinator/audit.csv")
    ResponseEntity<byte[]> ofSiteCsv(@RequestParam Map<String, String> params) {
        Site site = requireCoordinator();
        return csv(site.id(), null, filter(params), "audit-" + site.slug() + ".csv");
    }

    @GetMapping("/staff/organisations/{id}/audit")
    String ofOrganisation(@PathVariable long id, @RequestParam Map<String, String> params, Model model) {
        LocalizedText name = requireOwner(id);
        model.addAttribute("organisationId", id);
        return page(model, null, id, filter(params), "/staff/organisations/" + id + "/audit", "audit.title.organisation",
                name.in(LocaleContextHolder.getLocale().getLanguage()));
    }

    @GetMapping("/staff/organisations/{id}/audit.csv")
    ResponseEntity<byte[]> ofOrganisationCsv(@PathVariable long id, @RequestParam Map<String, String> params) {
        requireOwner(id);
        return csv(null, id, filter(params), "audit-organisation-" + id + ".csv");
    }

    private String page(Model model, Long site, Long organisation, Filter filter, String path, String title, String subject) {
        ZoneId zone = Sites.current().zone();
        List<String> problems = new ArrayList<>();
        AuditQuery query = query(site, organisation, filter, zone, problems);
        List<AuditEntry> found = log.find(query, (filter.page() - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        boolean hasNext = found.size() > PAGE_SIZE;
        List<Row> rows = rows(found.subList(0, Math.min(found.size(), PAGE_SIZE)), zone);
        model.addAttribute("heading", title);
        model.addAttribute("subject", subject);
        model.addAttribute("filter", filter);
        model.addAttribute("problems", problems);
        model.addAttribute("rows", rows);
        model.addAttribute("path", path);
        model.addAttribute("csv", path + ".csv" + filter.query(1, false));
        model.addAttribute("previous", filter.page() > 1 ? path + filter.query(filter.page() - 1, true) : null);
        model.addAttribute("next", hasNext ? path + filter.query(filter.page() + 1, true) : null);
        model.addAttribute("showOrganisation", organisation == null);
        return "audit/entries";
    }

    private ResponseEntity<byte[]> csv(Long site, Long organisation, Filter filter, String filename) {
        ZoneId zone = Sites.current().zone();
        AuditQuery query = query(site, organisation, filter, zone, new ArrayList<>());
        StringBuilder out = new StringBuilder();
        out.append("at,event,site_id,actor_account_id,actor_email,role,channel,method,route,path_variables,status,refused,"
                + "organisation_id,client_ip,request_id\r\n");
        for (AuditEntry e : log.find(query, 0, CSV_LIMIT)) {
            List<Object> cells = List.of(e.at().atZone(zone).toOffsetDateTime().toString(), e.event(), text(e.siteId()),
                    text(e.actorAccountId()), text(e.actorEmail()), e.role(), e.channel(), e.method(), e.route(),
                    variables(e.pathVariables()), e.status(), e.refused(), text(e.organisationId()), text(e.clientIp()), e.requestId());
            out.append(cells.stream().map(cell -> cell(String.valueOf(cell))).collect(Collectors.joining(","))).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<Row> rows(List<AuditEntry> entries, ZoneId zone) {
        String language = LocaleContextHolder.getLocale().getLanguage();
        Map<Long, String> names = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (AuditEntry e : entries) {
            String organisation = e.organisationId() == null ? null : names.computeIfAbsent(e.organisationId(),
                    id -> organisations.nameOf(id).map(n -> n.in(language)).orElse("#" + id));
            rows.add(new Row(SHOWN.format(e.at().atZone(zone)), e.actorEmail(), e.actorAccountId(), e.role(), e.channel(),
                    e.event(), e.action(), variables(e.pathVariables()), organisation, e.status(), e.refused(), e.clientIp(),
                    e.requestId()));
        }
        return rows;
    }

    private static AuditQuery query(Long site, Long organisation, Filter filter, ZoneId zone, List<String> problems) {
        LocalDate from = date(filter.from(), "from", problems);
        LocalDate to = date(filter.to(), "to", problems);
        return new AuditQuery(site, organisation, from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), filter.actor(), filter.action());
    }

    private static LocalDate date(String text, String field, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.getYear() < 2000 || date.getYear() > 2999) {
                throw new DateTimeParseException("out of range", text, 0);
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(field);
            return null;
        }
    }

    private static Filter filter(Map<String, String> params) {
        int page = 1;
        String typed = params.get("page");
        if (typed != null && typed.matches("\\d{1,5}")) {
            page = Math.max(1, Integer.parseInt(typed));
        }
        return new Filter(limited(params.get("from"), 10), limited(params.get("to"), 10), limited(params.get("actor"), 320),
                limited(params.get("action"), 200), page);
    }

    private static String limited(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.strip();
        return clean.length() > max ? clean.substring(0, max) : clean;
    }

    private static String variables(Map<String, String> variables) {
        return variables.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** One CSV cell, quoted, with a leading formula character defused for spreadsheets. */
    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static CurrentAccount me() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }

    private static void requireAdmin() {
        if (!me().platformAdmin()) {
            throw RuleViolation.forbidden();
        }
    }

    private static Site requireCoordinator() {
        Site site = Sites.current();
        if (!me().coordinates(site.id())) {
            throw RuleViolation.forbidden();
        }
        return site;
    }

    private LocalizedText requireOwner(long organisationId) {
        if (!organisations.hasRole(me().id(), organisationId, StaffRole.OWNER)) {
            throw RuleViolation.forbidden();
        }
        return organisations.nameOf(organisationId).orElseThrow(RuleViolation::notFound);
    }
}
