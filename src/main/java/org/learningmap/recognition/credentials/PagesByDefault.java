package org.learningmap.recognition.credentials;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An issuer's or a credential's address answers people with a page and programs with JSON-LD or a JWT,
 * by the Accept header. A request that states no preference (no Accept header, or only {@code *}{@code /*})
 * would match both equally; it is served the page, as a person following a link expects.
 */
@Component
class PagesByDefault extends OncePerRequestFilter {

    private static final Pattern NEGOTIATED = Pattern.compile(
            "^(/[a-z0-9-]+)?/(issuers/\\d+|credentials/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/?$");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return true;
        }
        String accept = request.getHeader("Accept");
        boolean noPreference = accept == null || accept.isBlank() || accept.strip().equals("*/*");
        return !noPreference || !NEGOTIATED.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return "Accept".equalsIgnoreCase(name) ? "text/html" : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return "Accept".equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of("text/html")) : super.getHeaders(name);
            }
        }, response);
    }
}
