package org.learningmap.sites;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the site of each request: by host name first, then by a first path segment naming a
 * site ({@code /kyiv-region/search}), else the default site. A path prefix becomes part of the
 * context path, so every link and redirect the application makes stays inside that site.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SiteResolutionFilter extends OncePerRequestFilter {

    private final Sites sites;

    SiteResolutionFilter(Sites sites) {
        this.sites = sites;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest effective = request;
        Optional<Site> site = sites.byHost(request.getServerName());
        if (site.isEmpty()) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String first = firstSegment(path);
            Optional<Site> named = first.isEmpty() ? Optional.empty() : sites.bySlug(first);
            if (named.isPresent()) {
                site = named;
                effective = new SitePrefixedRequest(request, request.getContextPath() + "/" + first);
            } else {
                site = sites.defaultSite();
            }
        }
        site.ifPresent(value -> request.setAttribute(Sites.REQUEST_ATTRIBUTE, value));
        chain.doFilter(effective, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static String firstSegment(String path) {
        if (path.length() < 2) {
            return "";
        }
        int end = path.indexOf('/', 1);
        return end < 0 ? path.substring(1) : path.substring(1, end);
    }

    /** The request as seen below a site prefix: the prefix is part of the context path. */
    static final class SitePrefixedRequest extends HttpServletRequestWrapper {

        private final String contextPath;

        SitePrefixedRequest(HttpServletRequest request, String contextPath) {
            super(request);
            this.contextPath = contextPath;
        }

        @Override
        public String getContextPath() {
            return contextPath;
        }

        @Override
        public String getServletPath() {
            String uri = getRequestURI();
            return uri.length() > contextPath.length() ? uri.substring(contextPath.length()) : "/";
        }

        @Override
        public String getPathInfo() {
            return null;
        }
    }
}
