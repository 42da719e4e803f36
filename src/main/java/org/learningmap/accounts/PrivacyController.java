package org.learningmap.accounts;

import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /privacy}: how personal data is looked after, in plain language, with how long this site keeps it. */
@Controller
class PrivacyController {

    private final Retention retention;

    PrivacyController(Retention retention) {
        this.retention = retention;
    }

    @GetMapping("/privacy")
    String privacy(Model model) {
        model.addAttribute("retention", retention.of(Sites.current().id()));
        return "accounts/privacy";
    }
}
