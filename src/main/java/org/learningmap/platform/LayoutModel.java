package org.learningmap.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;

/**
 * Adds what the page layout shows (branding, for example) to the model of a page that no controller
 * method built: error pages raised inside a controller skip {@code @ModelAttribute} methods, yet should
 * look like the rest of the site. Feature modules implement it; platform knows none of them.
 */
public interface LayoutModel {

    void addTo(Model model, HttpServletRequest request);
}
