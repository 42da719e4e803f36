package org.learningmap.map;

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
import org.springframework.web.servlet.LocaleResolver;

/**
 * Map clusters of visitors ({@code GET /api/v1/map/clusters}), answered before the security filters
 * when {@link ClustersController} has made the very answer before and it is still current: a map
 * moved to a viewport someone saw already costs no authentication, session or Spring MVC work.
 *
 * <p>Only a request with no {@code Authorization} header, no session cookie and no {@code ?lang=}
 * is answered here, and only once an answer of the controller has gone through the security filters,
 * whose headers (Content-Security-Policy and the rest) every answer from memory carries again. Anything
 * else, a request that is not well-formed included, goes down the chain as always.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 12)
class AnonymousClusterAnswers extends OncePerRequestFilter {

    static final String PATH = "/api/v1/map/clusters";

    private final ClustersController clusters;
    private final LocaleResolver locales;
    /** The headers the security filters gave the last answer that went through them. */
    private volatile String[] headers;

    AnonymousClusterAnswers(ClustersController clusters, LocaleResolver locales) {
        this.clusters = clusters;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Site site = Sites.current(request);
        String[] replayed = headers;
        if (site == null || !AnswersFromMemory.fromVisitor(request)) {
            chain.doFilter(request, response);
            return;
        }
        ClustersController.Rendered answer = replayed == null ? null
                : clusters.kept(request, site, locales.resolveLocale(request).getLanguage());
        if (answer == null) {
            chain.doFilter(request, response);
            if (response.getStatus() == HttpServletResponse.SC_OK && response.getHeaders("Set-Cookie").isEmpty()) {
                headers = AnswersFromMemory.replayableHeaders(response);
            }
            return;
        }
        // Answered before Spring MVC matches a handler: the request's metrics get the path pattern here.
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATH));
        for (int i = 0; i < replayed.length; i += 2) {
            response.setHeader(replayed[i], replayed[i + 1]);
        }
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Vary", "Accept-Encoding");
        response.setHeader("ETag", answer.tag());
        if (ClustersController.notModified(request, answer)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(ClustersController.GEO_JSON.toString());
        byte[] body = answer.json();
        if (ClustersController.acceptsGzip(request)) {
            response.setHeader("Content-Encoding", "gzip");
            body = answer.gzip();
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
