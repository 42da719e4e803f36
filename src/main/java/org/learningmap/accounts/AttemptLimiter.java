package org.learningmap.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Limits how often one IP address may post the sign-in, sign-up and password-reset forms
 * ({@code learningmap.sign-in.per-ip-per-minute} each). It runs before Spring Security, so a
 * refused attempt never reaches a password check, and for the same reason it renders its 429 page
 * itself, in the person's language. The address is the client's as the proxy reports it
 * ({@code server.forward-headers-strategy}), so the proxy must overwrite {@code X-Forwarded-For}.
 */
@Component
@Order(-110)
class AttemptLimiter extends OncePerRequestFilter {

    static final Set<String> DOORS = Set.of("/sign-in", "/sign-up", "/password-reset", "/claim", "/guardian-consent");

    private final TokenBuckets buckets;
    private final ApplicationContext context;
    private final ViewResolver views;
    private final LocaleResolver localeResolver;

    AttemptLimiter(@Value("${learningmap.sign-in.per-ip-per-minute}") int perMinute, Clock clock, ApplicationContext context,
                   ViewResolver thymeleafViewResolver, LocaleResolver localeResolver) {
        this.buckets = new TokenBuckets(perMinute, clock);
        this.context = context;
        this.views = thymeleafViewResolver;
        this.localeResolver = localeResolver;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !DOORS.contains(door(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = buckets.take(door(request) + " " + request.getRemoteAddr());
        if (wait.isPresent()) {
            refuse(request, response, wait.get());
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait) throws ServletException {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
        request.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, localeResolver);
        Locale locale = localeResolver.resolveLocale(request);
        Map<String, Object> model = new HashMap<>();
        model.put("site", Sites.current(request));
        model.put("easyRead", easyRead(request));
        model.put("currentPath", door(request));
        model.put("back", door(request));
        try {
            View page = views.resolveViewName("accounts/too-many-attempts", locale);
            if (page == null) {
                throw new ServletException("the page for too many attempts is missing");
            }
            page.render(model, request, response);
        } catch (ServletException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    /** The visitor's easy-read choice, which the platform keeps in the {@code easy} cookie. */
    private static boolean easyRead(HttpServletRequest request) {
        return request.getCookies() != null && Arrays.stream(request.getCookies())
                .anyMatch(cookie -> "easy".equals(cookie.getName()) && "1".equals(cookie.getValue()));
    }

    /** The form posted to: the sign-in path, or the reset path also for a reset link. */
    private static String door(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/password-reset/") ? "/password-reset" : path;
    }
}
