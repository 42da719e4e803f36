package org.learningmap.catalogue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.learningmap.platform.AnswersFromMemory;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * API searches, search pages and the home page of visitors ({@code GET /api/v1/activities},
 * {@code GET /search}, {@code GET /}), answered from {@link AnonymousAnswers} before the security
 * filters: a search asked again costs no authentication, authorisation or session work. A page gets its
 * CSRF token here the way the security filters would give it ({@link AnonymousAnswers#answerPageFromMemory});
 * a page not kept goes down the chain and is kept after the security filters. It runs right after the site
 * is resolved ({@code SiteResolutionFilter}) and the request is timed ({@code http.server.requests}),
 * before Spring Session, Spring Security and the rest.
 *
 * <p>Only a request with no {@code Authorization} header (the API's only way to sign in), no
 * session cookie and no {@code ?lang=} is answered here; every other request goes through the
 * security filters as always and is never served from, nor put into, memory. The API's security is
 * stateless (a session never signs anyone in there), so the session cookie test is the stricter one
 * and needs no database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class AnonymousApiAnswers extends OncePerRequestFilter {

    static final String API = "/api/v1/activities";

    private final AnonymousAnswers answers;

    AnonymousApiAnswers(AnonymousAnswers answers) {
        this.answers = answers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return true;
        }
        String path = AnonymousAnswers.path(request);
        return !API.equals(path) && !AnonymousAnswers.PAGES.contains(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Site site = Sites.current(request);
        if (site == null || !AnswersFromMemory.fromVisitor(request)) {
            chain.doFilter(request, response);
            return;
        }
        String path = AnonymousAnswers.path(request);
        if (AnonymousAnswers.PAGES.contains(path)) {
            if (answers.answerPageFromMemory(site, request, response)) {
                ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(path));
                return;
            }
            chain.doFilter(request, response);
            answers.pageWentThrough(response);
            return;
        }
        // Answered before Spring MVC matches a handler: the request's metrics get the path pattern here.
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(API));
        answers.answerApi(site, request, response, chain);
    }
}
