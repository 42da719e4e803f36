package org.learningmap.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.LocaleResolver;

/** The person's own account: name and language, password, and personal API tokens. */
@Controller
@RequestMapping("/account")
class AccountController {

    record ProfileForm(String displayName, String language) {
        ProfileForm {
            displayName = displayName == null ? "" : displayName.strip();
            language = language == null ? "" : language;
        }
    }

    record PasswordForm(String currentPassword, String newPassword) {
    }

    record TokenForm(String name) {
        TokenForm {
            name = name == null ? "" : name.strip();
        }
    }

    /** A token as listed, its times written in the site's zone and the reader's language. */
    record TokenRow(long id, String name, String createdAt, String lastUsedAt) {
    }

    private final Accounts accounts;
    private final AccountSettings settings;
    private final ApiTokens tokens;
    private final SignedInSession session;
    private final LocaleResolver localeResolver;

    AccountController(Accounts accounts, AccountSettings settings, ApiTokens tokens, SignedInSession session,
                      LocaleResolver localeResolver) {
        this.accounts = accounts;
        this.settings = settings;
        this.tokens = tokens;
        this.session = session;
        this.localeResolver = localeResolver;
    }

    @GetMapping
    String account(HttpServletRequest request, Model model, Locale locale) {
        CurrentAccount me = signedIn();
        AccountSummary summary = accounts.byId(me.id()).orElseThrow(RuleViolation::notFound);
        model.addAttribute("profile", new ProfileForm(summary.displayName(), summary.preferredLanguage()));
        model.addAttribute("password", new PasswordForm(null, null));
        model.addAttribute("token", new TokenForm(""));
        model.addAttribute("welcome", request.getParameterMap().containsKey("welcome"));
        model.addAttribute("claimed", request.getParameterMap().containsKey("claimed"));
        model.addAttribute("saved", request.getParameterMap().containsKey("saved"));
        model.addAttribute("passwordChanged", request.getParameterMap().containsKey("passwordChanged"));
        model.addAttribute("revoked", request.getParameterMap().containsKey("revoked"));
        return page(me, model, locale);
    }

    @PostMapping("/profile")
    String changeProfile(@ModelAttribute("profile") ProfileForm form, BindingResult errors, Model model, Locale locale,
                         HttpServletRequest request, HttpServletResponse response) {
        CurrentAccount me = signedIn();
        SignUpForm.validateName(form.displayName(), "displayName", errors);
        if (!Sites.current().languages().contains(form.language())) {
            errors.rejectValue("language", "validation.choose");
        }
        if (errors.hasErrors()) {
            model.addAttribute("password", new PasswordForm(null, null));
            model.addAttribute("token", new TokenForm(""));
            return page(me, model, locale);
        }
        session.store(settings.changeProfile(me.id(), form.displayName(), form.language()), request, response);
        localeResolver.setLocale(request, response, Locale.forLanguageTag(form.language()));
        return "redirect:/account?saved";
    }

    @PostMapping("/password")
    String changePassword(@ModelAttribute("password") PasswordForm form, BindingResult errors, Model model, Locale locale) {
        CurrentAccount me = signedIn();
        PasswordRule.check(form.newPassword(), me.email()).ifPresent(reason -> errors.rejectValue("newPassword", reason));
        if (!errors.hasErrors()) {
            try {
                settings.changePassword(me.id(), form.currentPassword(), form.newPassword());
                return "redirect:/account?passwordChanged";
            } catch (RuleViolation wrong) {
                errors.rejectValue("currentPassword", wrong.reason());
            }
        }
        model.addAttribute("profile", currentProfile(me));
        model.addAttribute("token", new TokenForm(""));
        return page(me, model, locale);
    }

    @PostMapping("/tokens")
    String createToken(@ModelAttribute("token") TokenForm form, BindingResult errors, Model model, Locale locale) {
        CurrentAccount me = signedIn();
        if (form.name().isBlank()) {
            errors.rejectValue("name", "validation.required");
        } else if (form.name().length() > ApiTokens.MAX_NAME) {
            errors.rejectValue("name", "account.name.invalid", new Object[] {ApiTokens.MAX_NAME}, null);
        } else {
            try {
                model.addAttribute("newToken", tokens.create(me.id(), form.name()));
                model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "token");
                model.addAttribute("token", new TokenForm(""));
            } catch (RuleViolation tooMany) {
                errors.rejectValue("name", tooMany.reason(), tooMany.arguments(), null);
            }
        }
        model.addAttribute("profile", currentProfile(me));
        model.addAttribute("password", new PasswordForm(null, null));
        return page(me, model, locale);
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id) {
        tokens.revoke(signedIn().id(), id);
        return "redirect:/account?revoked";
    }

    private ProfileForm currentProfile(CurrentAccount me) {
        AccountSummary summary = accounts.byId(me.id()).orElseThrow(RuleViolation::notFound);
        return new ProfileForm(summary.displayName(), summary.preferredLanguage());
    }

    private String page(CurrentAccount me, Model model, Locale locale) {
        Site site = Sites.current();
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(site.zone());
        List<TokenRow> rows = tokens.active(me.id()).stream()
                .map(token -> new TokenRow(token.id(), token.name(), format.format(token.createdAt()),
                        token.lastUsedAt() == null ? null : format.format(token.lastUsedAt())))
                .toList();
        model.addAttribute("email", me.email());
        model.addAttribute("tokens", rows);
        model.addAttribute("languages", site.languages());
        return "accounts/account";
    }

    private static CurrentAccount signedIn() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }
}
