package org.learningmap.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.Languages;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.LocaleResolver;

/** {@code /account/profile}: the learner's own details. */
@Controller
class ProfileController {

    /** The form: up to three languages in order, the first one required. */
    record DetailsForm(String displayName, String language1, String language2, String language3, String yearOfBirth,
                       String channel, String phone, String email) {
        DetailsForm {
            displayName = displayName == null ? "" : displayName.strip();
            language1 = language1 == null ? "" : language1;
            language2 = language2 == null ? "" : language2;
            language3 = language3 == null ? "" : language3;
            yearOfBirth = yearOfBirth == null ? "" : yearOfBirth.strip();
            channel = channel == null ? "" : channel;
            phone = phone == null ? "" : phone.strip();
            email = email == null ? "" : email.strip();
        }

        static DetailsForm of(Profiles.Profile profile) {
            List<String> languages = profile.languages();
            return new DetailsForm(profile.displayName(), languages.getFirst(), languages.size() > 1 ? languages.get(1) : "",
                    languages.size() > 2 ? languages.get(2) : "",
                    profile.yearOfBirth() == null ? "" : profile.yearOfBirth().toString(), profile.channel().name(),
                    profile.phone() == null ? "" : profile.phone(), profile.email() == null ? "" : profile.email());
        }
    }

    private final Profiles profiles;
    private final Minors minors;
    private final Accounts accounts;
    private final SignedInSession session;
    private final LocaleResolver localeResolver;

    ProfileController(Profiles profiles, Minors minors, Accounts accounts, SignedInSession session,
                      LocaleResolver localeResolver) {
        this.profiles = profiles;
        this.minors = minors;
        this.accounts = accounts;
        this.session = session;
        this.localeResolver = localeResolver;
    }

    @GetMapping("/account/profile")
    String profile(HttpServletRequest request, Model model) {
        Profiles.Profile profile = profiles.of(signedIn().id());
        model.addAttribute("form", DetailsForm.of(profile));
        model.addAttribute("saved", request.getParameterMap().containsKey("saved"));
        return page(profile, model);
    }

    @PostMapping("/account/profile/details")
    String save(@ModelAttribute("form") DetailsForm form, BindingResult errors, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        CurrentAccount me = signedIn();
        Profiles.Profile profile = profiles.of(me.id());
        if (!accounts.mayKeepPersonalData(me.id())) {
            errors.reject(Accounts.AWAITING_GUARDIAN);
            return page(profile, model);
        }
        SignUpForm.validateName(form.displayName(), "displayName", errors);
        List<String> languages = new ArrayList<>();
        for (String language : List.of(form.language1(), form.language2(), form.language3())) {
            if (!language.isBlank() && Languages.isInterfaceLanguage(language) && !languages.contains(language)) {
                languages.add(language);
            }
        }
        if (!Languages.isInterfaceLanguage(form.language1())) {
            errors.rejectValue("language1", "validation.choose");
        }
        Integer year = null;
        if (!form.yearOfBirth().isBlank()) {
            year = form.yearOfBirth().matches("[0-9]{4}") ? Integer.valueOf(form.yearOfBirth()) : null;
            if (year == null || !minors.plausibleYear(year)) {
                errors.rejectValue("yearOfBirth", "validation.year-of-birth");
            }
        }
        String email = form.email().isBlank() ? null : form.email();
        if (email != null) {
            SignUpForm.validateEmail(email, "email", errors);
        }
        String phone = null;
        if (!form.phone().isBlank()) {
            phone = PhoneNumbers.normalise(form.phone(), Sites.current().country()).orElse(null);
            if (phone == null) {
                errors.rejectValue("phone", "validation.phone");
            }
        }
        if (email == null && form.phone().isBlank() && profile.hasPassword()) {
            errors.rejectValue("email", "sign-up.email-or-phone");
        }
        Profiles.Channel channel = switch (form.channel()) {
            case "EMAIL" -> email != null ? Profiles.Channel.EMAIL : null;
            case "SMS" -> phone != null ? Profiles.Channel.SMS : null;
            case "NONE" -> Profiles.Channel.NONE;
            default -> null;
        };
        if (channel == null) {
            errors.rejectValue("channel", "profile.channel.unavailable");
        }
        if (errors.hasErrors()) {
            return page(profile, model);
        }
        try {
            CurrentAccount now = profiles.save(me.id(), new Profiles.Changes(form.displayName(), languages, year, channel, phone, email));
            session.store(now, request, response);
        } catch (RuleViolation violation) {
            switch (violation.reason()) {
                case Registration.EMAIL_TAKEN -> errors.rejectValue("email", violation.reason());
                case Registration.PHONE_TAKEN -> errors.rejectValue("phone", violation.reason());
                default -> errors.reject(violation.reason());
            }
            return page(profile, model);
        }
        localeResolver.setLocale(request, response, Locale.forLanguageTag(languages.getFirst()));
        return "redirect:/account/profile?saved";
    }

    private String page(Profiles.Profile profile, Model model) {
        model.addAttribute("profile", profile);
        model.addAttribute("languages", Languages.INTERFACE);
        model.addAttribute("awaitingGuardian", !accounts.mayKeepPersonalData(profile.id()));
        return "accounts/profile";
    }

    private static CurrentAccount signedIn() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }
}
