package org.learningmap.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Errors on pages: a page in the visitor's language saying what went wrong and what to do next. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final java.util.List<LayoutModel> layout;

    PageErrors(java.util.List<LayoutModel> layout) {
        this.layout = layout;
    }

    @ExceptionHandler(RuleViolation.class)
    String rule(RuleViolation violation, Model model, HttpServletResponse response, HttpServletRequest request) {
        return page(violation.status().value(), violation.reason(), violation.arguments(), model, response, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException denied, Model model, HttpServletResponse response, HttpServletRequest request) {
        return page(403, "error.forbidden", new Object[0], model, response, request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException tooLarge, Model model, HttpServletResponse response, HttpServletRequest request) {
        return page(413, "error.too-large", new Object[0], model, response, request);
    }

    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    String mismatch(Exception exception, Model model, HttpServletResponse response, HttpServletRequest request) {
        return page(400, "error.invalid-input", new Object[0], model, response, request);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception exception, Model model, HttpServletResponse response, HttpServletRequest request) {
        if (BadInput.refusedByTheDatabase(exception)) {
            return page(400, "error.invalid-input", new Object[0], model, response, request);
        }
        if (BadInput.busy(exception)) {
            response.setHeader("Retry-After", BadInput.RETRY_AFTER);
            return page(HttpStatus.SERVICE_UNAVAILABLE.value(), "error.busy", new Object[0], model, response, request);
        }
        if (exception instanceof ErrorResponse error && !error.getStatusCode().is5xxServerError()) {
            int status = error.getStatusCode().value();
            return page(status, status == 404 ? "error.not-found" : status == 405 ? "error.method-not-allowed" : "error.invalid-input",
                    new Object[0], model, response, request);
        }
        log.error("Unexpected error on a page", exception);
        return page(HttpStatus.INTERNAL_SERVER_ERROR.value(), "error.unexpected", new Object[0], model, response, request);
    }

    private String page(int status, String reason, Object[] arguments, Model model, HttpServletResponse response,
                               HttpServletRequest request) {
        response.setStatus(status);
        // @ModelAttribute methods do not run for exception handlers, so the layout's own attributes are set here.
        model.addAttribute("easyRead", ViewPreferences.isEasyRead(request));
        model.addAttribute("currentPath", SafeRedirect.localPath(request.getRequestURI().substring(request.getContextPath().length())));
        model.addAttribute("status", status);
        model.addAttribute("reason", reason);
        model.addAttribute("reasonArguments", arguments);
        model.addAttribute("titleKey", ErrorTitles.key(status));
        layout.forEach(contributor -> contributor.addTo(model, request));
        return "error";
    }
}
