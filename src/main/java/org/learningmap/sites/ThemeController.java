package org.learningmap.sites;

import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The site's colours as a small style sheet, so pages need no inline styles under a strict CSP. */
@Controller
class ThemeController {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{3,8}");

    @GetMapping(value = "/site/theme.css", produces = "text/css")
    ResponseEntity<String> theme() {
        Site site = Sites.current();
        String css = ":root{--primary:%s;--accent:%s}".formatted(colour(site.primaryColour(), "#1d4ed8"),
                colour(site.accentColour(), "#b45309"));
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("text/css"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic())
                .body(css);
    }

    private static String colour(String value, String fallback) {
        return value != null && COLOUR.matcher(value).matches() ? value : fallback;
    }
}
