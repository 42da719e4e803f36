package org.learningmap.enrolment.calendar;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import org.learningmap.accounts.Accounts;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.CalendarFile;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The person's private calendar feed and the page where they get its link. The feed is found by the
 * secret in its address alone (calendar apps cannot sign in); an unknown secret is a bare "404 Not Found".
 */
@Controller
class PersonalCalendarController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final FeedTokens tokens;
    private final PersonalSessions sessions;
    private final Catalogue catalogue;
    private final Accounts accounts;
    private final MessageSource messages;

    PersonalCalendarController(FeedTokens tokens, PersonalSessions sessions, Catalogue catalogue, Accounts accounts,
                               MessageSource messages) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/account/calendar")
    String page(Model model, Locale locale) {
        return page(signedIn(), null, false, model, locale);
    }

    @PostMapping("/account/calendar/link")
    String newLink(Model model, Locale locale) {
        CurrentAccount me = signedIn();
        if (!accounts.mayKeepPersonalData(me.id())) {
            throw new org.learningmap.platform.RuleViolation(org.learningmap.accounts.Accounts.AWAITING_GUARDIAN);
        }
        String secret = tokens.renew(me.id());
        return page(me, ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/calendar/personal/{secret}.ics").buildAndExpand(secret).toUriString(), false, model, locale);
    }

    @PostMapping("/account/calendar/off")
    String turnOff(Model model, Locale locale) {
        CurrentAccount me = signedIn();
        tokens.revoke(me.id());
        return page(me, null, true, model, locale);
    }

    private String page(CurrentAccount me, String newLink, boolean turnedOff, Model model, Locale locale) {
        Site site = Sites.current();
        Optional<Instant> madeAt = tokens.madeAt(me.id());
        model.addAttribute("newLink", newLink);
        model.addAttribute("turnedOff", turnedOff);
        model.addAttribute("hasLink", madeAt.isPresent());
        model.addAttribute("madeAt", madeAt.map(at -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(site.zone()).format(at)).orElse(null));
        return "enrolment-calendar/account-calendar";
    }

    @GetMapping("/calendar/personal/{secret}.ics")
    ResponseEntity<byte[]> feed(@PathVariable String secret, HttpServletRequest request, Locale locale) {
        Optional<Long> owner = tokens.accountOf(secret);
        if (owner.isEmpty()) {
            // Nothing about the link, not even the page around an error: calendar apps only need the status.
            return ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noStore()).build();
        }
        long accountId = owner.get();
        String language = language(request, accountId, locale);
        PersonalSessions.Listed listed = sessions.of(accountId);
        String name = messages.getMessage("personal-calendar.feed-name", null, Locale.forLanguageTag(language));
        CalendarFile file = catalogue.calendarOf(listed.sessionIds(), listed.tentative(), language, name, "my-sessions.ics");
        return ResponseEntity.status(HttpStatus.OK)
                .contentType(CALENDAR)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("Content-Disposition", "inline; filename=\"my-sessions.ics\"")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .body(file.content());
    }

    /** The language asked for in the address ({@code ?lang=}), else the person's own, else the site's. */
    private String language(HttpServletRequest request, long accountId, Locale locale) {
        if (request.getParameter("lang") != null) {
            return locale.getLanguage();
        }
        return accounts.byId(accountId).map(AccountSummary::preferredLanguage).filter(l -> !l.isBlank()).orElse(locale.getLanguage());
    }

    private static CurrentAccount signedIn() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }
}
