package org.learningmap.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A minor asks a parent or guardian to agree ({@code /account/guardian}), and the guardian agrees
 * through the link in their e-mail ({@code /guardian-consent/{token}}, no account needed).
 */
@Controller
class GuardianController {

    record AskForm(String guardianEmail) {
        AskForm {
            guardianEmail = guardianEmail == null ? "" : guardianEmail.strip();
        }
    }

    record AgreeForm(String guardianName, Boolean agree) {
        AgreeForm {
            guardianName = guardianName == null ? "" : guardianName.strip();
        }
    }

    private final Guardians guardians;
    private final Accounts accounts;
    private final LinkBase linkBase;

    GuardianController(Guardians guardians, Accounts accounts, LinkBase linkBase) {
        this.guardians = guardians;
        this.accounts = accounts;
        this.linkBase = linkBase;
    }

    @GetMapping("/account/guardian")
    String askForm(HttpServletRequest request, Model model) {
        CurrentAccount me = signedIn();
        if (accounts.mayKeepPersonalData(me.id())) {
            return "redirect:/account";
        }
        model.addAttribute("form", new AskForm(""));
        model.addAttribute("sent", request.getParameterMap().containsKey("sent"));
        return "accounts/guardian-ask";
    }

    @PostMapping("/account/guardian")
    String ask(@ModelAttribute("form") AskForm form, BindingResult errors, HttpServletRequest request) {
        CurrentAccount me = signedIn();
        if (accounts.mayKeepPersonalData(me.id())) {
            return "redirect:/account";
        }
        SignUpForm.validateEmail(form.guardianEmail(), "guardianEmail", errors);
        if (me.email() != null && me.email().equalsIgnoreCase(form.guardianEmail())) {
            errors.rejectValue("guardianEmail", "guardian.own-address");
        }
        if (!errors.hasErrors()) {
            try {
                guardians.ask(me.id(), form.guardianEmail(), Sites.current(), linkBase.of(request, Sites.current()));
                return "redirect:/account/guardian?sent";
            } catch (RuleViolation tooMany) {
                errors.rejectValue("guardianEmail", tooMany.reason(), tooMany.arguments(), null);
            }
        }
        return "accounts/guardian-ask";
    }

    @GetMapping("/guardian-consent/{token}")
    String consentForm(@PathVariable String token, Model model, Locale locale) {
        Optional<Guardians.Request> request = guardians.request(token);
        if (request.isEmpty()) {
            model.addAttribute("invalidLink", true);
            return "accounts/guardian-consent";
        }
        model.addAttribute("request", request.get());
        model.addAttribute("form", new AgreeForm("", null));
        model.addAttribute("token", token);
        model.addAttribute("siteName", guardians.siteOf(request.get()).name().in(locale.getLanguage()));
        return "accounts/guardian-consent";
    }

    @PostMapping("/guardian-consent/{token}")
    String agree(@PathVariable String token, @ModelAttribute("form") AgreeForm form, BindingResult errors, Model model,
                 Locale locale) {
        Optional<Guardians.Request> request = guardians.request(token);
        if (request.isEmpty()) {
            model.addAttribute("invalidLink", true);
            return "accounts/guardian-consent";
        }
        SignUpForm.validateName(form.guardianName(), "guardianName", errors);
        if (!Boolean.TRUE.equals(form.agree())) {
            errors.rejectValue("agree", "guardian.agree.required");
        }
        if (!errors.hasErrors()) {
            try {
                guardians.agree(token, form.guardianName());
                model.addAttribute("agreed", true);
                model.addAttribute("request", request.get());
                return "accounts/guardian-consent";
            } catch (RuleViolation gone) {
                model.addAttribute("invalidLink", true);
                return "accounts/guardian-consent";
            }
        }
        model.addAttribute("request", request.get());
        model.addAttribute("token", token);
        model.addAttribute("siteName", guardians.siteOf(request.get()).name().in(locale.getLanguage()));
        return "accounts/guardian-consent";
    }

    private static CurrentAccount signedIn() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }
}
