package org.learningmap.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.learningmap.accounts.CurrentAccount;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * On the way into a handler of an audited request: who acts, the route pattern, its path variables and
 * the organisation it touches (asked before the handler runs, so a deleted thing still has an owner).
 */
@Configuration(proxyBeanMethods = false)
class AuditInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final OrganisationOfRequest organisations;

    AuditInterceptor(OrganisationOfRequest organisations) {
        this.organisations = organisations;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(Capture.ATTRIBUTE) instanceof Capture capture && capture.pattern == null) {
            capture.actor = CurrentAccount.get().orElse(null);
            capture.pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            capture.pathVariables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            capture.handled = true;
            if (!capture.organisationWhenWritten) {
                capture.organisationId = organisations.resolve(capture.pattern, capture.pathVariables, request::getParameter);
                capture.organisationResolved = true;
            }
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (request.getAttribute(Capture.ATTRIBUTE) instanceof Capture capture && capture.actor == null) {
            // a password reset signs the person in while the handler runs
            capture.actor = CurrentAccount.get().orElse(null);
        }
    }
}
