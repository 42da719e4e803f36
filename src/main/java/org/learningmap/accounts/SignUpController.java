package org.learningmap.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.learningmap.platform.RuleViolation;
import org.learningmap.platform.SafeRedirect;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** Creating an account, after which the person is signed in at once. */
@Controller
class SignUpController {

    private final Registration registration;
    private final SignedInSession session;
    private final LocaleResolver localeResolver;
    private final Minors minors;
    private final Accounts accounts;

    SignUpController(Registration registration, SignedInSession session, LocaleResolver localeResolver, Minors minors,
                     Accounts accounts) {
        this.registration = registration;
        this.session = session;
        this.localeResolver = localeResolver;
        this.minors = minors;
        this.accounts = accounts;
    }

    @GetMapping("/sign-up")
    String form(@RequestParam(name = "next", required = false) String next, Locale locale, Model model) {
        if (CurrentAccount.get().isPresent()) {
            return "redirect:/account";
        }
        model.addAttribute("form", new SignUpForm("", "", "", "", locale.getLanguage(), "", next));
        return page(model);
    }

    @PostMapping("/sign-up")
    String signUp(@ModelAttribute("form") SignUpForm form, BindingResult errors, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        form.validate(errors, languages(), Sites.current().country(), minors);
        if (errors.hasErrors()) {
            return page(model);
        }
        CurrentAccount account;
        try {
            account = registration.signUp(form, Sites.current());
        } catch (RuleViolation violation) {
            errors.rejectValue(Registration.PHONE_TAKEN.equals(violation.reason()) ? "phone" : "email", violation.reason());
            return page(model);
        }
        session.signIn(account, request, response);
        localeResolver.setLocale(request, response, Locale.forLanguageTag(form.language()));
        if (!accounts.mayKeepPersonalData(account.id())) {
            return "redirect:/account/guardian";
        }
        String next = form.next() == null || form.next().isBlank() ? "/account?welcome" : SafeRedirect.localPath(form.next());
        return "redirect:" + next;
    }

    private String page(Model model) {
        model.addAttribute("languages", languages());
        return "accounts/sign-up";
    }

    private static List<String> languages() {
        return Sites.current().languages();
    }
}
