package org.learningmap.sites;

import jakarta.servlet.http.HttpServletRequest;
import org.learningmap.platform.LayoutModel;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Error pages show the site's name, logo and colours too. */
@Component
class SiteLayoutModel implements LayoutModel {

    @Override
    public void addTo(Model model, HttpServletRequest request) {
        Site site = Sites.current(request);
        if (site != null && !model.containsAttribute("site")) {
            model.addAttribute("site", site);
        }
    }
}
