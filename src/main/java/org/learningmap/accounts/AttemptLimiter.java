package org.learningmap.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits how often one IP address may post the sign-in, sign-up and password-reset forms
 * ({@code learningmap.sign-in.per-ip-per-minute} each), answering 429 with a page in the person's
 * language. It runs before Spring Security, so a refused attempt never reaches a password check.
 * The address is the client's as the proxy reports it ({@code server.forward-headers-strategy}).
 */
@Component
@Order(-110)
class AttemptLimiter extends OncePerRequestFilter {

    static final Set<String> DOORS = Set.of("/sign-in", "/sign-up", "/password-reset");

    private final TokenBuckets buckets;

    AttemptLimiter(@Value("${learningmap.sign-in.per-ip-per-minute}") int perMinute, Clock clock) {
        this.buckets = new TokenBuckets(perMinute, clock);
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
            response.setHeader("Retry-After", Long.toString(Math.max(1, (wait.get().toMillis() + 999) / 1000)));
            response.sendError(429);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The form posted to: the sign-in path, or the reset path also for a reset link. */
    private static String door(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/password-reset/") ? "/password-reset" : path;
    }
}
