package org.learningmap.enrolment.desk;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.AssistedAccount;
import org.learningmap.accounts.ClaimCode;
import org.learningmap.accounts.ConsentMethod;
import org.learningmap.accounts.ConsentRecord;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.accounts.NewPerson;
import org.learningmap.accounts.PersonMatch;
import org.learningmap.catalogue.Formats;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.enrolment.CheckInPasses;
import org.learningmap.enrolment.EnrolmentOutcome;
import org.learningmap.enrolment.Enrolments;
import org.learningmap.enrolment.Places;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The desk, four short pages for staff helping a person in front of them: 1 find or create the
 * person, 2 record how they (or their guardian) agreed, 3 choose one of the organisation's coming
 * sessions and sign them up, 4 print their card. Each page works without JavaScript; what was typed
 * comes back with a translated error when something is wrong. The session can be chosen before the
 * person (from a roster: {@code ?session=}); it then travels through the steps in the address.
 */
@Controller
@RequestMapping("/staff/organisations/{org}/desk")
class DeskController {

    static final String CONSENT_METHOD_REQUIRED = "desk.consent.method-required";
    static final String YEAR_INVALID = "validation.year-of-birth";
    static final String DAY_INVALID = "desk.session.day-invalid";

    /** The new-person form as typed. */
    record PersonForm(String name, String year, String language, String phone) {
        PersonForm {
            name = name == null ? "" : name.strip();
            year = year == null ? "" : year.strip();
            language = language == null ? "" : language.strip();
            phone = phone == null ? "" : phone.strip();
        }
    }

    /** The consent form as typed. */
    record ConsentForm(String method, String witness, String guardian, String guardianContact) {
        ConsentForm {
            method = method == null ? "" : method.strip();
            witness = witness == null ? "" : witness.strip();
            guardian = guardian == null ? "" : guardian.strip();
            guardianContact = guardianContact == null ? "" : guardianContact.strip();
        }
    }

    /** A session as the desk lists it. */
    record SessionLine(SessionFacts session, String title, String titleLanguage, String when, String place, Places places) {
    }

    private final Desk desk;
    private final Enrolments enrolments;
    private final CheckInPasses passes;
    private final MessageSource messages;

    DeskController(Desk desk, Enrolments enrolments, CheckInPasses passes, MessageSource messages) {
        this.desk = desk;
        this.enrolments = enrolments;
        this.passes = passes;
        this.messages = messages;
    }

    // --- step 1: find or create the person

    @GetMapping
    String find(@PathVariable long org, @RequestParam(required = false) String q, @RequestParam(required = false) String year,
                @RequestParam(required = false) Long session, Model model) {
        Desk.DeskOrganisation here = open(org, model, session);
        Map<String, String> errors = new LinkedHashMap<>();
        String typed = q == null ? "" : q.strip();
        Integer yearOfBirth = null;
        if (year != null && !year.isBlank()) {
            yearOfBirth = year(year).orElse(null);
            if (yearOfBirth == null) {
                errors.put("findYear", text(YEAR_INVALID));
            }
        }
        boolean searched = !typed.isEmpty() || yearOfBirth != null;
        List<PersonMatch> found = searched && errors.isEmpty() ? desk.find(here, typed, yearOfBirth) : List.of();
        model.addAttribute("q", typed);
        model.addAttribute("year", year == null ? "" : year.strip());
        model.addAttribute("searched", searched && errors.isEmpty());
        model.addAttribute("found", found);
        boolean nameLike = !typed.isEmpty() && !typed.contains("@") && typed.chars().anyMatch(Character::isLetter);
        model.addAttribute("person", new PersonForm(nameLike ? typed : "", yearOfBirth == null ? "" : yearOfBirth.toString(),
                defaultLanguage(here.site()), nameLike ? "" : typed.replaceAll("[^+0-9 ]", "")));
        return step1(model, errors, List.of());
    }

    @PostMapping("/people")
    String create(@PathVariable long org, PersonForm person, @RequestParam(required = false) Long session,
                  @RequestParam(required = false) String confirmNew, Model model) {
        Desk.DeskOrganisation here = open(org, model, session);
        model.addAttribute("q", "");
        model.addAttribute("year", "");
        model.addAttribute("searched", false);
        model.addAttribute("found", List.of());
        model.addAttribute("person", person);
        Map<String, String> errors = new LinkedHashMap<>();
        if (person.name().isEmpty()) {
            errors.put("name", text("desk.person.name-required"));
        }
        Optional<Integer> year = year(person.year());
        if (year.isEmpty()) {
            errors.put("year", text(YEAR_INVALID));
        }
        if (!here.site().speaks(person.language())) {
            errors.put("language", text("assisted.language-invalid"));
        }
        if (!errors.isEmpty()) {
            return step1(model, errors, List.of());
        }
        if (confirmNew == null) {
            List<PersonMatch> same = desk.sameNameAndYear(here, person.name(), year.get());
            if (!same.isEmpty()) {
                return step1(model, errors, same);
            }
        }
        try {
            AssistedAccount made = desk.create(here, me().id(), new NewPerson(person.name(), year.get(), person.language(),
                    person.phone().isEmpty() ? null : person.phone()));
            HeldClaimCodes.hold(currentSession(), made.accountId(), made.claimCode().code());
            return "redirect:" + path(org, "/people/" + made.accountId() + "/consent", session);
        } catch (RuleViolation violation) {
            if (violation.status().is5xxServerError() || violation.status() == HttpStatus.NOT_FOUND) {
                throw violation;
            }
            String field = switch (violation.reason()) {
                case "assisted.phone-taken", "validation.phone" -> "phone";
                case "validation.year-of-birth" -> "year";
                case "assisted.language-invalid" -> "language";
                default -> "name";
            };
            errors.put(field, text(violation.reason(), violation.arguments()));
            return step1(model, errors, List.of());
        }
    }

    private String step1(Model model, Map<String, String> errors, List<PersonMatch> sameNameAndYear) {
        model.addAttribute("errors", errors);
        model.addAttribute("sameNameAndYear", sameNameAndYear);
        return "enrolment/desk";
    }

    // --- step 2: consent

    @GetMapping("/people/{person}/consent")
    String consent(@PathVariable long org, @PathVariable long person, @RequestParam(required = false) Long session, Model model) {
        Desk.DeskOrganisation here = open(org, model, session);
        return step2(here, person, new ConsentForm("", "", "", ""), Map.of(), model);
    }

    @PostMapping("/people/{person}/consent")
    String recordConsent(@PathVariable long org, @PathVariable long person, ConsentForm form,
                         @RequestParam(required = false) Long session, Model model) {
        Desk.DeskOrganisation here = open(org, model, session);
        Map<String, String> errors = new LinkedHashMap<>();
        ConsentMethod method = null;
        try {
            method = form.method().isEmpty() ? null : ConsentMethod.valueOf(form.method());
        } catch (IllegalArgumentException unknown) {
            // asked for again below
        }
        try {
            desk.recordConsent(here, me().id(), person, method, form.witness(), form.guardian(), form.guardianContact());
            return "redirect:" + path(org, "/people/" + person + "/sessions", session);
        } catch (RuleViolation violation) {
            if (violation.status() != HttpStatus.BAD_REQUEST) {
                throw violation;
            }
            String field = switch (violation.reason()) {
                case "consent.witness-required" -> "witness";
                case "consent.guardian-required" -> "guardian";
                case "consent.text-too-long" -> form.guardianContact().length() > 200 ? "guardianContact"
                        : form.guardian().length() > 200 ? "guardian" : "witness";
                default -> "method";
            };
            errors.put(field, text(violation.reason(), violation.arguments()));
            return step2(here, person, form, errors, model);
        }
    }

    private String step2(Desk.DeskOrganisation here, long person, ConsentForm form, Map<String, String> errors, Model model) {
        AccountSummary who = desk.person(here, person);
        model.addAttribute("who", who);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("guardianNeeded", desk.awaitsGuardian(person));
        String theirs = who.preferredLanguage();
        boolean other = theirs != null && !theirs.equals(LocaleContextHolder.getLocale().getLanguage()) && here.site().speaks(theirs);
        model.addAttribute("theirLanguage", other ? theirs : null);
        model.addAttribute("questionInTheirLanguage", other ? message("desk.consent.what", Locale.forLanguageTag(theirs)) : null);
        Optional<ConsentRecord> existing = desk.consent(person);
        model.addAttribute("existing", existing.orElse(null));
        model.addAttribute("existingWhen", existing.map(c -> Formats.shortDate(c.givenAt(), here.site().zone(),
                LocaleContextHolder.getLocale())).orElse(null));
        model.addAttribute("methods", ConsentMethod.values());
        return "enrolment/desk-consent";
    }

    // --- step 3: the session

    @GetMapping("/people/{person}/sessions")
    String sessions(@PathVariable long org, @PathVariable long person, @RequestParam(required = false) String q,
                    @RequestParam(required = false) String day, @RequestParam(required = false) Long session, Model model) {
        Desk.DeskOrganisation here = open(org, model, session);
        return step3(here, person, q, day, null, model);
    }

    @PostMapping("/people/{person}/enrolments")
    String enrol(@PathVariable long org, @PathVariable long person, @RequestParam(name = "enrolIn", required = false) Long sessionId,
                 @RequestParam(required = false) String key, @RequestParam(required = false) Long session, Model model) {
        Desk.DeskOrganisation here = open(org, model, session);
        if (sessionId == null) {
            return step3(here, person, null, null, text("desk.session.choose"), model);
        }
        try {
            EnrolmentOutcome outcome = desk.enrol(here, me().id(), person, sessionId, key);
            String card = path(org, "/people/" + person + "/sessions/" + sessionId, null);
            return "redirect:" + card + (outcome.alreadyEnrolled() ? "?already=yes" : "");
        } catch (RuleViolation violation) {
            if (violation.status() == HttpStatus.NOT_FOUND || violation.status() == HttpStatus.FORBIDDEN) {
                throw violation;
            }
            return step3(here, person, null, null, text(violation.reason(), violation.arguments()), model);
        }
    }

    private String step3(Desk.DeskOrganisation here, long person, String q, String day, String problem, Model model) {
        AccountSummary who = desk.person(here, person);
        Locale locale = LocaleContextHolder.getLocale();
        String typed = q == null ? "" : q.strip();
        LocalDate date = null;
        String dayProblem = null;
        if (day != null && !day.isBlank()) {
            try {
                date = LocalDate.parse(day.strip());
            } catch (DateTimeParseException bad) {
                dayProblem = text(DAY_INVALID);
            }
        }
        model.addAttribute("who", who);
        model.addAttribute("q", typed);
        model.addAttribute("day", day == null ? "" : day.strip());
        model.addAttribute("dayProblem", dayProblem);
        model.addAttribute("problem", problem);
        model.addAttribute("guardianNeeded", desk.awaitsGuardian(person));
        model.addAttribute("lines", desk.upcoming(here, typed, date).stream().map(s -> line(here.site(), s, locale)).toList());
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("soonest", Desk.SOONEST);
        return "enrolment/desk-session";
    }

    // --- step 4: the card

    @GetMapping("/people/{person}/sessions/{sessionId}")
    String done(@PathVariable long org, @PathVariable long person, @PathVariable long sessionId,
                @RequestParam(required = false) String already, Model model) {
        Desk.DeskOrganisation here = open(org, model, null);
        AccountSummary who = desk.person(here, person);
        EnrolmentOutcome outcome = desk.enrolment(here, person, sessionId);
        SessionFacts session = desk.session(here, sessionId);
        Optional<String> held = heldCode(person);
        boolean openCode = held.isEmpty() && desk.claimCodeOpen(person, null);
        model.addAttribute("who", who);
        model.addAttribute("outcome", outcome);
        model.addAttribute("already", already != null);
        model.addAttribute("line", line(here.site(), session, LocaleContextHolder.getLocale()));
        model.addAttribute("claimCode", held.orElse(null));
        model.addAttribute("earlierCodeWorks", openCode);
        model.addAttribute("pass", passes.passFor(person).code());
        return "enrolment/desk-card";
    }

    @PostMapping("/people/{person}/sessions/{sessionId}/claim-code")
    String newClaimCode(@PathVariable long org, @PathVariable long person, @PathVariable long sessionId, Model model) {
        Desk.DeskOrganisation here = open(org, model, null);
        desk.enrolment(here, person, sessionId);
        desk.newClaimCode(here, me().id(), person).ifPresent(code -> HeldClaimCodes.hold(currentSession(), person, code.code()));
        return "redirect:" + path(org, "/people/" + person + "/sessions/" + sessionId, null);
    }

    @GetMapping("/people/{person}/sessions/{sessionId}/card.pdf")
    ResponseEntity<byte[]> card(@PathVariable long org, @PathVariable long person, @PathVariable long sessionId,
                                HttpServletRequest request, Model model) {
        Desk.DeskOrganisation here = open(org, model, null);
        AccountSummary who = desk.person(here, person);
        desk.enrolment(here, person, sessionId);
        SessionFacts session = desk.session(here, sessionId);
        Optional<String> code = heldCode(person);
        boolean earlierWorks = false;
        if (code.isEmpty()) {
            earlierWorks = desk.claimCodeOpen(person, null);
            if (!earlierWorks) {
                code = desk.newClaimCode(here, me().id(), person).map(ClaimCode::code);
                code.ifPresent(c -> HeldClaimCodes.hold(currentSession(), person, c));
            }
        }
        Site site = here.site();
        String language = site.speaks(who.preferredLanguage()) || List.of("en", "lt", "uk").contains(who.preferredLanguage())
                ? who.preferredLanguage() : site.defaultLanguage();
        Locale locale = Locale.forLanguageTag(language);
        String claimUrl = ServletUriComponentsBuilder.fromContextPath(request).path("/claim").build().toUriString();
        String signIn = ServletUriComponentsBuilder.fromContextPath(request).path("/sign-in").build().toUriString();
        SessionLine line = line(site, session, locale);
        String pass = passes.passFor(person).code();
        String name = who.displayName();
        byte[] pdf = CardPdf.render(new CardPdf.Card(language,
                message("desk.card.document-title", locale, name),
                here.name().in(language) + " · " + site.name().in(language),
                name, line.title(), line.when(), line.place(),
                message("desk.card.check-in", locale), pass,
                message("desk.card.claim-code", locale), code.orElse(null), claimUrl,
                message("desk.card.claim-how", locale),
                message("desk.card.claim-valid", locale),
                earlierWorks ? message("desk.card.claim-on-earlier-card", locale) : message("desk.card.signs-in", locale, signIn)));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("card-" + person + "-" + sessionId + ".pdf").build().toString())
                .cacheControl(CacheControl.noStore())
                .body(pdf);
    }

    // --- inside

    private Desk.DeskOrganisation open(long org, Model model, Long preselected) {
        Desk.DeskOrganisation here = desk.open(org, Sites.current(), me().id());
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("desk", here);
        model.addAttribute("organisationName", here.name().in(locale.getLanguage()));
        model.addAttribute("preselected", null);
        if (preselected != null) {
            SessionFacts chosen = desk.session(here, preselected);
            model.addAttribute("preselected", preselected);
            model.addAttribute("chosen", line(here.site(), chosen, locale));
        }
        return here;
    }

    private SessionLine line(Site site, SessionFacts s, Locale locale) {
        String language = locale.getLanguage();
        String when = Formats.date(s.startsAt(), site.zone(), locale) + ", " + Formats.time(s.startsAt(), site.zone(), locale)
                + "–" + Formats.time(s.endsAt(), site.zone(), locale);
        String place = s.venueId() == null ? message("desk.session.online", locale)
                : s.venueName().in(language) + (s.address() == null ? "" : ", " + s.address());
        return new SessionLine(s, s.activityTitle().in(language), s.activityTitle().languageShown(language), when, place,
                enrolments.places(s.sessionId()));
    }

    private Optional<String> heldCode(long person) {
        return HeldClaimCodes.held(currentSession(), person).filter(code -> desk.claimCodeOpen(person, code));
    }

    private static String defaultLanguage(Site site) {
        String language = LocaleContextHolder.getLocale().getLanguage();
        return site.speaks(language) ? language : site.defaultLanguage();
    }

    private static Optional<Integer> year(String typed) {
        if (typed == null || !typed.strip().matches("\\d{4}")) {
            return Optional.empty();
        }
        int year = Integer.parseInt(typed.strip());
        int now = LocalDate.now().getYear();
        return year <= now && year >= now - 120 ? Optional.of(year) : Optional.empty();
    }

    private String text(String key, Object... arguments) {
        return message(key, LocaleContextHolder.getLocale(), arguments);
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    private static String path(long org, String rest, Long session) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/staff/organisations/{org}/desk" + rest);
        if (session != null) {
            uri.queryParam("session", session);
        }
        return uri.buildAndExpand(org).toUriString();
    }

    private static HttpSession currentSession() {
        return ((org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest().getSession(true);
    }

    private static CurrentAccount me() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }
}
