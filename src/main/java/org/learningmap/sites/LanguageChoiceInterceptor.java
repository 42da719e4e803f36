package org.learningmap.sites;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Remembers a language chosen with {@code ?lang=} so the next pages keep it. */
@Component
class LanguageChoiceInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final LocaleResolver localeResolver;

    LanguageChoiceInterceptor(LocaleResolver localeResolver) {
        this.localeResolver = localeResolver;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String chosen = request.getParameter(SiteLocaleResolver.PARAMETER);
        if (chosen != null) {
            Locale resolved = localeResolver.resolveLocale(request);
            if (resolved.getLanguage().equals(chosen)) {
                localeResolver.setLocale(request, response, resolved);
            }
        }
        return true;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }
}
