package org.learningmap.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learningmap.platform.Json;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Sites;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * {@code /account/privacy}: a person downloads all their data (JSON, or a page to print) and
 * deletes their account. Only ever the signed-in person's own data.
 */
@Controller
class MyDataController {

    /** A part of the printable export: a heading and its entries, each a list of label and value. */
    record Section(String heading, List<List<Field>> items) {
    }

    record Field(String label, String value) {
    }

    private final MyData myData;
    private final Consents consents;
    private final MessageSource messages;

    MyDataController(MyData myData, Consents consents, MessageSource messages) {
        this.myData = myData;
        this.consents = consents;
        this.messages = messages;
    }

    /** A consent as listed to its person. */
    record ConsentRow(long id, String purpose, String method, String givenAt, String guardianName, String witnessName,
                      String withdrawnAt) {
    }

    @GetMapping("/account/privacy")
    String page(HttpServletRequest request, Model model, Locale locale) {
        CurrentAccount me = signedIn();
        model.addAttribute("withdrawn", request.getParameterMap().containsKey("withdrawn"));
        return page(me, model, locale);
    }

    @PostMapping("/account/consents/{id}/withdraw")
    String withdraw(@org.springframework.web.bind.annotation.PathVariable long id) {
        CurrentAccount me = signedIn();
        consents.withdraw(me.id(), id, me.id());
        return "redirect:/account/privacy?withdrawn";
    }

    private String page(CurrentAccount me, Model model, Locale locale) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(Sites.current().zone());
        model.addAttribute("hasPassword", myData.hasPassword(me.id()));
        model.addAttribute("consents", consents.list(me.id()).stream()
                .map(consent -> new ConsentRow(consent.id(), label("my-data.value." + consent.purpose().name(), consent.purpose().name(), locale),
                        label("my-data.value." + consent.method().name(), consent.method().name(), locale),
                        dates.format(consent.givenAt()), consent.guardianName(), consent.witnessName(),
                        consent.withdrawnAt() == null ? null : dates.format(consent.withdrawnAt())))
                .toList());
        return "accounts/my-data";
    }

    @GetMapping(value = "/account/privacy/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> json() {
        CurrentAccount me = signedIn();
        String body = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(myData.export(me.id()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("my-data.json").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    @GetMapping("/account/privacy/export")
    String printable(Model model, Locale locale, HttpServletResponse response) {
        CurrentAccount me = signedIn();
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Map<String, Object> all = myData.export(me.id());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(Sites.current().zone());
        List<Section> sections = new ArrayList<>();
        for (var entry : all.entrySet()) {
            if (entry.getKey().equals("exportedAt")) {
                model.addAttribute("exportedAt", dates.format((Instant) entry.getValue()));
                continue;
            }
            JsonNode node = Json.mapper().valueToTree(entry.getValue());
            List<List<Field>> items = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(element -> items.add(fields(element, locale, dates)));
            } else if (node != null && !node.isNull()) {
                items.add(fields(node, locale, dates));
            }
            sections.add(new Section(label("my-data.section." + entry.getKey(), entry.getKey(), locale), items));
        }
        model.addAttribute("sections", sections);
        return "accounts/my-data-export";
    }

    @PostMapping("/account/delete")
    String delete(@RequestParam(name = "confirmation", required = false) String confirmation, Model model, Locale locale,
                  HttpServletRequest request, HttpServletResponse response) {
        CurrentAccount me = signedIn();
        try {
            myData.delete(me.id(), confirmation, messages.getMessage("delete.word", null, locale));
        } catch (RuleViolation refused) {
            model.addAttribute("deleteError", refused.reason());
            response.setStatus(refused.status().value());
            return page(me, model, locale);
        }
        new SecurityContextLogoutHandler().logout(request, response, null);
        return "redirect:/account-deleted";
    }

    @GetMapping("/account-deleted")
    String deleted() {
        return "accounts/account-deleted";
    }

    private List<Field> fields(JsonNode node, Locale locale, DateTimeFormatter dates) {
        List<Field> fields = new ArrayList<>();
        if (node.isObject()) {
            for (var property : node.properties()) {
                JsonNode value = property.getValue();
                if (value.isNull()) {
                    continue;
                }
                fields.add(new Field(label("my-data.field." + property.getKey(), property.getKey(), locale), value(value, dates, locale)));
            }
        } else {
            fields.add(new Field("", value(node, dates, locale)));
        }
        return fields;
    }

    /** A value in words: dates in the site's zone, codes (ONLINE, true, message keys) translated. */
    private String value(JsonNode node, DateTimeFormatter dates, Locale locale) {
        String text = text(node, dates);
        if (text.matches("[A-Z_]+|true|false")) {
            return label("my-data.value." + text, text, locale);
        }
        if (text.matches("[a-z][a-z-]*(\\.[a-z][a-z-]*)+")) {
            return label(text, text, locale);
        }
        return text;
    }

    private String text(JsonNode value, DateTimeFormatter dates) {
        if (value.isString()) {
            String text = value.asString();
            if (text.length() >= 20 && text.charAt(4) == '-' && text.charAt(10) == 'T' && text.endsWith("Z")) {
                try {
                    return dates.format(Instant.parse(text));
                } catch (DateTimeParseException notADate) {
                    return text;
                }
            }
            return text;
        }
        if (value.isArray() && value.valueStream().allMatch(JsonNode::isValueNode)) {
            List<String> parts = new ArrayList<>();
            value.forEach(element -> parts.add(element.asString()));
            return String.join(", ", parts);
        }
        if (value.isValueNode()) {
            return value.asString();
        }
        return value.toString();
    }

    private String label(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }

    private static CurrentAccount signedIn() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }
}
