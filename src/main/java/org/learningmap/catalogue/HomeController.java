package org.learningmap.catalogue;

import java.util.List;
import org.learningmap.platform.Json;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The site's home: a search box, the topics, and what is coming up soon. */
@Controller
class HomeController {

    record TopicLink(String slug, LocalizedText name) {
    }

    private final JdbcClient jdbc;

    HomeController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/")
    String home(Model model) {
        Site site = Sites.current();
        List<TopicLink> topics = jdbc.sql("SELECT slug, name FROM topic WHERE site_id = ? ORDER BY position, slug")
                .param(site.id())
                .query((rs, n) -> new TopicLink(rs.getString("slug"), Json.text(rs.getString("name"))))
                .list();
        model.addAttribute("topics", topics);
        return "catalogue/home";
    }
}
