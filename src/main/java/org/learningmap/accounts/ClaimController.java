package org.learningmap.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

/**
 * {@code /claim}: a person made at a desk types the code from their card, adds an e-mail address
 * or a phone number and a password, and the account is theirs; they are signed in at once. The
 * form is limited per address like sign-in ({@link AttemptLimiter}). With {@code next} (a local
 * path) the person goes on there afterwards, for example to the badge they were claiming.
 */
@Controller
class ClaimController {

    record ClaimForm(String code, String email, String phone, String password, String next) {
        ClaimForm {
            next = next == null || next.isBlank() ? null : SafeRedirect.localPath(next);
            code = code == null ? "" : code.strip();
            email = email == null ? "" : email.strip();
            phone = phone == null ? "" : phone.strip();
            password = password == null ? "" : password;
        }
    }

    private final Claims claims;
    private final SignedInSession session;

    ClaimController(Claims claims, SignedInSession session) {
        this.claims = claims;
        this.session = session;
    }

    @GetMapping("/claim")
    String form(@RequestParam(name = "code", required = false) String code,
                @RequestParam(name = "next", required = false) String next, Model model) {
        model.addAttribute("form", new ClaimForm(code, "", "", "", next));
        return "accounts/claim";
    }

    @PostMapping("/claim")
    String claim(@ModelAttribute("form") ClaimForm form, BindingResult errors, HttpServletRequest request,
                 HttpServletResponse response, Locale locale) {
        if (ClaimCodes.normalise(form.code()).isEmpty()) {
            errors.rejectValue("code", Claims.INVALID_CODE);
        }
        String phone = null;
        if (form.email().isBlank() && form.phone().isBlank()) {
            errors.rejectValue("email", "claim.email-or-phone");
        }
        if (!form.email().isBlank()) {
            SignUpForm.validateEmail(form.email(), "email", errors);
        }
        if (!form.phone().isBlank()) {
            phone = PhoneNumbers.normalise(form.phone(), Sites.current().country()).orElse(null);
            if (phone == null) {
                errors.rejectValue("phone", "validation.phone");
            }
        }
        PasswordRule.check(form.password(), form.email()).ifPresent(reason -> errors.rejectValue("password", reason));
        if (errors.hasErrors()) {
            return "accounts/claim";
        }
        try {
            CurrentAccount account = claims.claim(form.code(), form.email().isBlank() ? null : form.email(), phone,
                    form.password());
            session.signIn(account, request, response);
            return "redirect:" + (form.next() == null ? "/account?claimed" : form.next());
        } catch (RuleViolation violation) {
            String field = switch (violation.reason()) {
                case Registration.EMAIL_TAKEN -> "email";
                case Registration.PHONE_TAKEN -> "phone";
                default -> "code";
            };
            errors.rejectValue(field, violation.reason());
            return "accounts/claim";
        }
    }
}
