package org.learningmap.sites;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Enumeration;
import java.util.Locale;
import org.learningmap.shared.Languages;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The interface language of a request: a {@code lang} parameter (remembered in a cookie), else the
 * remembered choice, else the browser's first language the site speaks, else the site's default.
 */
@Component("localeResolver")
class SiteLocaleResolver implements LocaleResolver {

    static final String COOKIE = "lang";
    static final String PARAMETER = "lang";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object resolved = request.getAttribute(SiteLocaleResolver.class.getName());
        if (resolved instanceof Locale locale) {
            return locale;
        }
        Site site = Sites.current(request);
        Locale locale = Locale.forLanguageTag(choose(request, site));
        request.setAttribute(SiteLocaleResolver.class.getName(), locale);
        return locale;
    }

    private String choose(HttpServletRequest request, Site site) {
        String parameter = request.getParameter(PARAMETER);
        if (acceptable(parameter, site)) {
            return parameter;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && acceptable(cookie.getValue(), site)) {
                    return cookie.getValue();
                }
            }
        }
        Enumeration<Locale> accepted = request.getLocales();
        while (request.getHeader("Accept-Language") != null && accepted.hasMoreElements()) {
            String language = accepted.nextElement().getLanguage();
            if (acceptable(language, site)) {
                return language;
            }
        }
        return site == null ? "en" : site.defaultLanguage();
    }

    private static boolean acceptable(String language, Site site) {
        return Languages.isInterfaceLanguage(language) && (site == null || site.speaks(language) || "en".equals(language));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        request.setAttribute(SiteLocaleResolver.class.getName(), locale);
        if (response != null && locale != null) {
            Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
    }
}
