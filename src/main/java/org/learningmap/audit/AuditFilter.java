package org.learningmap.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Records every state-changing request through the audited doors once it is done, whatever
 * happened: handled, refused by a use case, refused by the security rules before any handler ran, or
 * failed. It wraps the security filters (order -101, theirs is -100), so it sees their refusals too;
 * the web layer's {@link AuditInterceptor} tells it the route pattern, path variables and
 * organisation on the way in. Writing the entry never fails the request.
 */
@Component
@Order(-101)
class AuditFilter extends OncePerRequestFilter {

    private final Recorder recorder;
    private final OrganisationOfRequest organisations;
    private final RequestMappingHandlerMapping mappings;

    AuditFilter(Recorder recorder, OrganisationOfRequest organisations,
                @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.recorder = recorder;
        this.organisations = organisations;
        this.mappings = mappings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(Math.min(request.getContextPath().length(), request.getRequestURI().length()));
        Recorder.Door door = Recorder.Door.of(request.getMethod().toUpperCase(Locale.ROOT), path);
        if (door == null) {
            chain.doFilter(request, response);
            return;
        }
        Capture capture = new Capture();
        capture.organisationWhenWritten = door == Recorder.Door.API && !"DELETE".equalsIgnoreCase(request.getMethod());
        request.setAttribute(Capture.ATTRIBUTE, capture);
        response.setHeader(Recorder.REQUEST_ID_HEADER, Recorder.requestId(request));
        int failed = 0;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            failed = 500;
            throw e;
        } finally {
            try {
                if (capture.pattern == null) {
                    routeOf(request, path, capture);
                }
                int status = failed != 0 ? failed : response.getStatus();
                recorder.request(request, door, capture, status, problem(request));
            } catch (RuntimeException e) {
                logger.error("Could not record the audit entry of " + request.getMethod() + " " + path, e);
            }
        }
    }

    /** For a request the security rules refused before the web layer: its route, as the web layer would have matched it. */
    @SuppressWarnings("unchecked")
    private void routeOf(HttpServletRequest request, String path, Capture capture) {
        try {
            if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
                ServletRequestPathUtils.parseAndCache(request);
            }
            if (mappings.getHandler(request) != null) {
                capture.pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                capture.pathVariables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            }
        } catch (Exception unmatched) {
            // no route: the path itself is recorded
        }
        if (capture.pattern == null) {
            capture.pattern = path.length() > 200 ? path.substring(0, 200) : path;
        }
        if (!capture.organisationResolved && !capture.organisationWhenWritten) {
            capture.organisationId = organisations.resolve(capture.pattern, capture.pathVariables, null);
            capture.organisationResolved = true;
        }
    }

    /** A refusal the page carried back to the form as a {@code problem} message, with a redirect. */
    private static boolean problem(HttpServletRequest request) {
        return request.getAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE) instanceof FlashMap flash
                && flash.keySet().stream().anyMatch(key -> key.toLowerCase(Locale.ROOT).contains("problem"));
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }
}
