package org.learningmap.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriComponentsBuilder;

/** "I forgot my password": ask for a link by e-mail, then choose a new password through it. */
@Controller
class PasswordResetController {

    record ResetRequestForm(String email) {
        ResetRequestForm {
            email = email == null ? "" : email.strip();
        }
    }

    record NewPasswordForm(String password) {
    }

    private final PasswordResets resets;
    private final String baseUrl;

    PasswordResetController(PasswordResets resets, @Value("${learningmap.base-url}") String baseUrl) {
        this.resets = resets;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/password-reset")
    String ask(HttpServletRequest request, Model model) {
        model.addAttribute("form", new ResetRequestForm(""));
        model.addAttribute("sent", request.getParameterMap().containsKey("sent"));
        return "accounts/password-reset";
    }

    @PostMapping("/password-reset")
    String requestLink(ResetRequestForm form, HttpServletRequest request, Model model) {
        BindingResult errors = new BeanPropertyBindingResult(form, "form");
        SignUpForm.validateEmail(form.email(), "email", errors);
        if (errors.hasErrors()) {
            model.addAttribute("form", form);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
            model.addAttribute("sent", false);
            return "accounts/password-reset";
        }
        resets.requestLink(form.email(), Sites.current(), linkBase(request, Sites.current()));
        return "redirect:/password-reset?sent";
    }

    @GetMapping("/password-reset/{token}")
    String choose(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<AccountSummary> account = resets.accountOf(token);
        if (account.isEmpty()) {
            return invalidLink(model, response);
        }
        model.addAttribute("token", token);
        return "accounts/password-reset-choose";
    }

    @PostMapping("/password-reset/{token}")
    String choosePassword(@PathVariable String token, NewPasswordForm form, Model model, HttpServletResponse response) {
        Optional<AccountSummary> account = resets.accountOf(token);
        if (account.isEmpty()) {
            return invalidLink(model, response);
        }
        Optional<String> refused = PasswordRule.check(form.password(), account.get().email());
        if (refused.isPresent()) {
            model.addAttribute("token", token);
            model.addAttribute("passwordError", refused.get());
            return "accounts/password-reset-choose";
        }
        try {
            resets.choosePassword(token, form.password());
        } catch (RuleViolation usedMeanwhile) {
            return invalidLink(model, response);
        }
        return "redirect:/sign-in?reset";
    }

    private static String invalidLink(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_GONE);
        model.addAttribute("sent", false);
        model.addAttribute("form", new ResetRequestForm(""));
        model.addAttribute("invalidLink", true);
        return "accounts/password-reset";
    }

    /**
     * The address of this site for links in e-mail: the configured base URL, never the request's
     * Host header, which a stranger could set to send someone a link to their own server.
     */
    private String linkBase(HttpServletRequest request, Site site) {
        var uri = UriComponentsBuilder.fromUriString(baseUrl);
        if (site.host() != null && !site.host().isBlank()) {
            uri.host(site.host());
        }
        String base = uri.build().toUriString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + request.getContextPath();
    }
}
