package org.learningmap.platform;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The easy-read view: easy-read summaries, larger type and topic pictograms. The choice is kept in
 * a cookie for a year, so it persists for the visitor without an account.
 */
@Controller
@ControllerAdvice
class ViewPreferences {

    static final String EASY_READ_COOKIE = "easy";

    @ModelAttribute("easyRead")
    boolean easyRead(HttpServletRequest request) {
        return isEasyRead(request);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return SafeRedirect.localPath(query == null ? path : path + "?" + query);
    }

    public static boolean isEasyRead(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return false;
        }
        for (Cookie cookie : request.getCookies()) {
            if (EASY_READ_COOKIE.equals(cookie.getName()) && "1".equals(cookie.getValue())) {
                return true;
            }
        }
        return false;
    }

    @PostMapping("/preferences/easy-read")
    String switchEasyRead(@RequestParam(defaultValue = "false") boolean on,
                          @RequestParam(name = "back", defaultValue = "/") String back,
                          HttpServletResponse response) {
        Cookie cookie = new Cookie(EASY_READ_COOKIE, on ? "1" : "0");
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return "redirect:" + SafeRedirect.localPath(back);
    }
}
