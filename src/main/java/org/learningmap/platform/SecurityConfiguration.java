package org.learningmap.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two doors. The JSON API is stateless: anyone reads, and writes need a personal API token, so no
 * cookie is ever trusted there and CSRF cannot apply. Pages use a session cookie with CSRF tokens
 * on every form; staff and coordinator pages need a signed-in account, and each action checks
 * the account's role in the organisation or site it touches.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: https:; "
            + "style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The camera reads check-in passes on the roster and the location finds nearby activities; nothing else. */
    static final String PERMISSIONS_POLICY = "camera=(self), geolocation=(self), microphone=(), payment=(), usb=()";

    /**
     * Passwords are stored as {@code {bcrypt}} hashes (cost 10). Only hashing algorithms are known: a stored value
     * marked {@code {noop}} (plain text) or not marked at all never matches, so a row written by hand into the
     * database cannot become a plain-text password. A stronger algorithm can be added under its own mark later.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
        encoder.setDefaultPasswordEncoderForMatches(bcrypt);
        return encoder;
    }

    /**
     * No observation per security filter, authentication or authorisation: with only the property
     * {@code management.observations.enable.spring.security=false} each filter of every request was still wrapped
     * and asked whether to observe (a measurable share of an API request's CPU). {@code http.server.requests}
     * still times every request as a whole; refusals are still logged by {@link SecurityEventLog}.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings noSecurityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /** Refusals by the access rules become events, which {@link SecurityEventLog} writes down. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, List<ApiTokenAuthenticator> authenticators) throws Exception {
        http.securityMatcher("/api/v1/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.requireExplicitSave(true))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(authenticators), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/**").permitAll()
                        .anyRequest().authenticated());
        headers(http);
        return http.build();
    }

    /**
     * The CSRF token lives in a cookie, not in a server session: a visitor who only reads pages
     * (whose layout carries the easy-read form) costs the server no session at all. A bean, so that
     * pages answered from memory before the security filters hand out tokens the same way.
     */
    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new CookieCsrfTokenRepository();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, CsrfTokenRepository csrfTokens,
                              @Value("${learningmap.session.absolute-timeout:12h}") Duration absoluteTimeout) throws Exception {
        http.addFilterBefore(new AbsoluteSessionLifetime(absoluteTimeout), SecurityContextHolderFilter.class);
        http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens));
        http.formLogin(form -> form.loginPage("/sign-in").loginProcessingUrl("/sign-in")
                        .failureUrl("/sign-in?error").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/?signedOut").permitAll())
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/staff/**", "/coordinator/**", "/account/**", "/organisations/apply").authenticated()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().permitAll());
        headers(http);
        return http.build();
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .frameOptions(frame -> frame.deny()));
    }

    /**
     * However busy, a session ends this long after it began (ASVS 3.3.2): the next request finds it gone and the
     * person signs in again. The idle timeout ({@code server.servlet.session.timeout}) ends quiet sessions sooner.
     */
    static final class AbsoluteSessionLifetime extends OncePerRequestFilter {

        private final long maxMillis;

        AbsoluteSessionLifetime(Duration lifetime) {
            this.maxMillis = lifetime.toMillis();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpSession session = request.getSession(false);
            if (session != null) {
                try {
                    if (System.currentTimeMillis() - session.getCreationTime() > maxMillis) {
                        session.invalidate();
                    }
                } catch (IllegalStateException alreadyInvalid) {
                    // ended meanwhile: nothing to do
                }
            }
            chain.doFilter(request, response);
        }
    }

    /** Authenticates API calls that carry {@code Authorization: Bearer <personal token>}. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final List<ApiTokenAuthenticator> authenticators;

        BearerTokenFilter(List<ApiTokenAuthenticator> authenticators) {
            this.authenticators = authenticators;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                String token = header.substring(7).strip();
                java.util.Optional<org.springframework.security.core.Authentication> authentication;
                try {
                    authentication = authenticators.stream()
                            .map(authenticator -> authenticator.authenticate(token))
                            .flatMap(java.util.Optional::stream)
                            .findFirst();
                } catch (RuntimeException failure) {
                    if (!BadInput.busy(failure)) {
                        throw failure;
                    }
                    // Every database connection stayed busy: the caller tries again (the error page says so).
                    response.setHeader("Retry-After", BadInput.RETRY_AFTER);
                    response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                    return;
                }
                if (authentication.isEmpty()) {
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                    return;
                }
                SecurityContextHolder.getContext().setAuthentication(authentication.get());
            }
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
