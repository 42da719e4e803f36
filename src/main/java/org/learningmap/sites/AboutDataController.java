package org.learningmap.sites;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where the data comes from and under which licence; the sources' attribution lives here in full. */
@Controller
class AboutDataController {

    private final Sites sites;

    AboutDataController(Sites sites) {
        this.sites = sites;
    }

    @GetMapping("/about/data")
    String aboutData(Model model) {
        Site site = Sites.current();
        model.addAttribute("areas", sites.areas(site.id()));
        return "sites/about-data";
    }
}
