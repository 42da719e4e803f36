package org.learningmap.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /account/trusted-people}: whom I let manage my bookings, until when, and everything they
 * did; {@code /account/people-i-help}: who lets me manage theirs.
 */
@Controller
class TrustedPeopleController {

    record GrantForm(String contact, String until) {
        GrantForm {
            contact = contact == null ? "" : contact.strip();
            until = until == null ? "" : until.strip();
        }
    }

    record GrantRow(long id, long otherId, String name, String grantedAt, String validUntil, boolean active, String status) {
    }

    record LogRow(String at, String actor, String action, String detail) {
    }

    private final Delegations delegations;
    private final MessageSource messages;
    private final Clock clock;

    TrustedPeopleController(Delegations delegations, MessageSource messages, Clock clock) {
        this.delegations = delegations;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/account/trusted-people")
    String page(HttpServletRequest request, Model model, Locale locale) {
        Site site = Sites.current();
        model.addAttribute("form", new GrantForm("", today(site).plusMonths(3).toString()));
        model.addAttribute("granted", request.getParameterMap().containsKey("granted"));
        model.addAttribute("revoked", request.getParameterMap().containsKey("revoked"));
        return page(signedIn(), model, locale);
    }

    @PostMapping("/account/trusted-people")
    String grant(@ModelAttribute("form") GrantForm form, BindingResult errors, Model model, Locale locale) {
        CurrentAccount me = signedIn();
        Site site = Sites.current();
        String email = null;
        String phone = null;
        if (form.contact().isBlank()) {
            errors.rejectValue("contact", "validation.required");
        } else if (form.contact().contains("@")) {
            email = form.contact();
        } else {
            phone = PhoneNumbers.normalise(form.contact(), site.country()).orElse(null);
            if (phone == null) {
                errors.rejectValue("contact", "trusted.contact-invalid");
            }
        }
        LocalDate until = null;
        try {
            until = LocalDate.parse(form.until());
        } catch (DateTimeParseException notADate) {
            errors.rejectValue("until", "trusted.until-invalid");
        }
        if (!errors.hasErrors()) {
            Instant end = until.plusDays(1).atStartOfDay(site.zone()).toInstant();
            try {
                delegations.grant(me.id(), site.id(), email, phone, end);
                return "redirect:/account/trusted-people?granted";
            } catch (RuleViolation refused) {
                errors.rejectValue(refused.reason().equals(Delegations.UNTIL_INVALID) ? "until" : "contact", refused.reason());
            }
        }
        return page(me, model, locale);
    }

    @PostMapping("/account/trusted-people/{id}/revoke")
    String revoke(@PathVariable long id) {
        delegations.revoke(signedIn().id(), id);
        return "redirect:/account/trusted-people?revoked";
    }

    @GetMapping("/account/people-i-help")
    String peopleIHelp(Model model, Locale locale) {
        CurrentAccount me = signedIn();
        model.addAttribute("people", rows(delegations.grantsTo(me.id()), false, locale).stream().filter(GrantRow::active).toList());
        return "accounts/people-i-help";
    }

    private String page(CurrentAccount me, Model model, Locale locale) {
        Site site = Sites.current();
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(site.zone());
        model.addAttribute("grants", rows(delegations.grantsBy(me.id()), true, locale));
        model.addAttribute("log", delegations.log(me.id()).stream()
                .map(entry -> new LogRow(times.format(entry.at()), entry.actorName(),
                        messages.getMessage(entry.action(), null, entry.action(), locale), entry.detail()))
                .toList());
        model.addAttribute("maxUntil", today(site).plusYears(1).toString());
        model.addAttribute("minUntil", today(site).toString());
        return "accounts/trusted-people";
    }

    private List<GrantRow> rows(List<Delegations.Grant> grants, boolean mine, Locale locale) {
        Site site = Sites.current();
        Instant now = clock.instant();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(site.zone());
        return grants.stream().map(grant -> {
            boolean active = grant.activeAt(now);
            String status = active ? "trusted.status.active" : grant.revokedAt() != null ? "trusted.status.revoked" : "trusted.status.expired";
            // The last day a grant works is the day before its end, which is midnight of the next day.
            return new GrantRow(grant.id(), mine ? grant.trustedId() : grant.personId(), mine ? grant.trustedName() : grant.personName(), dates.format(grant.grantedAt()),
                    dates.format(grant.validUntil().minusSeconds(1)), active, status);
        }).toList();
    }

    private LocalDate today(Site site) {
        return LocalDate.now(clock.withZone(site.zone()));
    }

    private static CurrentAccount signedIn() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }
}
