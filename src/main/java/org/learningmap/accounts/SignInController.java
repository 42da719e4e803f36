package org.learningmap.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page. Spring Security checks the form posted to {@code /sign-in} and comes back here
 * with {@code ?error}; the reason it kept in the session tells a locked account from a wrong
 * password. An unknown e-mail address reads exactly like a wrong password.
 */
@Controller
class SignInController {

    private final int lockMinutes;

    SignInController(@Value("${learningmap.sign-in.lock-minutes}") int lockMinutes) {
        this.lockMinutes = lockMinutes;
    }

    @GetMapping("/sign-in")
    String signIn(HttpServletRequest request, Model model) {
        if (CurrentAccount.get().isPresent()) {
            return "redirect:/account";
        }
        if (request.getParameterMap().containsKey("error")) {
            model.addAttribute("signInError", reason(request.getSession(false)));
            model.addAttribute("lockMinutes", lockMinutes);
        }
        model.addAttribute("passwordChanged", request.getParameterMap().containsKey("reset"));
        return "accounts/sign-in";
    }

    private static String reason(HttpSession session) {
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof LockedException) {
            return "sign-in.locked";
        }
        if (failure instanceof DisabledException) {
            return "sign-in.disabled";
        }
        return "sign-in.failed";
    }
}
