package org.learningmap.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /privacy}: how personal data is looked after, in plain language. */
@Controller
class PrivacyController {

    @GetMapping("/privacy")
    String privacy() {
        return "accounts/privacy";
    }
}
