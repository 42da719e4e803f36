package org.learningmap.platform;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Errors of the JSON API as RFC 9457 problem details, in the caller's language, with one message
 * per field where input was wrong. Nothing internal (stack traces, SQL) ever leaves the server.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> rule(RuleViolation violation) {
        return problem(violation.status(), violation.reason(), text(violation.reason(), violation.arguments()), Map.of());
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> invalid(BindException invalid) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : invalid.getFieldErrors()) {
            fields.putIfAbsent(error.getField(), messages.getMessage(error, locale()));
        }
        invalid.getGlobalErrors().forEach(error -> fields.putIfAbsent(error.getObjectName(), messages.getMessage(error, locale())));
        return problem(HttpStatus.BAD_REQUEST, "error.invalid-input", text("error.invalid-input"), fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalid(HandlerMethodValidationException invalid) {
        Map<String, String> fields = new LinkedHashMap<>();
        invalid.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                fields.putIfAbsent(result.getMethodParameter().getParameterName(), messages.getMessage(error, locale()))));
        return problem(HttpStatus.BAD_REQUEST, "error.invalid-input", text("error.invalid-input"), fields);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalid(ConstraintViolationException invalid) {
        Map<String, String> fields = new LinkedHashMap<>();
        invalid.getConstraintViolations().forEach(v -> fields.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return problem(HttpStatus.BAD_REQUEST, "error.invalid-input", text("error.invalid-input"), fields);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException mismatch) {
        return problem(HttpStatus.BAD_REQUEST, "error.invalid-input", text("error.invalid-input"),
                Map.of(mismatch.getName(), text("error.wrong-type")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException missing) {
        return problem(HttpStatus.BAD_REQUEST, "error.invalid-input", text("error.invalid-input"),
                Map.of(missing.getParameterName(), text("error.required")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable) {
        return problem(HttpStatus.BAD_REQUEST, "error.unreadable-body", text("error.unreadable-body"), Map.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException tooLarge) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "error.too-large", text("error.too-large"), Map.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException denied) {
        return problem(HttpStatus.FORBIDDEN, "error.forbidden", text("error.forbidden"), Map.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        if (BadInput.refusedByTheDatabase(exception)) {
            return problem(HttpStatus.BAD_REQUEST, "error.invalid-input", text("error.invalid-input"), Map.of());
        }
        if (BadInput.busy(exception)) {
            ResponseEntity<ProblemDetail> busy = problem(HttpStatus.SERVICE_UNAVAILABLE, "error.busy", text("error.busy"), Map.of());
            return ResponseEntity.status(busy.getStatusCode()).header("Retry-After", BadInput.RETRY_AFTER).body(busy.getBody());
        }
        if (exception instanceof ErrorResponse response && !response.getStatusCode().is5xxServerError()) {
            HttpStatusCode status = response.getStatusCode();
            String key = status.value() == 404 ? "error.not-found"
                    : status.value() == 405 ? "error.method-not-allowed"
                    : status.value() == 415 ? "error.unsupported-media-type"
                    : status.value() == 406 ? "error.not-acceptable" : "error.invalid-input";
            return problem(status, key, text(key), Map.of());
        }
        log.error("Unexpected error in API call", exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", text("error.unexpected"), Map.of());
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String key, String detail, Map<String, String> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:learningmap:problem:" + key));
        problem.setTitle(text("error.title." + status.value(), List.of(), text("error.title.other")));
        problem.setProperty("code", key);
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields);
        }
        return ResponseEntity.status(status).body(problem);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale());
    }

    private String text(String key, List<Object> arguments, String fallback) {
        return messages.getMessage(key, arguments.toArray(), fallback, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
