package org.learningmap.sites;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows its site, for branding, the language switch and the time zone. */
@ControllerAdvice
class SiteModelAdvice {

    @ModelAttribute("site")
    Site site(HttpServletRequest request) {
        return Sites.current(request);
    }
}
